// The dashboard: sign-in, navigation by role, live updates. Each view is a module rendering into <main>.
import * as api from './api.js';
import { escapeHtml } from './format.js';
import { TIME_ZONES, code, language, problem, setLanguage, setTimeZone, t, timeZone, translate } from './i18n.js';
import { renderNetwork } from './views/network.js';
import { renderCaseloads } from './views/caseloads.js';
import { renderInbox, renderReferral } from './views/inbox.js';
import { renderTimeline, renderTimelineLookup } from './views/timeline.js';
import { renderEscalations } from './views/escalations.js';
import { renderProjections } from './views/projections.js';
import { renderCase, renderCaseLookup, renderNewCase } from './views/cases.js';
import { renderStatistics } from './views/statistics.js';

const view = document.getElementById('view');
let me = null;
let liveController = null;
let drawings = 0;
const liveListeners = new Set();

/** What each role sees in the navigation, in order; the first is its home. */
const MENUS = {
  COORDINATOR: ['network', 'caseloads', 'inbox', 'escalations', 'cases', 'stats', 'timeline'],
  ANALYST: ['network', 'caseloads', 'stats'],
  PARTNER_AGENT: ['inbox', 'cases', 'caseloads', 'timeline'],
  ADMIN: ['projections'],
};

const ROUTES = {
  network: () => renderNetwork(view, me),
  caseloads: () => renderCaseloads(view, me),
  inbox: () => renderInbox(view, me),
  escalations: () => renderEscalations(view, me),
  timeline: (id) => (id ? renderTimeline(view, me, id) : renderTimelineLookup(view)),
  referral: (id) => renderReferral(view, me, id),
  projections: () => renderProjections(view),
  cases: (id) => (id === 'new' ? renderNewCase(view, me) : id ? renderCase(view, me, id) : renderCaseLookup(view, me)),
  stats: () => renderStatistics(view),
};

/** Views call this to refresh when a referral changes (live). */
export function onReferralChange(listener) {
  liveListeners.clear();
  liveListeners.add(listener);
}

function renderNav() {
  const nav = document.getElementById('nav');
  nav.innerHTML = '';
  if (!me) return;
  const current = location.hash.replace(/^#\//, '').split('/')[0];
  for (const name of MENUS[me.role] || []) {
    const link = document.createElement('a');
    link.href = `#/${name}`;
    link.textContent = t(`nav.${name}`);
    if (name === current) link.setAttribute('aria-current', 'page');
    nav.appendChild(link);
  }
  document.getElementById('who').textContent = `${code('Role', me.role)}${me.partnerId ? ` · ${me.partnerId}` : ''}`;
  document.getElementById('signout').hidden = false;
}

function renderSignIn(message = '') {
  document.getElementById('nav').innerHTML = '';
  document.getElementById('who').textContent = '';
  document.getElementById('signout').hidden = true;
  view.innerHTML = `
    <section class="card signin">
      <h1>${t('signin.title')}</h1>
      <form id="signin-form">
        <label>${t('signin.key')}<textarea id="credential" name="credential" required autocomplete="off"></textarea></label>
        <p class="muted">${t('signin.help')}</p>
        <p id="signin-error" class="error" role="alert">${message}</p>
        <button class="primary" type="submit">${t('signin.submit')}</button>
      </form>
    </section>`;
  document.getElementById('signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    api.signIn(document.getElementById('credential').value);
    await start();
  });
  document.getElementById('credential').focus();
}

async function route() {
  if (!me) return;
  const [name, ...rest] = location.hash.replace(/^#\//, '').split('/');
  const menu = MENUS[me.role] || [];
  const target = ROUTES[name] && (menu.includes(name) || name === 'referral') ? name : menu[0];
  if (target !== name) {
    location.hash = `#/${target}`;
    return;
  }
  renderNav();
  view.innerHTML = `<p class="muted">${t('common.loading')}</p>`;
  delete view.dataset.shown;
  const drawing = ++drawings; // a later route (a click, a language change) supersedes this one
  try {
    await ROUTES[target](rest.join('/') || undefined);
  } catch (error) {
    if (drawing !== drawings) return; // superseded: its failure (its page replaced under it) is not the user's
    view.innerHTML = `<p class="error" role="alert">${t('common.error')}: ${escapeHtml(error.problem ? problem(error.problem) : error.message)}</p>`;
  }
  if (drawing !== drawings) return;
  view.dataset.shown = `${language()} ${location.hash}`; // what is drawn, for whoever waits for it (browser tests)
  view.focus({ preventScroll: true });
}

function startLive() {
  if (liveController) liveController.abort();
  liveController = new AbortController();
  const toast = document.getElementById('live');
  api.stream((event) => {
    if (event.type !== 'referral') return;
    toast.textContent = t('live.changed');
    toast.classList.add('show');
    setTimeout(() => toast.classList.remove('show'), 2500);
    let change = null;
    try { change = JSON.parse(event.data); } catch { return; }
    liveListeners.forEach((listener) => listener(change));
  }, liveController.signal).catch(() => {});
}

async function start() {
  if (!api.credential()) {
    renderSignIn();
    return;
  }
  const answer = await api.get('/api/me');
  if (!answer.ok) {
    api.signOut();
    renderSignIn(t('signin.refused'));
    return;
  }
  me = answer.body;
  startLive();
  await route();
}

function translateShell() {
  translate();
  document.querySelectorAll('[data-i18n-label]').forEach((element) => element.setAttribute('aria-label', t(element.dataset.i18nLabel)));
  document.title = t('app.title');
}

const zones = document.getElementById('tz');
zones.innerHTML = TIME_ZONES.map((zone) => `<option value="${zone}">${zone}</option>`).join('');
zones.value = timeZone();
document.getElementById('lang').value = language();
setLanguage(language());
translateShell();
document.getElementById('lang').addEventListener('change', async (event) => {
  setLanguage(event.target.value);
  translateShell();
  if (me) await route(); else renderSignIn();
});
zones.addEventListener('change', async (event) => {
  setTimeZone(event.target.value);
  if (me) await route();
});
document.getElementById('signout').addEventListener('click', () => {
  api.signOut();
  me = null;
  if (liveController) liveController.abort();
  location.hash = '';
  renderSignIn();
});
window.addEventListener('hashchange', route);
start();
