// The timeline of a referral: each event, the audit chain status as a badge, CSV export and a printable page.
import * as api from '../api.js';
import { escapeHtml, toCsv } from '../format.js';
import { dateTime, number, summary, t } from '../i18n.js';
import { disposeCharts, downloadCsv, partnerNames, problemText } from './shared.js';

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
    view.innerHTML = `<p class="error" role="alert">${escapeHtml(problemText(answer))}</p>`;
    return;
  }
  const timeline = answer.body;
  const names = await partnerNames();
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
      <th scope="col">${t('timeline.hash')}</th></tr></thead><tbody>
      ${timeline.entries.map((e) => `<tr><td data-label="${t('timeline.at')}">${dateTime(e.at)}</td>
        <td data-label="${t('timeline.event')}">${escapeHtml(t(`event.${e.type}`))}</td><td data-label="${t('timeline.actor')}" title="${escapeHtml(e.userId)}">${escapeHtml(e.userLabel || e.userId)}</td>
        <td data-label="${t('timeline.partner')}">${escapeHtml(names[e.partnerId] || e.partnerId || '–')}</td>
        <td data-label="${t('timeline.summary')}">${escapeHtml(summary(e, names))}</td>
        <td data-label="${t('timeline.hash')}"><code title="${escapeHtml(e.hash || '')}">${escapeHtml((e.hash || '…').slice(0, 12))}</code></td></tr>`).join('')}
    </tbody></table>`;
  view.querySelector('#csv').addEventListener('click', () => download(referralId, timeline, names));
  view.querySelector('#print').addEventListener('click', () => window.print());
  if (me.role === 'COORDINATOR' || me.role === 'ADMIN') {
    const whole = await api.get('/api/audit/verify');
    if (whole.ok) {
      view.querySelector('#chain-whole').textContent = whole.body.verified
        ? t('timeline.chain', { checked: number(whole.body.checkedEvents) }) : `${t('timeline.broken')} (seq ${whole.body.firstBrokenSeq})`;
    }
  }
}

/** The CSV keeps the stored values (codes, UTC instants, English summary) and adds the summary as read here. */
function download(referralId, timeline, names) {
  const csv = toCsv(['seq', 'at', 'type', 'userId', 'userLabel', 'partnerId', 'summary', 'summaryShown', 'hash', 'prevHash'],
    timeline.entries.map((e) => [e.seq, e.at, e.type, e.userId, e.userLabel, e.partnerId, e.summary, summary(e, names), e.hash, e.prevHash]));
  downloadCsv(`timeline-${referralId}.csv`, csv);
}
