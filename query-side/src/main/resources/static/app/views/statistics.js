// De-identified statistics for analysts and coordinators: counts by month, category, dimension, region or partner.
// Counts below 5 come as "<5", and a count hidden to protect one as "x" (README, Data protection).
import * as api from '../api.js';
import { escapeHtml } from '../format.js';
import { code, days, number, percent, problem, t } from '../i18n.js';
import { disposeCharts } from './shared.js';

const GROUPS = ['month', 'category', 'dimension', 'region', 'partner'];
const KINDS = { category: 'ServiceCategory', dimension: 'ReintegrationDimension' };

export async function renderStatistics(view, filters = { groupBy: 'month', from: '', to: '' }) {
  disposeCharts();
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  const period = new URLSearchParams(Object.entries(filters).filter(([k, v]) => v && k !== 'groupBy'));
  const [answer, quality] = await Promise.all([api.get(`/api/stats?${query}`), api.get(`/api/stats/quality?${period}`)]);
  const cell = (value) => (typeof value === 'number' ? number(value) : `<abbr title="${escapeHtml(t('common.hidden'))}">${escapeHtml(value)}</abbr>`);
  const label = (key) => (KINDS[filters.groupBy] ? code(KINDS[filters.groupBy], key) : key);
  view.innerHTML = `<h1>${t('nav.stats')}</h1>
    <form class="filters" id="stats-filters">
      <label>${t('field.groupBy')}<select name="groupBy">${GROUPS.map((g) => `<option value="${g}"${g === filters.groupBy ? ' selected' : ''}>${t(`stats.${g}`)}</option>`).join('')}</select></label>
      <label>${t('field.from')}<input type="date" name="from" value="${escapeHtml(filters.from)}"></label>
      <label>${t('field.to')}<input type="date" name="to" value="${escapeHtml(filters.to)}"></label>
      <button type="submit">${t('common.apply')}</button></form>
    ${answer.ok ? `<p class="muted">${t('stats.rule')}</p><table class="responsive" id="stats-table"><thead><tr>
      <th scope="col">${t(`stats.${filters.groupBy}`)}</th><th scope="col">${t('stats.referrals')}</th><th scope="col">${t('stats.accepted')}</th>
      <th scope="col">${t('stats.declined')}</th><th scope="col">${t('stats.delivered')}</th></tr></thead><tbody>
      ${answer.body.rows.map((r) => `<tr><td data-label="${t(`stats.${filters.groupBy}`)}">${escapeHtml(label(r.key))}</td>
        <td data-label="${t('stats.referrals')}">${cell(r.referrals)}</td><td data-label="${t('stats.accepted')}">${cell(r.accepted)}</td>
        <td data-label="${t('stats.declined')}">${cell(r.declined)}</td><td data-label="${t('stats.delivered')}">${cell(r.delivered)}</td></tr>`).join('')}
      </tbody></table>` : `<p class="error" role="alert">${escapeHtml(problem(answer.body, answer.status))}</p>`}
    ${quality.ok ? qualityBlock(quality.body, cell) : ''}`;
  view.querySelector('#stats-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    renderStatistics(view, Object.fromEntries(new FormData(event.target)));
  });
}

/** Whether referrals served the returnees, how plans went and how scores changed; a figure over fewer than 5 is "–". */
function qualityBlock(q, cell) {
  const share = (value) => (value === null || value === undefined ? '–' : percent(value));
  const score = (value) => (value === null || value === undefined ? '–' : number(value, 3));
  const fact = (key, value) => `<dt>${t(key)}</dt><dd>${value}</dd>`;
  const dimension = (d) => (d === 'composite' ? t('assessment.composite') : code('ReintegrationDimension', d));
  return `<h2>${t('quality.title')}</h2><p class="muted">${t('quality.rule')}</p>
    <div class="grid"><section class="card"><h3>${t('quality.closures')}</h3><dl class="facts" id="quality-closures">
      ${fact('quality.closed', cell(q.closures.closed))}${fact('quality.needMet', `${cell(q.closures.needMet)} (${share(q.closures.needMetShare)})`)}
      ${fact('quality.asPlanned', `${cell(q.closures.receivedAsPlanned)} / ${cell(q.closures.asked)} (${share(q.closures.receivedAsPlannedShare)})`)}
      ${fact('quality.satisfaction', `${q.satisfaction.mean === null ? '–' : `${number(q.satisfaction.mean, 2)} / 5`} (${cell(q.satisfaction.answers)})`)}
      ${fact('quality.planToService', `${days(q.planToFirstService.medianDays)} (${cell(q.planToFirstService.served)} / ${cell(q.planToFirstService.plans)})`)}
    </dl></section>
    <section class="card"><h3>${t('quality.goals')}</h3><table class="responsive" id="quality-goals"><thead><tr>
      <th scope="col">${t('plan.dimension')}</th><th scope="col">${t('quality.goalCount')}</th><th scope="col">${code('GoalStatus', 'ACHIEVED')}</th>
      <th scope="col">${t('quality.ended')}</th><th scope="col">${code('GoalStatus', 'OPEN')}</th><th scope="col">${t('quality.achievedShare')}</th></tr></thead><tbody>
      ${q.goalsByDimension.map((g) => `<tr><td data-label="${t('plan.dimension')}">${escapeHtml(dimension(g.dimension))}</td>
        <td data-label="${t('quality.goalCount')}">${cell(g.goals)}</td><td data-label="${code('GoalStatus', 'ACHIEVED')}">${cell(g.achieved)}</td>
        <td data-label="${t('quality.ended')}">${cell(g.dropped)}</td><td data-label="${code('GoalStatus', 'OPEN')}">${cell(g.open)}</td>
        <td data-label="${t('quality.achievedShare')}">${share(g.achievedShare)}</td></tr>`).join('')}</tbody></table></section></div>
    <section class="card"><h3>${t('quality.scores')}</h3><table class="responsive" id="quality-scores"><thead><tr>
      <th scope="col">${t('plan.dimension')}</th><th scope="col">${t('quality.cases')}</th><th scope="col">${t('quality.first')}</th>
      <th scope="col">${t('quality.latest')}</th><th scope="col">${t('quality.change')}</th></tr></thead><tbody>
      ${q.assessmentsByDimension.map((s) => `<tr><td data-label="${t('plan.dimension')}">${escapeHtml(dimension(s.dimension))}</td>
        <td data-label="${t('quality.cases')}">${cell(s.cases)}</td><td data-label="${t('quality.first')}">${score(s.first)}</td>
        <td data-label="${t('quality.latest')}">${score(s.latest)}</td><td data-label="${t('quality.change')}">${score(s.change)}</td></tr>`).join('')}</tbody></table></section>`;
}
