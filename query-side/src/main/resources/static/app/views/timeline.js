// The timeline of a referral: each event, the audit chain status as a badge, CSV export and a printable page.
import * as api from '../api.js';
import { escapeHtml, formatDateTime, toCsv } from '../format.js';
import { language, t } from '../i18n.js';
import { disposeCharts, problemText } from './shared.js';

export function renderTimelineLookup(view) {
  disposeCharts();
  view.innerHTML = `<h1>${t('timeline.title')}</h1>
    <form class="filters" id="timeline-lookup"><label>${t('timeline.lookup')}<input name="id" required size="40"></label>
    <button type="submit">${t('timeline.open')}</button></form>`;
  view.querySelector('#timeline-lookup').addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/timeline/${encodeURIComponent(new FormData(event.target).get('id').trim())}`;
  });
}

/** A referral's timeline, or with an id "case/<caseId>" the timeline of a case and its referrals. */
export async function renderTimeline(view, me, id) {
  disposeCharts();
  const ofCase = id.startsWith('case/');
  const referralId = ofCase ? id.slice(5) : id;
  const answer = await api.get(ofCase ? `/api/cases/${encodeURIComponent(referralId)}/timeline`
    : `/api/referrals/${encodeURIComponent(referralId)}/timeline`);
  if (!answer.ok) {
    view.innerHTML = `<p class="error" role="alert">${escapeHtml(problemText(answer.body))}</p>`;
    return;
  }
  const timeline = answer.body;
  const badge = timeline.verified === true ? ['ok', 'timeline.verified']
    : timeline.verified === false ? ['bad', 'timeline.broken'] : ['pending', 'timeline.pending'];
  view.innerHTML = `<p class="no-print"><a href="${ofCase ? '#/inbox' : `#/referral/${escapeHtml(referralId)}`}">← ${t('common.back')}</a></p>
    <h1>${t('timeline.title')} <small class="muted">${escapeHtml(referralId)}</small></h1>
    <p><span id="chain-badge" class="badge ${badge[0]}" data-verified="${timeline.verified}">${t(badge[1])}</span>
       <span id="chain-whole" class="muted"></span></p>
    <div class="actions no-print"><button type="button" id="csv">${t('timeline.csv')}</button>
      <button type="button" id="print">${t('timeline.print')}</button></div>
    <table class="responsive" id="timeline-table"><thead><tr><th scope="col">${t('timeline.at')}</th><th scope="col">${t('timeline.event')}</th>
      <th scope="col">${t('timeline.actor')}</th><th scope="col">${t('timeline.partner')}</th><th scope="col">${t('timeline.summary')}</th>
      <th scope="col">hash</th></tr></thead><tbody>
      ${timeline.entries.map((e) => `<tr><td data-label="${t('timeline.at')}">${formatDateTime(e.at, language())}</td>
        <td data-label="${t('timeline.event')}">${escapeHtml(e.type)}</td><td data-label="${t('timeline.actor')}">${escapeHtml(e.userId)}</td>
        <td data-label="${t('timeline.partner')}">${escapeHtml(e.partnerId || '–')}</td><td data-label="${t('timeline.summary')}">${escapeHtml(e.summary)}</td>
        <td data-label="hash"><code title="${escapeHtml(e.hash || '')}">${escapeHtml((e.hash || '…').slice(0, 12))}</code></td></tr>`).join('')}
    </tbody></table>`;
  view.querySelector('#csv').addEventListener('click', () => download(referralId, timeline));
  view.querySelector('#print').addEventListener('click', () => window.print());
  if (me.role === 'COORDINATOR' || me.role === 'ADMIN') {
    const whole = await api.get('/api/audit/verify');
    if (whole.ok) {
      view.querySelector('#chain-whole').textContent = whole.body.verified
        ? t('timeline.chain', { checked: whole.body.checkedEvents }) : `${t('timeline.broken')} (seq ${whole.body.firstBrokenSeq})`;
    }
  }
}

function download(referralId, timeline) {
  const csv = toCsv(['seq', 'at', 'type', 'userId', 'partnerId', 'summary', 'hash', 'prevHash'],
    timeline.entries.map((e) => [e.seq, e.at, e.type, e.userId, e.partnerId, e.summary, e.hash, e.prevHash]));
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  link.download = `timeline-${referralId}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
