// Pure functions of the dashboard (no DOM, no fetch): unit-tested with `node --test` (query-side/src/test/js).

/** Hours as "5 h" or, from two days on, "2,5 j"/"2.5 d", in the locale's digits and separator; a dash when unknown. */
export function formatHours(hours, units = { hours: 'h', days: 'd' }, locale = 'en-GB') {
  if (hours === null || hours === undefined || Number.isNaN(hours)) return '–';
  if (hours >= 48) return `${formatNumber(round1(hours / 24), locale)} ${units.days}`;
  return `${formatNumber(round1(hours), locale)} ${units.hours}`;
}

/** A number in a locale (at most {@code digits} decimals, one by default), a dash when unknown. */
export function formatNumber(value, locale = 'en-GB', digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

export function formatPercent(rate, locale = 'en-GB') {
  if (rate === null || rate === undefined) return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

/** An instant as a short date and time in a locale and time zone (Africa/Casablanca unless the user chose). */
export function formatDateTime(iso, locale = 'fr-MA', timeZone = 'Africa/Casablanca') {
  if (!iso) return '–';
  return new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'short', timeZone });
}

function round1(value) {
  return Math.round(value * 10) / 10;
}

/**
 * CSV (RFC 4180, comma-separated, CRLF) of a header and rows. A cell starting with = + - @ is prefixed with an
 * apostrophe, so that a spreadsheet does not run it as a formula.
 */
export function toCsv(header, rows) {
  const cell = (value) => {
    let text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** A sorted copy: by a key, ascending or descending, unknown values last whatever the direction. */
export function sortBy(items, key, descending = false) {
  return [...items].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    const xMissing = x === null || x === undefined;
    const yMissing = y === null || y === undefined;
    if (xMissing || yMissing) return xMissing === yMissing ? 0 : (xMissing ? 1 : -1);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return descending ? -order : order;
  });
}

/**
 * The edges a graph can draw: every agreement, and the `max` flows with the most referrals (a national network's
 * map holds tens of thousands of flows, which a force layout cannot place in a browser). Answers the edges, in the
 * map's order, and how many flows were left out.
 */
export function drawnEdges(edges, max) {
  const flows = edges.filter((e) => e.referrals !== 0);
  if (flows.length <= max) return { edges, omitted: 0 };
  const count = (e) => (typeof e.referrals === 'number' ? e.referrals : 1); // an analyst's hidden counts: the least
  const kept = new Set([...flows].sort((a, b) => count(b) - count(a)).slice(0, max));
  return { edges: edges.filter((e) => e.referrals === 0 || kept.has(e)), omitted: flows.length - max };
}

/** Share of answered referrals accepted, or null before any answer. */
export function acceptanceRate(accepted, declined) {
  if (typeof accepted !== 'number' || typeof declined !== 'number') return null; // an analyst's hidden counts
  const answered = accepted + declined;
  return answered === 0 ? null : accepted / answered;
}

/** Share of the referrals closed by the referrer whose need was met, or null before any (or hidden counts). */
export function needMetShare(needMet, closed) {
  if (typeof needMet !== 'number' || typeof closed !== 'number' || closed === 0) return null;
  return needMet / closed;
}

/** Edge colour from red (none accepted) through amber to green (all accepted); grey before any answer. */
export function acceptanceColour(rate) {
  if (rate === null || rate === undefined) return '#8c959f';
  const hue = Math.round(rate * 120); // 0 red … 120 green
  return `hsl(${hue}, 70%, 38%)`;
}

/** Node diameter in pixels: 18 for no active case, up to 60 for the busiest partner. */
export function nodeSize(activeLoad, maxLoad) {
  if (!maxLoad) return 18;
  return Math.round(18 + 42 * Math.sqrt(Math.max(0, activeLoad) / maxLoad));
}

/** Edge width: 1 to 8 pixels by the share of the largest flow. */
export function edgeWidth(count, maxCount) {
  if (!maxCount || !count) return 1;
  return Math.max(1, Math.round(8 * count / maxCount));
}

/** At or over capacity: a stated capacity that the active cases reach. */
export function atCapacity(node) {
  return node.capacity !== null && node.capacity !== undefined && node.activeLoad >= node.capacity;
}

/** Utilisation of capacity (0..n), or null when no capacity is stated. */
export function utilisation(active, capacity) {
  if (capacity === null || capacity === undefined || capacity === 0) return null;
  return active / capacity;
}

/**
 * Server-sent events from a text buffer: the complete events in it and the incomplete rest. Comment lines
 * (starting with ":") are skipped; multi-line data is joined with newlines.
 */
export function parseSse(buffer) {
  const events = [];
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop();
  for (const block of blocks) {
    let type = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':') || line === '') continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      if (field === 'data') data.push(value);
    }
    if (data.length) events.push({ type, data: data.join('\n') });
  }
  return { events, rest };
}

/** The actions a caller may offer on a referral in a status, by the DESIGN's state table and who it is. */
export function availableActions(referral, me) {
  const receiver = me.role === 'PARTNER_AGENT' && me.partnerId === referral.toPartnerId;
  const referrer = me.role === 'PARTNER_AGENT' && me.partnerId === referral.fromPartnerId;
  const coordinator = me.role === 'COORDINATOR';
  const party = receiver || referrer || coordinator;
  const byStatus = {
    REQUESTED: [[receiver, 'accept'], [receiver, 'decline'], [referrer || coordinator, 'cancel']],
    ACCEPTED: [[receiver, 'start'], [receiver, 'hold'], [receiver, 'fail'], [party, 'cancel']],
    ON_HOLD: [[receiver, 'resume'], [receiver, 'fail'], [party, 'cancel']],
    IN_PROGRESS: [[receiver, 'deliver'], [receiver, 'hold'], [receiver, 'fail'], [party, 'cancel']],
    DELIVERED: [[referrer || coordinator, 'close']],
    FAILED: [[referrer || coordinator, 'close']],
  };
  const actions = (byStatus[referral.status] || []).filter(([allowed]) => allowed).map(([, action]) => action);
  if (party && referral.status !== 'CLOSED') actions.push('notes');
  // the returnee's feedback, once the service was accepted, until and after the loop is closed
  if (party && ['ACCEPTED', 'ON_HOLD', 'IN_PROGRESS', 'DELIVERED', 'FAILED', 'CLOSED'].includes(referral.status)) actions.push('feedback');
  return actions;
}

/** Text made safe to place in HTML (every server value goes through this before innerHTML). */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
