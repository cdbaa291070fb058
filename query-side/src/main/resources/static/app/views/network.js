// The network map: partners as nodes, referral flows as directed edges, agreements dashed (ECharts graph).
import * as api from '../api.js';
import { acceptanceColour, acceptanceRate, atCapacity, drawnEdges, edgeWidth, escapeHtml, formatHours, formatPercent, nodeSize } from '../format.js';
import { t } from '../i18n.js';
import { CATEGORIES, chart, disposeCharts, options, problemText } from './shared.js';

/** An analyst's map hides small counts ("<5", or "x" for one hidden to protect another): drawn as the thinnest. */
function weight(count) {
  if (typeof count === 'number') return count;
  return count ? 1 : 0;
}

/** Flows drawn at most: beyond a few hundred a force layout is neither readable nor fast. */
const MAX_FLOWS_DRAWN = 400;
const KIND_COLOURS = { NGO: '#0b5cad', GOVERNMENT: '#6f42c1', UN_AGENCY: '#0a7c86', HEALTH_FACILITY: '#c2185b',
  EDUCATION_TRAINING: '#8a5300', PRIVATE_SECTOR: '#4a5560' };

export async function renderNetwork(view, me, filters = {}) {
  disposeCharts();
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v)).toString();
  const answer = await api.get(`/api/network${query ? `?${query}` : ''}`);
  if (!answer.ok) {
    view.innerHTML = `<p class="error" role="alert">${escapeHtml(problemText(answer.body))}</p>`;
    return;
  }
  const map = answer.body;
  const regions = [...new Set(map.nodes.flatMap((n) => n.regions))].sort();
  const flows = map.edges.filter((e) => weight(e.referrals) > 0);
  const agreements = map.edges.filter((e) => e.agreement);
  const drawn = drawnEdges(map.edges, MAX_FLOWS_DRAWN);
  view.innerHTML = `
    <h1>${t('nav.network')}</h1>
    <form class="filters" id="network-filters">
      <label>${t('network.region')}<select name="region">${options(regions, filters.region, t('common.all'))}</select></label>
      <label>${t('network.category')}<select name="category">${options(CATEGORIES, filters.category, t('common.all'))}</select></label>
      <label>${t('network.from')}<input type="date" name="from" value="${escapeHtml(filters.from || '')}"></label>
      <label>${t('network.to')}<input type="date" name="to" value="${escapeHtml(filters.to || '')}"></label>
      <button type="submit">${t('common.apply')}</button>
    </form>
    <p id="network-summary" data-nodes="${map.nodes.length}" data-flows="${flows.length}">
      ${escapeHtml(t('network.summary', { nodes: map.nodes.length, flows: flows.length, agreements: agreements.length }))}
      ${drawn.omitted ? escapeHtml(t('network.largest', { shown: MAX_FLOWS_DRAWN })) : ''}</p>
    <p class="muted">${t('network.legend')}</p>
    <div class="network-grid">
      <div id="network-chart" class="chart tall card" role="img" aria-label="${escapeHtml(t('nav.network'))}"></div>
      <div id="node-card" class="card" aria-live="polite"><p class="muted">${t('network.pick')}</p></div>
    </div>`;
  view.querySelector('#network-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    renderNetwork(view, me, Object.fromEntries(new FormData(event.target)));
  });
  draw(view.querySelector('#network-chart'), map.nodes, drawn.edges, view.querySelector('#node-card'), me);
}

function draw(element, nodes, edges, card, me) {
  const maxLoad = Math.max(0, ...nodes.map((n) => weight(n.activeLoad)));
  const maxFlow = Math.max(0, ...edges.map((e) => weight(e.referrals)));
  const kinds = Object.keys(KIND_COLOURS);
  const instance = chart(element);
  instance.setOption({
    tooltip: { formatter: (p) => (p.dataType === 'edge' ? edgeTip(p.data.edge) : nodeTip(p.data.node)) },
    legend: { data: kinds, bottom: 0, type: 'scroll' },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true, edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 8,
      force: { repulsion: 420, edgeLength: [80, 220], gravity: 0.1 },
      emphasis: { focus: 'adjacency', label: { show: true } },
      categories: kinds.map((k) => ({ name: k, itemStyle: { color: KIND_COLOURS[k] } })),
      label: { show: nodes.length <= 25, position: 'right', fontSize: 11 },
      data: nodes.map((n) => ({
        id: n.id, name: n.name, node: n, category: kinds.indexOf(n.kind), symbolSize: nodeSize(weight(n.activeLoad), maxLoad),
        itemStyle: atCapacity(n) ? { borderColor: '#a4161a', borderWidth: 4 } : { opacity: n.active ? 1 : 0.35 },
      })),
      links: edges.map((e) => {
        const rate = acceptanceRate(e.accepted, e.declined);
        return {
          source: e.from, target: e.to, edge: e,
          symbol: weight(e.referrals) > 0 ? ['none', 'arrow'] : ['none', 'none'],
          lineStyle: weight(e.referrals) > 0
            ? { width: edgeWidth(weight(e.referrals), maxFlow), color: acceptanceColour(rate), curveness: 0.15, opacity: 0.85 }
            : { width: 1.5, type: 'dashed', color: '#6f42c1', curveness: 0 },
        };
      }),
    }],
  });
  instance.on('click', (p) => { if (p.dataType === 'node') showCard(card, p.data.node, me); });
}

function nodeTip(n) {
  return `${escapeHtml(n.name)}<br>${escapeHtml(n.kind)} · ${escapeHtml(n.regions.join(', '))}<br>`
    + `${t('caseloads.active')}: ${n.activeLoad}${n.capacity !== null ? ` / ${n.capacity}` : ''}`;
}

function edgeTip(e) {
  if (!weight(e.referrals)) return escapeHtml(`${e.from} — ${e.to}`);
  return `${escapeHtml(e.from)} → ${escapeHtml(e.to)}<br>${e.referrals} · ${t('caseloads.acceptance')} `
    + `${formatPercent(acceptanceRate(e.accepted, e.declined))} · ${t('caseloads.respond')} ${formatHours(e.medianHoursToRespond)}`;
}

async function showCard(card, node, me) {
  card.innerHTML = `<h2>${escapeHtml(t('network.card', { name: node.name }))}</h2><p class="muted">${t('common.loading')}</p>`;
  const answer = await api.get(`/api/partners/${encodeURIComponent(node.id)}/caseload`);
  if (!answer.ok) {
    card.innerHTML += `<p class="error">${escapeHtml(problemText(answer.body))}</p>`;
    return;
  }
  const c = answer.body;
  card.innerHTML = `<h2>${escapeHtml(t('network.card', { name: node.name }))}</h2>
    <dl class="facts">
      <dt>${t('caseloads.active')}</dt><dd>${c.active}${c.capacity !== null ? ` / ${c.capacity}` : ''}</dd>
      <dt>${t('caseloads.overdue')}</dt><dd>${c.overdue}</dd>
      <dt>${t('caseloads.acceptance')}</dt><dd>${formatPercent(c.acceptanceRate)}</dd>
      <dt>${t('caseloads.respond')}</dt><dd>${formatHours(c.medianHoursToRespond)}</dd>
      <dt>${t('caseloads.deliver')}</dt><dd>${c.medianDaysToDeliver === null ? '–' : `${Math.round(c.medianDaysToDeliver * 10) / 10} ${t('common.days')}`}</dd>
      ${Object.entries(c.byStatus).map(([s, n]) => `<dt>${escapeHtml(s)}</dt><dd>${n}</dd>`).join('')}
    </dl>`;
}
