// A case's reintegration plan (IOM's integrated approach): goals across the three dimensions, each with the referrals
// that serve it; the form to agree the plan, to add a goal, and to revise, achieve or drop an open one.
import * as api from '../api.js';
import { escapeHtml } from '../format.js';
import { code, dateTime, problem, t } from '../i18n.js';
import { CATEGORIES, partnerNames, until } from './shared.js';

const DIMENSIONS = ['ECONOMIC', 'SOCIAL', 'PSYCHOSOCIAL'];

/** The case's plan, or null where the caller may not read it. */
export async function readPlan(caseId) {
  const answer = await api.get(`/api/cases/${encodeURIComponent(caseId)}/plan`);
  return answer.ok ? answer.body : null;
}

/**
 * Draws the plan ({@code known}: already read by the caller) into {@code holder}; hidden where not readable. After a
 * change has reached the read model, {@code changed(message)} shows it (by default the plan is drawn again).
 */
export async function renderPlan(holder, caseId, editable, known = null, changed = null) {
  const plan = known || await readPlan(caseId);
  if (!plan) {
    holder.hidden = true;
    return;
  }
  const names = await partnerNames();
  const agreed = plan.agreedAt !== null && plan.agreedAt !== undefined;
  holder.innerHTML = `<h2>${t('plan.title')}</h2>
    <p id="plan-state">${agreed ? escapeHtml(t('plan.agreedAt', { at: dateTime(plan.agreedAt) }))
      : `${escapeHtml(t('plan.dueBy', { at: dateTime(plan.dueBy) }))}${plan.overdue ? ` <span class="badge bad">${t('plan.overdue')}</span>` : ''}`}</p>
    ${agreed ? goalTable(plan, names, editable) : ''}
    ${editable ? (agreed ? `<details><summary>${t('plan.addGoal')}</summary><form id="goal-form" novalidate>${goalFields('goal')}
        <p class="error" role="alert" id="goal-error"></p><button type="submit">${t('plan.addGoal')}</button></form></details>`
      : `<form id="plan-form" novalidate><div id="plan-goals">${goalFields('goals.0')}</div>
        <button type="button" id="plan-more">${t('plan.anotherGoal')}</button>
        <p class="error" role="alert" id="plan-error"></p><button class="primary" type="submit">${t('plan.agree')}</button></form>`) : ''}
    <p class="badge ok" role="status" id="plan-message" hidden></p>`;
  if (editable) {
    wire(holder, caseId, plan, changed || (async (message) => {
      await renderPlan(holder, caseId, editable);
      const shown = holder.querySelector('#plan-message');
      shown.textContent = message;
      shown.hidden = false;
    }));
  }
}

function goalTable(plan, names, editable) {
  return `<table class="responsive" id="goal-table"><thead><tr>
    <th scope="col">${t('plan.dimension')}</th><th scope="col">${t('plan.goal')}</th><th scope="col">${t('plan.targetDate')}</th>
    <th scope="col">${t('field.status')}</th><th scope="col">${t('plan.referrals')}</th></tr></thead><tbody>
    ${plan.goals.map((g) => `<tr data-goal="${escapeHtml(g.goalId)}">
      <td data-label="${t('plan.dimension')}">${escapeHtml(code('ReintegrationDimension', g.dimension))}</td>
      <td data-label="${t('plan.goal')}">${g.description === null ? `<em class="muted">${t('referral.erased')}</em>` : escapeHtml(g.description)}
        <br><small class="muted">${g.serviceCategories.map((c) => escapeHtml(code('ServiceCategory', c))).join(', ')}</small>
        ${g.revisions ? `<br><small class="muted">${escapeHtml(t('plan.revised', { count: g.revisions }))}</small>` : ''}</td>
      <td data-label="${t('plan.targetDate')}">${escapeHtml(g.targetDate)}</td>
      <td data-label="${t('field.status')}"><span class="badge ${g.status === 'ACHIEVED' ? 'ok' : g.status === 'OPEN' ? 'pending' : 'bad'}" data-status="${escapeHtml(g.status)}">${escapeHtml(code('GoalStatus', g.status))}</span>
        ${g.closedWithCase ? `<br><small>${escapeHtml(code('CaseClosureReason', g.closedWithCase))}</small>` : ''}
        ${g.statusNote ? `<br><small>${escapeHtml(g.statusNote)}</small>` : ''}</td>
      <td data-label="${t('plan.referrals')}">${g.referrals.length === 0 ? `<span class="muted">${t('plan.noReferral')}</span>`
        : `<ul class="plain">${g.referrals.map((r) => `<li><a href="#/referral/${escapeHtml(r.referralId)}">${escapeHtml(code('ServiceCategory', r.serviceCategory))}</a>
          — ${escapeHtml(names[r.toPartnerId] || r.toPartnerId)} — <span data-status="${escapeHtml(r.status)}">${escapeHtml(code('ReferralStatus', r.status))}</span>
          ${r.closureReason ? `<small>(${escapeHtml(code('ReferralClosureReason', r.closureReason))})</small>` : ''}</li>`).join('')}</ul>`}</td></tr>
      ${editable && g.status === 'OPEN' ? `<tr class="goal-actions"><td colspan="5">
        <form class="action-form" data-end="${escapeHtml(g.goalId)}" novalidate>
          <label>${t('plan.endNote')}<input name="text" maxlength="4000"></label>
          <button type="submit" data-outcome="achieve">${t('plan.achieve')}</button>
          <button type="submit" data-outcome="drop">${t('plan.drop')}</button><span class="error" role="alert"></span></form>
        <details><summary>${t('plan.revise')}</summary><form data-revise="${escapeHtml(g.goalId)}" novalidate>${goalFields('goal', g)}
          <label>${t('plan.reviseReason')}<input name="reason" maxlength="4000"></label>
          <button type="submit">${t('plan.revise')}</button><span class="error" role="alert"></span></form></details></td></tr>` : ''}`).join('')}
    </tbody></table>`;
}

/** One goal's fields, named {@code prefix.field}; filled from {@code goal} when revising. */
function goalFields(prefix, goal = {}) {
  const chosen = new Set(goal.serviceCategories || []);
  return `<fieldset class="goal"><legend>${t('plan.goal')}</legend><div class="form-grid">
    <label>${t('plan.dimension')}<select name="${prefix}.dimension"><option value="">${t('common.choose')}</option>
      ${DIMENSIONS.map((d) => `<option value="${d}"${goal.dimension === d ? ' selected' : ''}>${escapeHtml(code('ReintegrationDimension', d))}</option>`).join('')}</select></label>
    <label>${t('plan.targetDate')}<input type="date" name="${prefix}.targetDate" value="${escapeHtml(goal.targetDate || '')}"></label></div>
    <label>${t('plan.description')}<textarea name="${prefix}.description" rows="2" maxlength="4000">${escapeHtml(goal.description || '')}</textarea></label>
    <fieldset class="choices"><legend>${t('plan.categories')}</legend>${CATEGORIES.map((c) => `<label class="choice">
      <input type="checkbox" name="${prefix}.serviceCategories" value="${c}"${chosen.has(c) ? ' checked' : ''}> ${escapeHtml(code('ServiceCategory', c))}</label>`).join('')}</fieldset>
    </fieldset>`;
}

function goalBody(data, prefix) {
  return { dimension: data.get(`${prefix}.dimension`) || null, description: data.get(`${prefix}.description`) || null,
    targetDate: data.get(`${prefix}.targetDate`) || null, serviceCategories: data.getAll(`${prefix}.serviceCategories`) };
}

function wire(holder, caseId, plan, changed) {
  const base = `/api/cases/${encodeURIComponent(caseId)}/plan`;
  // after a change: shown once the plan read back has it
  const done = async (arrived, message) => {
    await until(base, arrived);
    await changed(message);
  };
  const planForm = holder.querySelector('#plan-form');
  if (planForm) {
    let count = 1;
    holder.querySelector('#plan-more').addEventListener('click', () => {
      holder.querySelector('#plan-goals').insertAdjacentHTML('beforeend', goalFields(`goals.${count++}`));
    });
    planForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(planForm);
      const goals = Array.from({ length: count }, (_, i) => goalBody(data, `goals.${i}`));
      const answer = await api.post(base, { goals });
      if (!answer.ok) {
        planForm.querySelector('#plan-error').textContent = problem(answer.body, answer.status);
        return;
      }
      await done((p) => p.agreedAt, t('plan.agreed'));
    });
  }
  const goalForm = holder.querySelector('#goal-form');
  if (goalForm) {
    goalForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const answer = await api.post(`${base}/goals`, goalBody(new FormData(goalForm), 'goal'));
      if (!answer.ok) {
        goalForm.querySelector('#goal-error').textContent = problem(answer.body, answer.status);
        return;
      }
      await done((p) => p.goals.length > plan.goals.length, t('plan.goalAdded'));
    });
  }
  holder.querySelectorAll('[data-end]').forEach((form) => form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const outcome = event.submitter?.dataset.outcome || 'achieve';
    const text = new FormData(form).get('text') || null;
    const goalId = form.dataset.end;
    const answer = await api.post(`${base}/goals/${encodeURIComponent(goalId)}/${outcome}`,
      outcome === 'drop' ? { reason: text } : { note: text });
    if (!answer.ok) {
      form.querySelector('.error').textContent = problem(answer.body, answer.status);
      return;
    }
    await done((p) => p.goals.some((g) => g.goalId === goalId && g.status !== 'OPEN'),
      t(outcome === 'drop' ? 'plan.dropped' : 'plan.achieved'));
  }));
  holder.querySelectorAll('[data-revise]').forEach((form) => form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const goalId = form.dataset.revise;
    const before = plan.goals.find((g) => g.goalId === goalId).revisions;
    const answer = await api.post(`${base}/goals/${encodeURIComponent(goalId)}/revise`,
      { goal: goalBody(data, 'goal'), reason: data.get('reason') || null });
    if (!answer.ok) {
      form.querySelector('.error').textContent = problem(answer.body, answer.status);
      return;
    }
    await done((p) => p.goals.some((g) => g.goalId === goalId && g.revisions > before), t('plan.revisedDone'));
  }));
}
