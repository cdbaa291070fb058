// A case's assessments (IOM's RSS): the scores over time with their change, as a table and a chart, and the form to
// record one (each indicator's answers from the instrument the API serves; an indicator left blank is a missing answer).
import * as api from '../api.js';
import { escapeHtml } from '../format.js';
import { code, isRtl, number, problem, t } from '../i18n.js';
import { chart, until } from './shared.js';

const DIMENSIONS = ['ECONOMIC', 'SOCIAL', 'PSYCHOSOCIAL'];

export async function renderAssessments(holder, caseId, editable) {
  const [answer, instruments] = await Promise.all([api.get(`/api/cases/${encodeURIComponent(caseId)}/assessments`),
    editable ? api.get('/api/instruments') : Promise.resolve({ ok: false })]);
  if (!answer.ok) {
    holder.hidden = true;
    return;
  }
  const items = answer.body.assessments;
  const score = (value) => (value === null || value === undefined ? '–' : number(value, 3)); // scores: 0 to 1
  const change = (value) => (value === undefined ? '' : ` <small class="${value >= 0 ? 'up' : 'down'}">(${value >= 0 ? '+' : ''}${number(value, 3)})</small>`);
  holder.innerHTML = `<h2>${t('assessment.title')}</h2>
    ${items.length === 0 ? `<p class="muted">${t('assessment.none')}</p>` : `<table class="responsive" id="assessment-table"><thead><tr>
      <th scope="col">${t('assessment.takenOn')}</th>${DIMENSIONS.map((d) => `<th scope="col">${code('ReintegrationDimension', d)}</th>`).join('')}
      <th scope="col">${t('assessment.composite')}</th></tr></thead><tbody>
      ${items.map((a) => `<tr><td data-label="${t('assessment.takenOn')}">${escapeHtml(a.takenOn)}
          ${a.scores ? `<br><small class="muted">${t('assessment.missing', { missing: a.scores.missing })}</small>` : ''}</td>
        ${DIMENSIONS.map((d) => `<td data-label="${code('ReintegrationDimension', d)}">${score(a.scores?.dimensions?.[d])}${change(a.change?.[d])}</td>`).join('')}
        <td data-label="${t('assessment.composite')}">${score(a.scores?.composite)}${change(a.change?.composite)}</td></tr>`).join('')}
      </tbody></table>
      <div id="assessment-chart" class="chart" role="img" aria-label="${escapeHtml(t('assessment.chart'))}"></div>`}
    ${editable && instruments.ok ? form(instruments.body.find((i) => i.id === 'rss')) : ''}
    <p class="badge ok" role="status" id="assessment-message" hidden></p>`;
  if (items.length) draw(holder.querySelector('#assessment-chart'), items);
  const recordForm = holder.querySelector('#assessment-form');
  if (recordForm) {
    recordForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(recordForm);
      const answers = Object.fromEntries([...data].filter(([name, value]) => name.startsWith('answers.') && value)
        .map(([name, value]) => [name.slice('answers.'.length), value]));
      const done = await api.post(`/api/cases/${encodeURIComponent(caseId)}/assessments`,
        { instrument: 'rss', takenOn: data.get('takenOn') || null, answers });
      if (!done.ok) {
        recordForm.querySelector('#assessment-error').textContent = problem(done.body, done.status);
        return;
      }
      await until(`/api/cases/${encodeURIComponent(caseId)}/assessments`, (again) => again.assessments.length > items.length);
      await renderAssessments(holder, caseId, editable);
      const message = holder.querySelector('#assessment-message');
      message.textContent = t('assessment.recorded');
      message.hidden = false;
    });
  }
}

function form(instrument) {
  if (!instrument) return '';
  return `<details><summary>${t('assessment.new')}</summary><form id="assessment-form" novalidate>
    <label>${t('assessment.takenOn')}<input type="date" name="takenOn"></label>
    ${DIMENSIONS.map((d) => `<fieldset class="choices indicators"><legend>${code('ReintegrationDimension', d)}</legend>
      ${instrument.indicators.filter((i) => i.dimension === d).map((i) => `<label>${t(`indicator.${i.id}`)}
        <select name="answers.${escapeHtml(i.id)}"><option value="">${t('assessment.notAnswered')}</option>
        ${i.scale.map((o) => `<option value="${escapeHtml(o.code)}">${escapeHtml(t(`option.${o.code}`))}</option>`).join('')}</select></label>`).join('')}
      </fieldset>`).join('')}
    <p class="error" role="alert" id="assessment-error"></p>
    <button class="primary" type="submit">${t('assessment.record')}</button></form></details>`;
}

function draw(element, items) {
  const scored = items.filter((a) => a.scores);
  chart(element).setOption({
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '–' : number(v, 3)) },
    legend: { bottom: 0 },
    grid: { left: 40, right: 40, top: 10, bottom: 50 },
    xAxis: { type: 'category', data: scored.map((a) => a.takenOn), inverse: isRtl() },
    yAxis: { type: 'value', min: 0, max: 1, position: isRtl() ? 'right' : 'left' },
    series: [...DIMENSIONS.map((d) => ({ name: code('ReintegrationDimension', d), type: 'line',
      data: scored.map((a) => a.scores.dimensions[d]), connectNulls: true })),
    { name: t('assessment.composite'), type: 'line', lineStyle: { width: 4 }, data: scored.map((a) => a.scores.composite) }],
  });
}
