// Unit tests of the dashboard's own logic (node --test; run by Maven in query-side's test phase).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  acceptanceColour, acceptanceRate, atCapacity, availableActions, drawnEdges, edgeWidth, escapeHtml, formatDateTime, formatHours,
  formatPercent, needMetShare,
  nodeSize, parseSse, sortBy, toCsv, utilisation,
} from '../../main/resources/static/app/format.js';

test('hours read as hours, and as days from two days on, in the locale', () => {
  assert.equal(formatHours(5), '5 h');
  assert.equal(formatHours(36.25), '36.3 h');
  assert.equal(formatHours(60, { hours: 'h', days: 'd' }), '2.5 d');
  assert.equal(formatHours(60, { hours: 'h', days: 'j' }, 'fr-MA'), '2,5 j');
  assert.equal(formatHours(2621, { hours: 'h', days: 'j' }, 'fr-MA'), '109,2 j');
  assert.equal(formatHours(null), '–');
  assert.equal(formatPercent(0.8), '80%');
  assert.match(formatPercent(0.8, 'fr-MA'), /^80\s%$/);
  assert.equal(formatPercent(null), '–');
});

test('times are shown in the chosen zone, not in UTC', () => {
  const iso = '2026-06-01T12:00:00Z'; // Morocco keeps UTC+1 outside Ramadan
  assert.match(formatDateTime(iso, 'en-GB', 'Africa/Casablanca'), /13:00/);
  assert.match(formatDateTime(iso, 'en-GB', 'UTC'), /12:00/);
  assert.match(formatDateTime(iso, 'ar-MA', 'Africa/Casablanca'), /13:00|١٣:٠٠/);
  assert.equal(formatDateTime(null), '–');
});

test('CSV quotes what needs it and defuses spreadsheet formulas', () => {
  const csv = toCsv(['a', 'b'], [['plain', 'with, comma'], ['say "hi"', '=HYPERLINK("x")'], [null, 'two\nlines']]);
  assert.equal(csv, 'a,b\r\nplain,"with, comma"\r\n"say ""hi""","\'=HYPERLINK(""x"")"\r\n,"two\nlines"\r\n');
});

test('sorting keeps unknown values last in both directions', () => {
  const rows = [{ n: 2 }, { n: null }, { n: 10 }, { n: 1 }];
  assert.deepEqual(sortBy(rows, 'n').map((r) => r.n), [1, 2, 10, null]);
  assert.deepEqual(sortBy(rows, 'n', true).map((r) => r.n), [10, 2, 1, null]);
  assert.deepEqual(sortBy([{ s: 'b' }, { s: 'a' }], 's').map((r) => r.s), ['a', 'b']);
});

test('network figures: acceptance, colours, sizes, capacity', () => {
  assert.equal(acceptanceRate(3, 1), 0.75);
  assert.equal(acceptanceRate(0, 0), null);
  assert.equal(acceptanceColour(1), 'hsl(120, 70%, 38%)');
  assert.equal(acceptanceColour(0), 'hsl(0, 70%, 38%)');
  assert.equal(acceptanceColour(null), '#8c959f');
  assert.equal(nodeSize(0, 10), 18);
  assert.equal(nodeSize(10, 10), 60);
  assert.equal(nodeSize(3, 0), 18);
  assert.equal(edgeWidth(10, 10), 8);
  assert.equal(edgeWidth(1, 100), 1);
  assert.equal(atCapacity({ activeLoad: 5, capacity: 5 }), true);
  assert.equal(atCapacity({ activeLoad: 4, capacity: 5 }), false);
  assert.equal(atCapacity({ activeLoad: 40, capacity: null }), false);
  assert.equal(utilisation(3, 4), 0.75);
  assert.equal(utilisation(3, null), null);
});

test('server-sent events are split into complete events and the rest', () => {
  const { events, rest } = parseSse(': open\n\nevent: referral\ndata: {"a":1}\n\nevent: referral\ndata: {"b"');
  assert.deepEqual(events, [{ type: 'referral', data: '{"a":1}' }]);
  assert.equal(rest, 'event: referral\ndata: {"b"');
  assert.deepEqual(parseSse('data: one\r\ndata: two\r\n\r\n').events, [{ type: 'message', data: 'one\ntwo' }]);
});

test('actions offered follow the state table and who is asking', () => {
  const referral = { status: 'REQUESTED', fromPartnerId: 'ngo', toPartnerId: 'clinic' };
  assert.deepEqual(availableActions(referral, { role: 'PARTNER_AGENT', partnerId: 'clinic' }), ['accept', 'decline', 'notes']);
  assert.deepEqual(availableActions(referral, { role: 'PARTNER_AGENT', partnerId: 'ngo' }), ['cancel', 'notes']);
  assert.deepEqual(availableActions(referral, { role: 'PARTNER_AGENT', partnerId: 'other' }), []);
  assert.deepEqual(availableActions({ ...referral, status: 'IN_PROGRESS' }, { role: 'PARTNER_AGENT', partnerId: 'clinic' }),
    ['deliver', 'hold', 'fail', 'cancel', 'notes', 'feedback']);
  assert.deepEqual(availableActions({ ...referral, status: 'CLOSED' }, { role: 'COORDINATOR' }), ['feedback']);
  assert.deepEqual(availableActions({ ...referral, status: 'CLOSED' }, { role: 'PARTNER_AGENT', partnerId: 'other' }), []);
});

test('server text is escaped before it reaches HTML', () => {
  assert.equal(escapeHtml('<img src=x onerror="alert(1)">'), '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
  assert.equal(escapeHtml(null), '');
});

test('a large map draws its agreements and its largest flows only', () => {
  const flow = (from, referrals, agreement = false) => ({ from, to: 'x', referrals, agreement });
  const edges = [flow('a', 3), flow('b', 0, true), flow('c', 9, true), flow('d', 1), flow('e', 5)];
  assert.deepEqual(drawnEdges(edges, 10), { edges, omitted: 0 });
  const drawn = drawnEdges(edges, 2);
  assert.deepEqual(drawn.edges.map((e) => e.from), ['b', 'c', 'e']);
  assert.equal(drawn.omitted, 2);
});

test("an analyst's hidden counts give no rate and are drawn last, as the smallest flows", () => {
  assert.equal(acceptanceRate('<5', 7), null);
  assert.equal(acceptanceRate(6, 'x'), null);
  const edges = [{ from: 'a', to: 'b', referrals: '<5' }, { from: 'a', to: 'c', referrals: 9 },
    { from: 'b', to: 'c', referrals: 'x' }, { from: 'c', to: 'd', referrals: 0, agreement: true }];
  const drawn = drawnEdges(edges, 1);
  assert.deepEqual(drawn.edges.map((e) => e.to), ['c', 'd']);
  assert.equal(drawn.omitted, 2);
});

test('the need met share counts the referrals closed by the referrer, and hides behind hidden counts', () => {
  assert.equal(needMetShare(3, 4), 0.75);
  assert.equal(needMetShare(0, 0), null);
  assert.equal(needMetShare('<5', 12), null);
});
