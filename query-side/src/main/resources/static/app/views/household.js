// A case's household: its members with their roles (each as the caller may see that member's case), and for the
// household's owner the forms to form it, add a member (by case number) and remove one.
import * as api from '../api.js';
import { escapeHtml } from '../format.js';
import { code, problem, t } from '../i18n.js';
import { until } from './shared.js';

const ROLES = ['SPOUSE', 'CHILD', 'OTHER_RELATIVE'];

/**
 * Draws the household of case {@code c} into {@code holder}; {@code editable} for its owner and coordinators.
 * After a change, {@code changed(message)} shows it (the case page draws itself again).
 */
export async function renderHousehold(holder, c, editable, changed) {
  if (!c.householdId) {
    holder.innerHTML = `<h2>${t('household.title')}</h2><p class="muted">${t('household.none')}</p>
      ${editable ? `<button type="button" id="household-form">${t('household.form')}</button><p class="error" role="alert" id="household-error"></p>` : ''}`;
    const form = holder.querySelector('#household-form');
    if (form) {
      form.addEventListener('click', async () => {
        const answer = await api.post('/api/households', { headCaseId: c.caseId });
        if (!answer.ok) {
          holder.querySelector('#household-error').textContent = problem(answer.body, answer.status);
          return;
        }
        await until(`/api/cases/${encodeURIComponent(c.caseId)}`, (v) => v.householdId);
        await changed(t('household.formed'));
      });
    }
    return;
  }
  const path = `/api/households/${encodeURIComponent(c.householdId)}`;
  const answer = await api.get(path);
  if (!answer.ok) {
    holder.hidden = true;
    return;
  }
  const household = answer.body;
  const owner = editable && c.householdRole === 'HEAD';
  holder.innerHTML = `<h2>${t('household.title')}</h2>
    <table class="responsive" id="household-table"><thead><tr><th scope="col">${t('household.role')}</th>
      <th scope="col">${t('household.member')}</th><th scope="col">${t('field.ageBand')}</th>
      <th scope="col">${t('field.vulnerabilities')}</th>${owner ? `<th scope="col"><span class="visually-hidden">${t('projections.action')}</span></th>` : ''}</tr></thead><tbody>
      ${household.members.map((m) => `<tr data-member="${escapeHtml(m.caseId)}"><td data-label="${t('household.role')}">${escapeHtml(code('HouseholdRole', m.role))}</td>
        <td data-label="${t('household.member')}">${m.whole ? (m.erased ? `<em class="muted">${t('referral.erased')}</em>`
          : `<a href="#/cases/${escapeHtml(m.caseId)}">${escapeHtml([m.givenName, m.familyName].filter(Boolean).join(' '))}</a>`)
          : `<span class="muted">${t('household.hidden')}</span>`}</td>
        <td data-label="${t('field.ageBand')}">${escapeHtml(m.ageBand || '–')}</td>
        <td data-label="${t('field.vulnerabilities')}">${(m.vulnerabilities || []).map((v) => escapeHtml(code('Vulnerability', v))).join(', ') || t('common.none')}</td>
        ${owner ? `<td>${m.role === 'HEAD' ? '' : `<button type="button" data-remove="${escapeHtml(m.caseId)}">${t('household.remove')}</button>`}</td>` : ''}</tr>`).join('')}
    </tbody></table>
    ${owner ? `<form id="member-form" class="action-form" novalidate>
      <label>${t('household.caseId')}<input name="caseId" maxlength="36" autocomplete="off"></label>
      <label>${t('household.role')}<select name="role"><option value="">${t('common.choose')}</option>
        ${ROLES.map((r) => `<option value="${r}">${escapeHtml(code('HouseholdRole', r))}</option>`).join('')}</select></label>
      <button type="submit">${t('household.add')}</button><p class="error" role="alert" id="member-error"></p></form>` : ''}`;
  const form = holder.querySelector('#member-form');
  if (form) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const done = await api.post(`${path}/members`, { caseId: data.get('caseId') || null, role: data.get('role') || null });
      if (!done.ok) {
        form.querySelector('#member-error').textContent = problem(done.body, done.status);
        return;
      }
      await until(path, (h) => h.members.length > household.members.length);
      await changed(t('household.added'));
    });
  }
  holder.querySelectorAll('[data-remove]').forEach((button) => button.addEventListener('click', async () => {
    const done = await api.post(`${path}/members/${encodeURIComponent(button.dataset.remove)}/remove`, {});
    if (done.ok) {
      await until(path, (h) => h.members.length < household.members.length);
      await changed(t('household.removed'));
    }
  }));
}
