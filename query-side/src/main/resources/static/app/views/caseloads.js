// Caseloads: a sortable table of every partner (overdue highlighted) and charts of status mix, utilisation and times.
import * as api from '../api.js';
import { escapeHtml, formatHours, formatPercent, sortBy, utilisation } from '../format.js';
import { t } from '../i18n.js';
import { STATUSES, chart, disposeCharts } from './shared.js';

export async function renderCaseloads(view, me) {
  disposeCharts();
  const directory = await api.get('/api/partners');
  const partners = me.role === 'PARTNER_AGENT'
    ? directory.body.filter((p) => p.partnerId === me.partnerId) : directory.body;
  const rows = (await Promise.all(partners.map(async (p) => {
    const answer = await api.get(`/api/partners/${encodeURIComponent(p.partnerId)}/caseload`);
    if (!answer.ok) return null;
    const c = answer.body;
    return { ...c, name: p.name, utilisation: utilisation(c.active, c.capacity) };
  }))).filter(Boolean);
  let sort = { key: 'overdue', descending: true };

  view.innerHTML = `<h1>${t('nav.caseloads')}</h1>
    <div class="card"><table class="responsive" id="caseload-table"><thead><tr>
      ${[['name', 'caseloads.partner'], ['active', 'caseloads.active'], ['capacity', 'caseloads.capacity'],
         ['utilisation', 'caseloads.utilisation'], ['overdue', 'caseloads.overdue'], ['acceptanceRate', 'caseloads.acceptance'],
         ['medianHoursToRespond', 'caseloads.respond'], ['medianDaysToDeliver', 'caseloads.deliver']]
        .map(([key, label]) => `<th scope="col"><button type="button" data-sort="${key}">${t(label)}</button></th>`).join('')}
    </tr></thead><tbody></tbody></table></div>
    <div class="grid">
      <div class="card"><h2>${t('caseloads.statusMix')}</h2><div id="status-chart" class="chart"></div></div>
      <div class="card"><h2>${t('caseloads.utilisationChart')}</h2><div id="utilisation-chart" class="chart"></div></div>
      <div class="card"><h2>${t('caseloads.timesChart')}</h2><div id="times-chart" class="chart"></div></div>
    </div>`;

  const body = view.querySelector('#caseload-table tbody');
  const fill = () => {
    body.innerHTML = sortBy(rows, sort.key, sort.descending).map((c) => `
      <tr class="${c.overdue > 0 ? 'overdue' : ''}">
        <td data-label="${t('caseloads.partner')}">${escapeHtml(c.name)}</td>
        <td data-label="${t('caseloads.active')}">${c.active}</td>
        <td data-label="${t('caseloads.capacity')}">${c.capacity ?? '–'}</td>
        <td data-label="${t('caseloads.utilisation')}">${formatPercent(c.utilisation)}</td>
        <td data-label="${t('caseloads.overdue')}">${c.overdue}</td>
        <td data-label="${t('caseloads.acceptance')}">${formatPercent(c.acceptanceRate)}</td>
        <td data-label="${t('caseloads.respond')}">${formatHours(c.medianHoursToRespond)}</td>
        <td data-label="${t('caseloads.deliver')}">${c.medianDaysToDeliver === null ? '–' : `${Math.round(c.medianDaysToDeliver * 10) / 10} ${t('common.days')}`}</td>
      </tr>`).join('');
  };
  view.querySelectorAll('th button').forEach((button) => button.addEventListener('click', () => {
    const key = button.dataset.sort;
    sort = { key, descending: sort.key === key ? !sort.descending : key !== 'name' };
    fill();
  }));
  fill();

  const names = rows.map((c) => c.name);
  chart(view.querySelector('#status-chart')).setOption({
    tooltip: { trigger: 'axis' }, legend: { type: 'scroll', bottom: 0 },
    grid: { left: 140, right: 20, top: 10, bottom: 50 },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: names },
    series: STATUSES.map((s) => ({ name: s, type: 'bar', stack: 'status', data: rows.map((c) => c.byStatus[s] || 0) })),
  });
  chart(view.querySelector('#utilisation-chart')).setOption({
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${v} %` },
    grid: { left: 140, right: 20, top: 10, bottom: 30 },
    xAxis: { type: 'value', max: (v) => Math.max(100, v.max) }, yAxis: { type: 'category', data: names },
    series: [{ type: 'bar', data: rows.map((c) => ({ value: c.utilisation === null ? 0 : Math.round(c.utilisation * 100),
      itemStyle: { color: c.utilisation !== null && c.utilisation >= 1 ? '#a4161a' : '#0b5cad' } })),
      markLine: { data: [{ xAxis: 100 }], symbol: 'none', lineStyle: { color: '#a4161a' } } }],
  });
  chart(view.querySelector('#times-chart')).setOption({
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 },
    grid: { left: 140, right: 20, top: 10, bottom: 50 },
    xAxis: { type: 'value' }, yAxis: { type: 'category', data: names },
    series: [
      { name: t('caseloads.respond'), type: 'bar', data: rows.map((c) => c.medianHoursToRespond === null ? null : Math.round(c.medianHoursToRespond)) },
      { name: t('caseloads.deliver'), type: 'bar', data: rows.map((c) => c.medianDaysToDeliver === null ? null : Math.round(c.medianDaysToDeliver * 10) / 10) },
    ],
  });
}
