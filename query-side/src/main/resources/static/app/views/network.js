// The network map: partners as nodes, referral flows as directed edges, agreements dashed (ECharts graph).
import * as api from '../api.js';
import { acceptanceColour, acceptanceRate, atCapacity, drawnEdges, edgeWidth, escapeHtml, nodeSize, needMetShare } from '../format.js';
import { code, days, hours, isRtl, number, percent, t } from '../i18n.js';
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
    view.innerHTML = `<p class="error" role="alert">${escapeHtml(problemText(answer))}</p>`;
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
      <label>${t('network.category')}<select name="category">${options(CATEGORIES, filters.category, t('common.all'), 'ServiceCategory')}</select></label>
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
  const names = Object.fromEntries(nodes.map((n) => [n.id, n.name]));
  const instance = chart(element);
  instance.setOption({
    tooltip: { formatter: (p) => (p.dataType === 'edge' ? edgeTip(p.data.edge, names) : nodeTip(p.data.node)) },
    legend: { data: kinds.map((k) => code('PartnerKind', k)), bottom: 0, type: 'scroll' },
    series: [{
      type: 'graph', layout: 'force', roam: true, draggable: true, edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 8,
      // stronger gravity keeps partners without flows near the others rather than at the canvas edge
      force: { repulsion: 380, edgeLength: [80, 220], gravity: 0.25 },
      emphasis: { focus: 'adjacency', label: { show: true } },
      categories: kinds.map((k) => ({ name: code('PartnerKind', k), itemStyle: { color: KIND_COLOURS[k] } })),
      // every partner named (short names on a large map), on the reading side of the node
      label: { show: true, position: isRtl() ? 'left' : 'right', fontSize: 11,
        formatter: (p) => (nodes.length > 25 && p.name.length > 18 ? `${p.name.slice(0, 17)}…` : p.name) },
      labelLayout: { hideOverlap: true },
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
  return `${escapeHtml(n.name)}<br>${escapeHtml(code('PartnerKind', n.kind))} · ${escapeHtml(n.regions.join(', '))}<br>`
    + `${t('caseloads.active')}: ${escapeHtml(shown(n.activeLoad))}${n.capacity !== null ? ` / ${number(n.capacity)}` : ''}`;
}

function edgeTip(e, names) {
  const from = escapeHtml(names[e.from] || e.from);
  const to = escapeHtml(names[e.to] || e.to);
  if (!weight(e.referrals)) return `${from} — ${to}`;
  return `${from} ${isRtl() ? '←' : '→'} ${to}<br>${escapeHtml(shown(e.referrals))} · ${t('caseloads.acceptance')} `
    + `${percent(acceptanceRate(e.accepted, e.declined))} · ${t('caseloads.respond')} ${hours(e.medianHoursToRespond)}`
    + ` · ${t('caseloads.needMet')} ${percent(needMetShare(e.needMet, e.closed))}`;
}

/** A count, or an analyst's hidden one ("<5", "x") as it came. */
function shown(value) {
  return typeof value === 'number' ? number(value) : String(value);
}

async function showCard(card, node, me) {
  card.innerHTML = `<h2>${escapeHtml(t('network.card', { name: node.name }))}</h2><p class="muted">${t('common.loading')}</p>`;
  const answer = await api.get(`/api/partners/${encodeURIComponent(node.id)}/caseload`);
  if (!answer.ok) {
    card.innerHTML += `<p class="error">${escapeHtml(problemText(answer))}</p>`;
    return;
  }
  const c = answer.body;
  card.innerHTML = `<h2>${escapeHtml(t('network.card', { name: node.name }))}</h2>
    <dl class="facts">
      <dt>${t('caseloads.active')}</dt><dd>${escapeHtml(shown(c.active))}${c.capacity !== null ? ` / ${number(c.capacity)}` : ''}</dd>
      <dt>${t('caseloads.overdue')}</dt><dd>${escapeHtml(shown(c.overdue))}</dd>
      <dt>${t('caseloads.acceptance')}</dt><dd>${percent(c.acceptanceRate)}</dd>
      <dt>${t('caseloads.respond')}</dt><dd>${hours(c.medianHoursToRespond)}</dd>
      <dt>${t('caseloads.deliver')}</dt><dd>${days(c.medianDaysToDeliver)}</dd>
      ${Object.entries(c.byStatus).map(([s, n]) => `<dt>${escapeHtml(code('ReferralStatus', s))}</dt><dd>${escapeHtml(shown(n))}</dd>`).join('')}
    </dl>`;
}
