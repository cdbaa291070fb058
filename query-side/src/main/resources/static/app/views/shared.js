// Small helpers the views share.
import * as api from '../api.js';
import { escapeHtml } from '../format.js';
import { code, problem } from '../i18n.js';

export const CATEGORIES = ['HEALTH_CARE', 'MENTAL_HEALTH_PSYCHOSOCIAL', 'SHELTER_HOUSING', 'LEGAL_AID',
  'CIVIL_DOCUMENTATION', 'EDUCATION', 'CHILD_PROTECTION', 'FAMILY_TRACING', 'FOOD_NUTRITION', 'CASH_ASSISTANCE',
  'VOCATIONAL_TRAINING', 'EMPLOYMENT_JOB_PLACEMENT', 'BUSINESS_START_UP', 'COUNSELLING'];
export const STATUSES = ['REQUESTED', 'ACCEPTED', 'ON_HOLD', 'IN_PROGRESS', 'DELIVERED', 'FAILED', 'DECLINED',
  'CANCELLED', 'EXPIRED', 'CLOSED'];

/** Options of a select; with {@code kind}, values are codes of that enumeration shown in words. */
export function options(values, selected, allLabel, kind) {
  const all = allLabel === undefined ? '' : `<option value="">${escapeHtml(allLabel)}</option>`;
  return all + values.map((v) => `<option value="${escapeHtml(v)}"${v === selected ? ' selected' : ''}>${escapeHtml(kind ? code(kind, v) : v)}</option>`).join('');
}

/** The refusal of an answer, in the user's language. */
export function problemText(answer) {
  return problem(answer.body, answer.status);
}

/** The partner directory (read again after a minute). */
let directory = null;
let directoryRead = 0;
export async function partners() {
  if (!directory || Date.now() - directoryRead > 60_000) {
    const answer = await api.get('/api/partners');
    directory = answer.ok ? answer.body : [];
    directoryRead = Date.now();
  }
  return directory;
}

/** Partner names by id: ids alone cannot be read, and names alone cannot always be told apart. */
export async function partnerNames() {
  return Object.fromEntries((await partners()).map((p) => [p.partnerId, p.name]));
}

/** Every region a partner of the directory serves, sorted. */
export async function regions() {
  return [...new Set((await partners()).flatMap((p) => p.regions || []))].sort();
}

/**
 * Reads your own write: waits (two seconds at most) until the read models answer {@code path} with what
 * {@code arrived} looks for (by default, anything: a new resource).
 */
export async function until(path, arrived = () => true) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const answer = await api.get(path);
    if (answer.ok && arrived(answer.body)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Offers a CSV text as a file to save. */
export function downloadCsv(fileName, csv) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/** Disposes the charts of the previous view, so that resizing listeners do not pile up. */
const charts = [];
export function chart(element) {
  const instance = echarts.init(element, null, { renderer: 'canvas' });
  charts.push(instance);
  return instance;
}
export function disposeCharts() {
  while (charts.length) charts.pop().dispose();
}
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
