// De-identified statistics for analysts and coordinators: counts by month, category, dimension, region or partner.
// Counts below 5 come as "<5", and a count hidden to protect one as "x" (README, Data protection).
import * as api from '../api.js';
import { escapeHtml } from '../format.js';
import { code, number, problem, t } from '../i18n.js';
import { disposeCharts } from './shared.js';

const GROUPS = ['month', 'category', 'dimension', 'region', 'partner'];
const KINDS = { category: 'ServiceCategory', dimension: 'ReintegrationDimension' };

export async function renderStatistics(view, filters = { groupBy: 'month', from: '', to: '' }) {
  disposeCharts();
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  const answer = await api.get(`/api/stats?${query}`);
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
      </tbody></table>` : `<p class="error" role="alert">${escapeHtml(problem(answer.body, answer.status))}</p>`}`;
  view.querySelector('#stats-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    renderStatistics(view, Object.fromEntries(new FormData(event.target)));
  });
}
