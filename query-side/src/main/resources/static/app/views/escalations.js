// The coordinators' escalation list, with a redirect that starts from the matching suggestions.
import * as api from '../api.js';
import { escapeHtml, formatDateTime } from '../format.js';
import { language, t } from '../i18n.js';
import { disposeCharts, problemText } from './shared.js';

export async function renderEscalations(view, me) {
  disposeCharts();
  const answer = await api.get('/api/escalations?size=200');
  if (!answer.ok) {
    view.innerHTML = `<p class="error" role="alert">${escapeHtml(problemText(answer.body))}</p>`;
    return;
  }
  const items = answer.body.items;
  view.innerHTML = `<h1>${t('escalations.title')}</h1>
    ${items.length === 0 ? `<p>${t('escalations.empty')}</p>` : `<table class="responsive" id="escalation-table"><thead><tr>
      <th scope="col">${t('escalations.reasons')}</th><th scope="col">${t('inbox.from')}</th><th scope="col">${t('inbox.to')}</th>
      <th scope="col">${t('inbox.category')}</th><th scope="col">${t('escalations.since')}</th><th scope="col">${t('escalations.waited')}</th>
      <th scope="col"></th></tr></thead><tbody>
      ${items.map((e) => `<tr><td data-label="${t('escalations.reasons')}">${e.reasons.map((r) => `<span class="badge bad">${escapeHtml(r)}</span>`).join(' ')}
          ${e.declineReason ? `<br><small>${escapeHtml(e.declineReason)}</small>` : ''}</td>
        <td data-label="${t('inbox.from')}">${escapeHtml(e.fromPartnerId)}</td><td data-label="${t('inbox.to')}">${escapeHtml(e.toPartnerId)}</td>
        <td data-label="${t('inbox.category')}">${escapeHtml(e.serviceCategory)}</td>
        <td data-label="${t('escalations.since')}">${formatDateTime(e.waitingSince, language())}</td>
        <td data-label="${t('escalations.waited')}">${e.waitedHours} ${t('common.hours')}</td>
        <td><a href="#/referral/${escapeHtml(e.referralId)}">${t('referral.title')}</a>
          ${e.status === 'DECLINED' || e.status === 'EXPIRED' ? `<button type="button" data-redirect="${escapeHtml(e.referralId)}">${t('escalations.redirect')}</button>` : ''}</td></tr>
        <tr hidden data-suggestions-for="${escapeHtml(e.referralId)}"><td colspan="7"></td></tr>`).join('')}
      </tbody></table>`}`;
  view.querySelectorAll('[data-redirect]').forEach((button) => button.addEventListener('click', () =>
    suggest(view, items.find((e) => e.referralId === button.dataset.redirect))));
}

async function suggest(view, escalation) {
  const row = view.querySelector(`[data-suggestions-for="${CSS.escape(escalation.referralId)}"]`);
  row.hidden = false;
  const cell = row.querySelector('td');
  const query = new URLSearchParams({ caseId: escalation.caseId, category: escalation.serviceCategory, urgency: escalation.urgency });
  const answer = await api.get(`/api/referrals/suggestions?${query}`);
  if (!answer.ok) {
    cell.innerHTML = `<p class="error">${escapeHtml(problemText(answer.body))}</p>`;
    return;
  }
  const candidates = answer.body.items.filter((s) => s.partnerId !== escalation.toPartnerId);
  cell.innerHTML = `<h2>${t('escalations.suggest')}</h2><ol>${candidates.slice(0, 5).map((s) => `<li>
      <strong>${escapeHtml(s.name)}</strong> — ${t('escalations.score')} ${s.score}
      ${s.eligible ? '' : s.exclusions.map((x) => ` <span class="badge bad">${escapeHtml(x)}</span>`).join('')}
      <br><small>${s.explanation.map(escapeHtml).join(' · ')}</small>
      ${s.eligible ? `<br><button type="button" data-choose="${escapeHtml(s.partnerId)}">${t('escalations.choose')}</button>` : ''}</li>`).join('')}</ol>
    <p class="field-error" role="alert"></p>`;
  cell.querySelectorAll('[data-choose]').forEach((button) => button.addEventListener('click', async () => {
    const done = await api.post(`/api/referrals/${encodeURIComponent(escalation.referralId)}/redirect`,
      { toPartnerId: button.dataset.choose, note: 'redirected from the escalation list' });
    if (!done.ok) {
      cell.querySelector('.field-error').textContent = problemText(done.body);
      return;
    }
    location.hash = `#/referral/${done.body.referralId}`;
  }));
}
