// Caseloads: a sortable table of every partner (overdue highlighted) and charts of status mix, utilisation and times.
import * as api from '../api.js';
import { escapeHtml, sortBy, toCsv, utilisation } from '../format.js';
import { code, days, hours, isRtl, number, percent, t } from '../i18n.js';
import { STATUSES, chart, disposeCharts, downloadCsv } from './shared.js';

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
         ['medianHoursToRespond', 'caseloads.respond'], ['medianDaysToDeliver', 'caseloads.deliver'],
         ['needMetShare', 'caseloads.needMet'], ['meanSatisfaction', 'caseloads.satisfaction']]
        .map(([key, label]) => `<th scope="col"><button type="button" data-sort="${key}">${t(label)}</button></th>`).join('')}
    </tr></thead><tbody></tbody></table>
    <p class="no-print"><button type="button" id="caseload-csv">${t('caseloads.csv')}</button></p></div>
    <div class="grid">
      <div class="card"><h2>${t('caseloads.statusMix')}</h2><div id="status-chart" class="chart"></div></div>
      <div class="card"><h2>${t('caseloads.utilisationChart')}</h2><div id="utilisation-chart" class="chart"></div></div>
      <div class="card"><h2>${t('caseloads.respondHours')}</h2><div id="times-chart" class="chart"></div></div>
      <div class="card"><h2>${t('caseloads.deliverDays')}</h2><div id="delivery-chart" class="chart"></div></div>
    </div>`;

  const body = view.querySelector('#caseload-table tbody');
  const fill = () => {
    body.innerHTML = sortBy(rows, sort.key, sort.descending).map((c) => `
      <tr class="${c.overdue > 0 ? 'overdue' : ''}">
        <td data-label="${t('caseloads.partner')}">${escapeHtml(c.name)}</td>
        <td data-label="${t('caseloads.active')}">${shown(c.active)}</td>
        <td data-label="${t('caseloads.capacity')}">${number(c.capacity)}</td>
        <td data-label="${t('caseloads.utilisation')}">${percent(c.utilisation)}</td>
        <td data-label="${t('caseloads.overdue')}">${shown(c.overdue)}</td>
        <td data-label="${t('caseloads.acceptance')}">${percent(c.acceptanceRate)}</td>
        <td data-label="${t('caseloads.respond')}">${hours(c.medianHoursToRespond)}</td>
        <td data-label="${t('caseloads.deliver')}">${days(c.medianDaysToDeliver)}</td>
        <td data-label="${t('caseloads.needMet')}">${percent(c.needMetShare)}</td>
        <td data-label="${t('caseloads.satisfaction')}">${c.meanSatisfaction === null || c.meanSatisfaction === undefined ? '–' : number(c.meanSatisfaction, 2)}</td>
      </tr>`).join('');
  };
  view.querySelectorAll('th button').forEach((button) => button.addEventListener('click', () => {
    const key = button.dataset.sort;
    sort = { key, descending: sort.key === key ? !sort.descending : key !== 'name' };
    fill();
  }));
  fill();

  view.querySelector('#caseload-csv').addEventListener('click', () => download(rows));
  const names = rows.map((c) => c.name);
  // right to left: the bars grow from the right and the names stand on the right
  const axes = (extra = {}) => ({
    grid: { [isRtl() ? 'right' : 'left']: 150, [isRtl() ? 'left' : 'right']: 24, top: 10, bottom: 50 },
    xAxis: { type: 'value', inverse: isRtl(), ...extra },
    yAxis: { type: 'category', data: names, position: isRtl() ? 'right' : 'left', axisLabel: { width: 140, overflow: 'truncate' } },
  });
  chart(view.querySelector('#status-chart')).setOption({
    tooltip: { trigger: 'axis' }, legend: { type: 'scroll', bottom: 0 }, color: STATUS_COLOURS, ...axes(),
    series: STATUSES.map((s) => ({ name: code('ReferralStatus', s), type: 'bar', stack: 'status', data: rows.map((c) => count(c.byStatus[s])) })),
  });
  chart(view.querySelector('#utilisation-chart')).setOption({
    tooltip: { trigger: 'axis', valueFormatter: (v) => percent(v / 100) }, ...axes({ max: (v) => Math.max(100, v.max) }),
    series: [{ type: 'bar', data: rows.map((c) => ({ value: c.utilisation === null ? 0 : Math.round(c.utilisation * 100),
      itemStyle: { color: c.utilisation !== null && c.utilisation >= 1 ? '#a4161a' : '#0b5cad' } })),
      markLine: { data: [{ xAxis: 100 }], symbol: 'none', lineStyle: { color: '#a4161a' } } }],
  });
  chart(view.querySelector('#times-chart')).setOption({
    tooltip: { trigger: 'axis', valueFormatter: hours }, ...axes(),
    series: [{ name: t('caseloads.respondHours'), type: 'bar', itemStyle: { color: '#0b5cad' },
      data: rows.map((c) => (c.medianHoursToRespond === null ? null : Math.round(c.medianHoursToRespond))) }],
  });
  chart(view.querySelector('#delivery-chart')).setOption({
    tooltip: { trigger: 'axis', valueFormatter: days }, ...axes(),
    series: [{ name: t('caseloads.deliverDays'), type: 'bar', itemStyle: { color: '#0a7c86' },
      data: rows.map((c) => (c.medianDaysToDeliver === null ? null : Math.round(c.medianDaysToDeliver * 10) / 10)) }],
  });
}

/** Ten statuses, ten colours that can be told apart (none repeated, unlike the chart library's default nine). */
const STATUS_COLOURS = ['#0b5cad', '#1e6b34', '#a4161a', '#8a5300', '#6f42c1', '#0a7c86', '#c2185b', '#5d4037', '#8c959f', '#1b1f24'];

/** A count for a chart: an analyst's hidden one ("<5", "x") counts as nothing. */
function count(value) {
  return typeof value === 'number' ? value : 0;
}

/** A count for a table: a number in the user's digits, or an analyst's hidden one as it came. */
function shown(value) {
  return typeof value === 'number' ? number(value) : escapeHtml(value ?? '–');
}

function download(rows) {
  const csv = toCsv(['partnerId', 'name', 'active', 'capacity', 'overdue', 'acceptanceRate', 'medianHoursToRespond', 'medianDaysToDeliver',
    'needMetShare', 'meanSatisfaction'],
    rows.map((c) => [c.partnerId, c.name, c.active, c.capacity, c.overdue, c.acceptanceRate, c.medianHoursToRespond, c.medianDaysToDeliver,
      c.needMetShare, c.meanSatisfaction]));
  downloadCsv('caseloads.csv', csv);
}
