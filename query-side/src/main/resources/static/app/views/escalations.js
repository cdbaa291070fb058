// The coordinators' escalation list, with a redirect that starts from the matching suggestions.
import * as api from '../api.js';
import { escapeHtml } from '../format.js';
import { code, dateTime, days, hours, number, t } from '../i18n.js';
import { criterion } from './cases.js';
import { disposeCharts, partnerNames, problemText, until } from './shared.js';

export async function renderEscalations(view, me) {
  disposeCharts();
  const [answer, plans] = await Promise.all([api.get('/api/escalations?size=200'), api.get('/api/escalations/plans?size=200')]);
  if (!answer.ok) {
    view.innerHTML = `<p class="error" role="alert">${escapeHtml(problemText(answer))}</p>`;
    return;
  }
  const items = answer.body.items;
  const names = await partnerNames();
  const name = (id) => escapeHtml(names[id] || id);
  view.innerHTML = `<h1>${t('escalations.title')}</h1>
    <p class="muted" id="escalation-total">${escapeHtml(t('escalations.total', { shown: number(items.length), total: number(answer.body.total) }))}</p>
    ${items.length === 0 ? `<p>${t('escalations.empty')}</p>` : `<table class="responsive" id="escalation-table"><thead><tr>
      <th scope="col">${t('escalations.reasons')}</th><th scope="col">${t('inbox.from')}</th><th scope="col">${t('inbox.to')}</th>
      <th scope="col">${t('inbox.category')}</th><th scope="col">${t('escalations.since')}</th><th scope="col">${t('escalations.waited')}</th>
      <th scope="col"><span class="visually-hidden">${t('projections.action')}</span></th></tr></thead><tbody>
      ${items.map((e) => `<tr><td data-label="${t('escalations.reasons')}">${e.reasons.map((r) => `<span class="badge bad">${escapeHtml(code('Reason', r))}</span>`).join(' ')}
          ${e.declineReason ? `<br><small>${escapeHtml(code('DeclineReason', e.declineReason))}</small>` : ''}</td>
        <td data-label="${t('inbox.from')}">${name(e.fromPartnerId)}</td><td data-label="${t('inbox.to')}">${name(e.toPartnerId)}</td>
        <td data-label="${t('inbox.category')}">${escapeHtml(code('ServiceCategory', e.serviceCategory))}</td>
        <td data-label="${t('escalations.since')}">${dateTime(e.waitingSince)}</td>
        <td data-label="${t('escalations.waited')}">${hours(e.waitedHours)}</td>
        <td><a href="#/referral/${escapeHtml(e.referralId)}">${t('referral.title')}</a>
          ${e.status === 'DECLINED' || e.status === 'EXPIRED' ? `<button type="button" data-redirect="${escapeHtml(e.referralId)}">${t('escalations.redirect')}</button>` : ''}</td></tr>
        <tr hidden data-suggestions-for="${escapeHtml(e.referralId)}"><td colspan="7"></td></tr>`).join('')}
      </tbody></table>`}
    ${plans.ok ? overduePlans(plans.body, name) : ''}`;
  view.querySelectorAll('[data-redirect]').forEach((button) => button.addEventListener('click', () =>
    suggest(view, items.find((e) => e.referralId === button.dataset.redirect))));
}

/** Open cases without a reintegration plan past its due time (registration plus 30 days by default). */
function overduePlans(page, name) {
  return `<h2>${t('escalations.plans')}</h2>
    <p class="muted" id="plan-total">${escapeHtml(t('escalations.total', { shown: number(page.items.length), total: number(page.total) }))}</p>
    ${page.items.length === 0 ? `<p>${t('escalations.noPlanOverdue')}</p>` : `<table class="responsive" id="overdue-plans"><thead><tr>
      <th scope="col">${t('case.title')}</th><th scope="col">${t('case.owner')}</th><th scope="col">${t('case.registeredAt')}</th>
      <th scope="col">${t('escalations.planDue')}</th><th scope="col">${t('escalations.daysOverdue')}</th></tr></thead><tbody>
      ${page.items.map((p) => `<tr><td data-label="${t('case.title')}"><a href="#/cases/${escapeHtml(p.caseId)}">${escapeHtml(p.caseId.slice(0, 8))}</a></td>
        <td data-label="${t('case.owner')}">${name(p.owningPartnerId)}</td><td data-label="${t('case.registeredAt')}">${dateTime(p.registeredAt)}</td>
        <td data-label="${t('escalations.planDue')}">${dateTime(p.dueBy)}</td>
        <td data-label="${t('escalations.daysOverdue')}">${escapeHtml(days(p.daysOverdue))}</td></tr>`).join('')}</tbody></table>`}`;
}

async function suggest(view, escalation) {
  const row = view.querySelector(`[data-suggestions-for="${CSS.escape(escalation.referralId)}"]`);
  row.hidden = false;
  const cell = row.querySelector('td');
  const query = new URLSearchParams({ caseId: escalation.caseId, category: escalation.serviceCategory, urgency: escalation.urgency });
  // the region where the person was to be served: the first of the partner that declined or let it expire
  const declined = await api.get(`/api/partners/${encodeURIComponent(escalation.toPartnerId)}`);
  if (declined.ok && declined.body.regions?.length) query.set('region', declined.body.regions[0]);
  const answer = await api.get(`/api/referrals/suggestions?${query}`);
  if (!answer.ok) {
    cell.innerHTML = `<p class="error">${escapeHtml(problemText(answer))}</p>`;
    return;
  }
  const candidates = answer.body.items.filter((s) => s.partnerId !== escalation.toPartnerId);
  cell.innerHTML = `<h2>${t('escalations.suggest')}</h2><ol>${candidates.slice(0, 5).map((s) => `<li>
      <strong>${escapeHtml(s.name)}</strong> <small>(${escapeHtml(s.partnerId)})</small> — ${t('escalations.score')} ${number(s.score)}
      ${s.eligible ? '' : s.exclusions.map((x) => ` <span class="badge bad">${escapeHtml(code('Exclusion', x))}</span>`).join('')}
      <br><small>${(s.criteria || []).map((k) => escapeHtml(criterion(k))).join(' · ')}</small>
      ${s.eligible ? `<br><button type="button" data-choose="${escapeHtml(s.partnerId)}">${t('escalations.choose')}</button>` : ''}</li>`).join('')}</ol>
    <label>${t('escalations.note')}<textarea name="note" rows="2" maxlength="4000"></textarea></label>
    <p class="field-error" role="alert"></p>`;
  cell.querySelectorAll('[data-choose]').forEach((button) => button.addEventListener('click', async () => {
    const done = await api.post(`/api/referrals/${encodeURIComponent(escalation.referralId)}/redirect`,
      { toPartnerId: button.dataset.choose, note: cell.querySelector('textarea[name="note"]').value || null });
    if (!done.ok) {
      cell.querySelector('.field-error').textContent = problemText(done);
      return;
    }
    await until(`/api/referrals/${encodeURIComponent(done.body.referralId)}`);
    location.hash = `#/referral/${done.body.referralId}`;
  }));
}
