// Inbox and outbox of a partner, and one referral with the actions its caller may take.
import * as api from '../api.js';
import { onReferralChange } from '../app.js';
import { availableActions, escapeHtml } from '../format.js';
import { code, dateTime, summary, t } from '../i18n.js';
import { CATEGORIES, STATUSES, disposeCharts, options, partnerNames, problemText, until } from './shared.js';

const DECLINE_REASONS = ['NO_CAPACITY', 'NOT_ELIGIBLE', 'OUT_OF_SERVICE_AREA', 'SERVICE_NOT_OFFERED', 'MISSING_INFORMATION', 'OTHER'];
const FAILURE_REASONS = ['CLIENT_UNREACHABLE', 'CLIENT_WITHDREW', 'CLIENT_INELIGIBLE', 'PROVIDER_UNABLE', 'OTHER'];
const OUTCOMES = ['SERVICE_PROVIDED', 'PARTIALLY_PROVIDED'];
const CLOSURE_REASONS = ['NEED_MET', 'NEED_PARTIALLY_MET', 'NEED_NOT_MET', 'OTHER'];
const SATISFACTION = ['5', '4', '3', '2', '1'];

/** The fields each action's form asks for (a select with an empty first choice, so the server judges it), and their codes. */
const FIELDS = {
  decline: [['reasonCode', DECLINE_REASONS, 'DeclineReason'], ['note']],
  fail: [['reasonCode', FAILURE_REASONS, 'FailureReason'], ['note']],
  deliver: [['outcome', OUTCOMES, 'DeliveryOutcome'], ['note']],
  // with the quality of the service: received as planned, and the returnee's satisfaction and comment if asked
  close: [['closureReason', CLOSURE_REASONS, 'ReferralClosureReason'], ['note'], ['receivedAsPlanned', ['true', 'false'], 'YesNo'],
    ['satisfaction', SATISFACTION, 'Satisfaction'], ['comment']],
  notes: [['note']],
  feedback: [['satisfaction', SATISFACTION, 'Satisfaction'], ['comment']],
};

/** Form values the API takes as other than text. */
const TYPED = { receivedAsPlanned: (v) => v === 'true', satisfaction: Number };

const PAGE = 50;

export async function renderInbox(view, me, filters = null) {
  disposeCharts();
  const names = await partnerNames();
  const partners = me.role === 'PARTNER_AGENT' ? [] : Object.entries(names).sort((a, b) => a[1].localeCompare(b[1]));
  const state = filters || { partnerId: me.partnerId || '', direction: '', status: '', category: '', page: 0 };
  const query = new URLSearchParams({ size: String(PAGE), page: String(state.page || 0) });
  ['partnerId', 'direction', 'status', 'category', 'caseId'].forEach((name) => { if (state[name]) query.set(name, state[name]); });
  const answer = await api.get(`/api/referrals?${query}`);
  const items = answer.ok ? answer.body.items : [];
  const total = answer.ok ? answer.body.total : 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const name = (id) => escapeHtml(names[id] || id);
  view.innerHTML = `<h1>${t('nav.inbox')}</h1>
    <form class="filters" id="inbox-filters">
      ${me.role === 'PARTNER_AGENT' ? '' : `<label>${t('inbox.partner')}<select name="partnerId"><option value="">${t('common.all')}</option>
        ${partners.map(([id, label]) => `<option value="${escapeHtml(id)}"${id === state.partnerId ? ' selected' : ''}>${escapeHtml(label)} (${escapeHtml(id)})</option>`).join('')}</select></label>`}
      <label>${t('inbox.direction')}<select name="direction"><option value="">${t('common.all')}</option>
        <option value="inbound"${state.direction === 'inbound' ? ' selected' : ''}>${t('inbox.inbound')}</option>
        <option value="outbound"${state.direction === 'outbound' ? ' selected' : ''}>${t('inbox.outbound')}</option></select></label>
      <label>${t('inbox.status')}<select name="status">${options(STATUSES, state.status, t('common.all'), 'ReferralStatus')}</select></label>
      <label>${t('inbox.category')}<select name="category">${options(CATEGORIES, state.category, t('common.all'), 'ServiceCategory')}</select></label>
      <label>${t('case.lookup')}<input name="caseId" size="36" value="${escapeHtml(state.caseId || '')}"></label>
      <button type="submit">${t('common.apply')}</button>
    </form>
    ${answer.ok ? '' : `<p class="error" role="alert">${escapeHtml(problemText(answer))}</p>`}
    <p class="muted" id="inbox-total">${escapeHtml(t('inbox.total', { total }))}</p>
    ${items.length === 0 ? `<p>${t('inbox.empty')}</p>` : `<table class="responsive" id="inbox-table"><thead><tr>
      <th scope="col">${t('inbox.from')}</th><th scope="col">${t('inbox.to')}</th><th scope="col">${t('inbox.category')}</th>
      <th scope="col">${t('inbox.urgency')}</th><th scope="col">${t('inbox.status')}</th><th scope="col">${t('inbox.respondBy')}</th>
      <th scope="col">${t('inbox.updated')}</th></tr></thead><tbody>
      ${items.map((r) => `<tr class="clickable${r.overdue ? ' overdue' : ''}" tabindex="0" data-referral="${escapeHtml(r.referralId)}">
        <td data-label="${t('inbox.from')}">${name(r.fromPartnerId)}</td><td data-label="${t('inbox.to')}">${name(r.toPartnerId)}</td>
        <td data-label="${t('inbox.category')}">${escapeHtml(code('ServiceCategory', r.serviceCategory))}</td>
        <td data-label="${t('inbox.urgency')}">${escapeHtml(code('Urgency', r.urgency))}</td>
        <td data-label="${t('inbox.status')}" class="status" data-status="${escapeHtml(r.status)}">${escapeHtml(code('ReferralStatus', r.status))}</td>
        <td data-label="${t('inbox.respondBy')}">${dateTime(r.respondBy)}</td>
        <td data-label="${t('inbox.updated')}">${dateTime(r.updatedAt)}</td></tr>`).join('')}
      </tbody></table>
      <nav class="pager" aria-label="${t('common.page', { page: (state.page || 0) + 1, pages })}">
        <button type="button" id="previous"${state.page > 0 ? '' : ' disabled'}>${t('common.previous')}</button>
        <span>${t('common.page', { page: (state.page || 0) + 1, pages })}</span>
        <button type="button" id="next"${(state.page || 0) + 1 < pages ? '' : ' disabled'}>${t('common.next')}</button></nav>`}`;
  view.querySelector('#inbox-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = Object.fromEntries(new FormData(event.target));
    renderInbox(view, me, { ...state, ...chosen, page: 0 });
  });
  view.querySelector('#previous')?.addEventListener('click', () => renderInbox(view, me, { ...state, page: state.page - 1 }));
  view.querySelector('#next')?.addEventListener('click', () => renderInbox(view, me, { ...state, page: (state.page || 0) + 1 }));
  view.querySelectorAll('tr[data-referral]').forEach((row) => {
    const open = () => { location.hash = `#/referral/${row.dataset.referral}`; };
    row.addEventListener('click', open);
    row.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(); });
  });
  onReferralChange(() => renderInbox(view, me, state));
}

export async function renderReferral(view, me, referralId, message = '') {
  disposeCharts();
  const answer = await api.get(`/api/referrals/${encodeURIComponent(referralId)}`);
  if (!answer.ok) {
    view.innerHTML = `<p class="error" role="alert">${escapeHtml(problemText(answer))}</p>`;
    return;
  }
  const r = answer.body;
  const [theCase, texts, names] = await Promise.all([api.get(`/api/cases/${encodeURIComponent(r.caseId)}`),
    api.get(`/api/referrals/${encodeURIComponent(referralId)}/notes`), partnerNames()]);
  const person = theCase.ok ? theCase.body.person : null;
  const name = (id) => escapeHtml(names[id] || id);
  view.innerHTML = `<p><a href="#/inbox">← ${t('common.back')}</a></p>
    <h1>${t('referral.title')} <span class="badge pending" id="referral-status" data-status="${escapeHtml(r.status)}">${escapeHtml(code('ReferralStatus', r.status))}</span></h1>
    <p id="referral-message" class="badge ok" role="status"${message ? '' : ' hidden'}>${escapeHtml(message)}</p>
    <div class="grid"><section class="card"><dl class="facts">
      <dt>${t('inbox.from')}</dt><dd>${name(r.fromPartnerId)}</dd><dt>${t('inbox.to')}</dt><dd>${name(r.toPartnerId)}</dd>
      <dt>${t('inbox.category')}</dt><dd>${escapeHtml(code('ServiceCategory', r.serviceCategory))}</dd>
      <dt>${t('inbox.urgency')}</dt><dd>${escapeHtml(code('Urgency', r.urgency))}</dd>
      <dt>${t('inbox.respondBy')}</dt><dd>${dateTime(r.respondBy)}${r.overdue ? ` <span class="badge bad">${t('caseloads.overdue')}</span>` : ''}</dd>
      ${texts.ok && texts.body.reason ? `<dt>${t('field.reason')}</dt><dd id="referral-reason">${escapeHtml(texts.body.reason)}</dd>` : ''}
      ${r.declineReason ? `<dt>${t('referral.declined')}</dt><dd>${escapeHtml(code('DeclineReason', r.declineReason))}</dd>` : ''}
      ${r.redirectedTo ? `<dt>${t('referral.redirectedTo')}</dt><dd><a href="#/referral/${escapeHtml(r.redirectedTo)}">${t('referral.title')}</a></dd>` : ''}
      ${r.redirectedFrom ? `<dt>${t('referral.redirectedFrom')}</dt><dd><a href="#/referral/${escapeHtml(r.redirectedFrom)}">${t('referral.title')}</a></dd>` : ''}
      ${r.householdId ? `<dt>${t('household.title')}</dt><dd id="referral-household">${t('referral.forHousehold')}</dd>` : ''}
    </dl><p><a href="#/timeline/${escapeHtml(r.referralId)}">${t('referral.timeline')}</a>
      ${theCase.ok && !theCase.body.minimised ? ` · <a href="#/cases/${escapeHtml(r.caseId)}">${t('referral.openCase')}</a>` : ''}</p></section>
    <section class="card"><h2>${t('referral.person')}</h2>${personBlock(theCase, person)}</section></div>
    ${texts.ok && texts.body.notes.length ? `<section class="card"><h2>${t('referral.notes')}</h2><ol class="notes" id="notes">
      ${texts.body.notes.map((n) => `<li><p>${n.text === null ? `<em class="muted">${t('referral.erased')}</em>` : escapeHtml(n.text)}</p>
        <small class="muted">${escapeHtml(t(`event.${n.type}`))} · ${name(n.partnerId || '')} · ${dateTime(n.at)}</small></li>`).join('')}</ol></section>` : ''}
    <section class="card no-print"><div class="actions" id="actions">
      ${availableActions(r, me).map((a) => `<button type="button" data-action="${a}">${t(`action.${a}`)}</button>`).join('')}
    </div><div id="action-form"></div></section>`;
  view.querySelectorAll('[data-action]').forEach((button) => button.addEventListener('click', () =>
    showForm(view, me, r, button.dataset.action)));
  // a change made elsewhere shows at once, unless the user is filling in an action form (which it would wipe)
  onReferralChange((change) => {
    if (change.referralId === referralId && !view.querySelector('#action-form form')) renderReferral(view, me, referralId);
  });
}

function personBlock(theCase, person) {
  if (!theCase.ok) return `<p class="muted">${t('referral.personHidden')}</p>`;
  if (!person) return `<p class="muted">${t('referral.erased')}</p>`;
  return `<dl class="facts">${[['givenName', person.givenName], ['familyName', person.familyName], ['dateOfBirth', person.dateOfBirth],
    ['sex', person.sex && code('Sex', person.sex)], ['ageBand', person.ageBand], ['phone', person.phone],
    ['languages', (person.languages || []).join(', ')]]
    .filter(([, v]) => v).map(([k, v]) => `<dt>${t(`field.${k}`)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

function showForm(view, me, referral, action) {
  const holder = view.querySelector('#action-form');
  const fields = FIELDS[action] || [['note']];
  holder.innerHTML = `<form class="action-form" id="form-${action}" novalidate>
    ${fields.map(([name, values, kind]) => (values
      ? `<label>${t(`referral.${name}`)}<select name="${name}"><option value="">${t('common.choose')}</option>${options(values, '', undefined, kind)}</select></label>`
      : `<label>${t(`referral.${name}`)}<textarea name="${name}" rows="2" maxlength="4000"></textarea></label>`)).join('')}
    <button class="primary" type="submit">${t(`action.${action}`)}</button>
    <p class="field-error" role="alert" id="action-error"></p></form>`;
  const form = holder.querySelector('form');
  form.querySelector('select, textarea').focus();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== '')
      .map(([name, v]) => [name, TYPED[name] ? TYPED[name](v) : v]));
    const answer = await api.post(`/api/referrals/${encodeURIComponent(referral.referralId)}/${action}`, body);
    if (!answer.ok) {
      form.querySelector('#action-error').textContent = problemText(answer);
      return;
    }
    await waitForVersion(referral.referralId, answer.body.version);
    renderReferral(view, me, referral.referralId, t('referral.done', { status: code('ReferralStatus', answer.body.status) }));
  });
}

/** Reads your own write: waits (briefly) until the read model shows the version the command answered. */
function waitForVersion(referralId, version) {
  return until(`/api/referrals/${encodeURIComponent(referralId)}`, (referral) => referral.version >= version);
}
