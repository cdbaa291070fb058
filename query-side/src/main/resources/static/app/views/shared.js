// Small helpers the views share.
import { escapeHtml } from '../format.js';

export const CATEGORIES = ['HEALTH_CARE', 'MENTAL_HEALTH_PSYCHOSOCIAL', 'SHELTER_HOUSING', 'LEGAL_AID',
  'CIVIL_DOCUMENTATION', 'EDUCATION', 'CHILD_PROTECTION', 'FAMILY_TRACING', 'FOOD_NUTRITION', 'CASH_ASSISTANCE',
  'VOCATIONAL_TRAINING', 'EMPLOYMENT_JOB_PLACEMENT', 'BUSINESS_START_UP', 'COUNSELLING'];
export const STATUSES = ['REQUESTED', 'ACCEPTED', 'ON_HOLD', 'IN_PROGRESS', 'DELIVERED', 'FAILED', 'DECLINED',
  'CANCELLED', 'EXPIRED', 'CLOSED'];

export function options(values, selected, allLabel) {
  const all = allLabel === undefined ? '' : `<option value="">${escapeHtml(allLabel)}</option>`;
  return all + values.map((v) => `<option value="${escapeHtml(v)}"${v === selected ? ' selected' : ''}>${escapeHtml(v)}</option>`).join('');
}

/** The problem document of a refusal, as one readable line and per-field messages. */
export function problemText(problem) {
  if (!problem) return '';
  const fields = (problem.errors || []).map((e) => `${e.field}: ${e.message}`);
  return fields.length ? fields.join(' — ') : (problem.detail || problem.title || '');
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
