// A caseworker's cases: register one (with its consent or legal basis), open one, record or withdraw a consent,
// refer the person to a partner chosen from ranked suggestions, close the case. Forms leave the checks to the API
// (one set of rules) and show its refusals field by field, in the user's language.
import * as api from '../api.js';
import { escapeHtml } from '../format.js';
import { code, coded, dateTime, number, problem, t } from '../i18n.js';
import { renderAssessments } from './assessments.js';
import { renderHousehold } from './household.js';
import { readPlan, renderPlan } from './plan.js';
import { CATEGORIES, disposeCharts, options, partnerNames, regions, until } from './shared.js';

const SEXES = ['FEMALE', 'MALE', 'OTHER', 'UNDISCLOSED'];
const VULNERABILITIES = ['UNACCOMPANIED_CHILD', 'SEPARATED_CHILD', 'VICTIM_OF_TRAFFICKING', 'MEDICAL_CONDITION', 'GBV_SURVIVOR', 'DISABILITY',
  'ELDERLY', 'SINGLE_PARENT'];
const LEGAL_BASES = ['CONSENT', 'VITAL_INTEREST', 'PUBLIC_INTEREST', 'LEGITIMATE_INTEREST'];
const URGENCIES = ['ROUTINE', 'PRIORITY', 'EMERGENCY'];
const CASE_CLOSURE_REASONS = ['SUPPORT_PERIOD_ENDED', 'NO_LONGER_ELIGIBLE', 'OPTED_OUT', 'MOVED_AWAY', 'DECEASED', 'RE_MIGRATED',
  'FUNDING_ENDED', 'OTHER'];

const codeOptions = (kind, values, selected = '') => `<option value="">${t('common.choose')}</option>`
  + values.map((v) => `<option value="${v}"${v === selected ? ' selected' : ''}>${escapeHtml(code(kind, v))}</option>`).join('');
const checkboxes = (name, kind, values) => `<fieldset class="choices"><legend>${t(`field.${name.split('.').pop()}`)}</legend>
  ${values.map((v) => `<label class="choice"><input type="checkbox" name="${name}" value="${v}"> ${escapeHtml(code(kind, v))}</label>`).join('')}</fieldset>`;
const input = (name, type = 'text', extra = '') => `<label>${t(`field.${name.split('.').pop()}`)}<input name="${name}" type="${type}" ${extra}></label>`;

export function renderCaseLookup(view, me) {
  disposeCharts();
  view.innerHTML = `<h1>${t('nav.cases')}</h1>
    ${me.role === 'PARTNER_AGENT' || me.role === 'COORDINATOR' ? `<p><a class="button primary" href="#/cases/new">${t('case.new')}</a></p>` : ''}
    <form class="filters" id="case-lookup"><label>${t('case.lookup')}<input name="id" required size="40"></label>
      <button type="submit">${t('common.open')}</button></form>
    ${me.role === 'PARTNER_AGENT' || me.role === 'COORDINATOR' ? `<h2>${t('case.search')}</h2>
      <form class="filters" id="case-search" novalidate>${input('givenName')}${input('familyName')}${input('dateOfBirth', 'date')}
        <button type="submit">${t('case.searchButton')}</button><p class="error" role="alert" id="search-error"></p></form>
      <p class="muted">${t('case.searchHelp')}</p>
      <div id="search-results" aria-live="polite"></div>` : ''}`;
  view.querySelector('#case-lookup').addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/cases/${encodeURIComponent(new FormData(event.target).get('id').trim())}`;
  });
  const search = view.querySelector('#case-search');
  if (search) {
    search.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(search);
      // in a body, not the address: no name reaches a log
      const answer = await api.post('/api/cases/search', { givenName: data.get('givenName') || null,
        familyName: data.get('familyName') || null, dateOfBirth: data.get('dateOfBirth') || null });
      const results = view.querySelector('#search-results');
      if (refused(search, answer, '#search-error')) {
        results.innerHTML = '';
        return;
      }
      search.querySelector('#search-error').textContent = '';
      const names = await partnerNames();
      results.innerHTML = answer.body.length === 0 ? `<p>${t('case.searchNone')}</p>` : `<ul id="search-hits">${answer.body.map((h) => `<li>
        <a href="#/cases/${escapeHtml(h.caseId)}">${escapeHtml(h.caseId.slice(0, 8))}</a> — ${escapeHtml(names[h.owningPartnerId] || h.owningPartnerId)}
        — ${escapeHtml(code('CaseStatus', h.status))} <small class="muted">${dateTime(h.registeredAt)}</small></li>`).join('')}</ul>`;
    });
  }
}

export function renderNewCase(view) {
  disposeCharts();
  view.innerHTML = `<p><a href="#/cases">← ${t('common.back')}</a></p><h1>${t('case.new')}</h1>
    <form id="case-form" class="stacked" novalidate>
      <section class="card"><h2>${t('case.personal')}</h2><div class="form-grid">
        ${input('person.givenName', 'text', 'autocomplete="off"')}${input('person.familyName', 'text', 'autocomplete="off"')}
        ${input('person.dateOfBirth', 'date')}
        <label>${t('field.sex')}<select name="person.sex">${codeOptions('Sex', SEXES)}</select></label>
        ${input('person.nationality', 'text', `maxlength="2" aria-describedby="country-help"`)}
        ${input('person.phone', 'tel', 'autocomplete="off"')}
        ${input('person.languages', 'text', 'aria-describedby="languages-help"')}
        ${input('countryOfReturn', 'text', 'maxlength="2" value="MA" aria-describedby="country-help"')}
      </div><p class="muted" id="languages-help">${t('case.languagesHelp')}</p><p class="muted" id="country-help">${t('case.countryHelp')}</p></section>
      <section class="card"><h2>${t('case.needs')}</h2>
        ${checkboxes('vulnerabilities', 'Vulnerability', VULNERABILITIES)}
        ${consentFields()}</section>
      <p class="error" role="alert" id="case-error"></p>
      <button class="primary" type="submit">${t('case.register')}</button>
    </form>`;
  const form = view.querySelector('#case-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const body = {
      person: {
        givenName: data.get('person.givenName'), familyName: data.get('person.familyName'),
        dateOfBirth: data.get('person.dateOfBirth') || null, sex: data.get('person.sex') || null,
        nationality: upper(data.get('person.nationality')), phone: data.get('person.phone') || null,
        languages: list(data.get('person.languages')),
      },
      vulnerabilities: data.getAll('vulnerabilities'),
      countryOfReturn: upper(data.get('countryOfReturn')),
      consent: consentBody(data),
    };
    const answer = await api.post('/api/cases', body);
    if (!refused(form, answer, '#case-error')) {
      sessionStorage.setItem('referrals.duplicates', JSON.stringify(answer.body.possibleDuplicates || []));
      await until(`/api/cases/${encodeURIComponent(answer.body.caseId)}`);
      location.hash = `#/cases/${answer.body.caseId}`;
    }
  });
}

function consentFields(prefix = 'consent') {
  return `<div class="form-grid"><label>${t('field.legalBasis')}<select name="${prefix}.legalBasis">${codeOptions('LegalBasis', LEGAL_BASES, 'CONSENT')}</select></label>
    ${input(`${prefix}.expiresAt`, 'date')}</div>${checkboxes(`${prefix}.serviceCategories`, 'ServiceCategory', CATEGORIES)}`;
}

function consentBody(data, prefix = 'consent') {
  const until = data.get(`${prefix}.expiresAt`);
  return { legalBasis: data.get(`${prefix}.legalBasis`) || null, serviceCategories: data.getAll(`${prefix}.serviceCategories`),
    expiresAt: until ? new Date(`${until}T23:59:59Z`).toISOString() : null };
}

const upper = (value) => (value ? String(value).trim().toUpperCase() : null);
const list = (value) => String(value || '').split(',').map((v) => v.trim()).filter(Boolean);

/** Shows a refusal on the form (the problem, and each refused field marked); answers whether it was one. */
function refused(form, answer, errorSelector) {
  form.querySelectorAll('[aria-invalid]').forEach((element) => element.removeAttribute('aria-invalid'));
  if (answer.ok) return false;
  form.querySelector(errorSelector).textContent = problem(answer.body, answer.status);
  for (const error of answer.body?.errors || []) {
    const field = form.querySelector(`[name="${CSS.escape(error.field)}"]`)
      || form.querySelector(`[name$=".${CSS.escape(error.field.split('.').pop())}"]`);
    if (field) field.setAttribute('aria-invalid', 'true');
  }
  return true;
}

export async function renderCase(view, me, caseId, message = '') {
  disposeCharts();
  const answer = await api.get(`/api/cases/${encodeURIComponent(caseId)}`);
  if (!answer.ok) {
    view.innerHTML = `<p class="error" role="alert">${escapeHtml(problem(answer.body, answer.status))}</p>`;
    return;
  }
  const c = answer.body;
  const listed = ['PARTNER_AGENT', 'COORDINATOR'].includes(me.role)
    ? await api.get(`/api/referrals?caseId=${encodeURIComponent(caseId)}&size=100`) : { ok: false };
  const names = await partnerNames();
  const manages = me.role === 'COORDINATOR' || (me.role === 'PARTNER_AGENT' && me.partnerId === c.owningPartnerId);
  const open = c.status === 'OPEN' && !c.erased;
  const plan = manages ? await readPlan(c.caseId) : null;
  const openGoals = (plan?.goals || []).filter((g) => g.status === 'OPEN');
  const ownDuplicates = JSON.parse(sessionStorage.getItem('referrals.duplicates') || '[]');
  sessionStorage.removeItem('referrals.duplicates');
  const p = c.person;
  view.innerHTML = `<p><a href="#/cases">← ${t('common.back')}</a></p>
    <h1>${t('case.title')} <span class="badge pending" id="case-status">${escapeHtml(code('CaseStatus', c.status))}</span></h1>
    <p class="badge ok" role="status" id="case-message"${message ? '' : ' hidden'}>${escapeHtml(message)}</p>
    ${ownDuplicates.length ? `<p class="card warning" id="own-duplicates">${t('case.ownDuplicates')} ${ownDuplicates.map((id) => `<a href="#/cases/${escapeHtml(id)}">${escapeHtml(id.slice(0, 8))}</a>`).join(', ')}</p>` : ''}
    ${c.minimised ? `<p class="muted">${t('case.minimised')}</p>` : ''}
    <div class="grid"><section class="card"><h2>${t('referral.person')}</h2>
      ${p ? `<dl class="facts" id="person">${[['givenName', p.givenName], ['familyName', p.familyName], ['dateOfBirth', p.dateOfBirth],
        ['sex', p.sex && code('Sex', p.sex)], ['ageBand', p.ageBand], ['nationality', p.nationality], ['phone', p.phone],
        ['languages', (p.languages || []).join(', ')]].filter(([, v]) => v)
        .map(([k, v]) => `<dt>${t(`field.${k}`)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>` : `<p class="muted">${t('referral.erased')}</p>`}
    </section><section class="card"><h2>${t('case.needs')}</h2><dl class="facts">
      <dt>${t('case.owner')}</dt><dd>${escapeHtml(c.owningPartnerId)}</dd>
      ${c.registeredAt ? `<dt>${t('case.registeredAt')}</dt><dd>${dateTime(c.registeredAt)}</dd>` : ''}
      ${c.countryOfReturn ? `<dt>${t('field.countryOfReturn')}</dt><dd>${escapeHtml(c.countryOfReturn)}</dd>` : ''}
      <dt>${t('field.vulnerabilities')}</dt><dd>${(c.vulnerabilities || []).map((v) => escapeHtml(code('Vulnerability', v))).join(', ') || t('common.none')}</dd>
    </dl><p><a href="#/timeline/case/${escapeHtml(c.caseId)}">${t('referral.caseTimeline')}</a></p>
    ${(c.possibleDuplicates || []).length ? `<p>${t('case.duplicates')}: ${c.possibleDuplicates.map((id) => `<a href="#/cases/${escapeHtml(id)}">${escapeHtml(id.slice(0, 8))}</a>`).join(', ')}</p>` : ''}
    </section></div>
    ${listed.ok && listed.body.items.length ? `<section class="card"><h2>${t('case.referrals')}</h2><ul id="case-referrals">
      ${listed.body.items.map((r) => `<li><a href="#/referral/${escapeHtml(r.referralId)}">${escapeHtml(code('ServiceCategory', r.serviceCategory))}</a>
        — ${escapeHtml(names[r.toPartnerId] || r.toPartnerId)} — <span data-status="${escapeHtml(r.status)}">${escapeHtml(code('ReferralStatus', r.status))}</span>
        <small class="muted">${dateTime(r.updatedAt)}</small></li>`).join('')}</ul></section>` : ''}
    ${manages || c.householdId ? '<section class="card" id="household"></section>' : ''}
    ${manages ? '<section class="card" id="plan"></section><section class="card" id="assessments"></section>' : ''}
    ${c.consents ? consentsBlock(c, manages && open) : ''}
    ${manages && open ? `<section class="card" id="refer"><h2>${t('case.refer')}</h2>${referForm(await regions(), openGoals, Boolean(c.householdId))}</section>
      <section class="card"><h2>${t('case.close')}</h2><form id="close-form" class="action-form" novalidate>
        <label>${t('case.closeReason')}<select name="reason">${codeOptions('CaseClosureReason', CASE_CLOSURE_REASONS)}</select></label>
        <label>${t('field.note')}<textarea name="note" rows="2" maxlength="4000"></textarea></label>
        <button type="submit">${t('case.close')}</button><p class="error" role="alert" id="close-error"></p></form></section>` : ''}`;
  wireConsents(view, me, c);
  if (manages || c.householdId) {
    await renderHousehold(view.querySelector('#household'), c, manages && open, (done) => renderCase(view, me, c.caseId, done));
  }
  if (manages) {
    // a change of the plan draws the whole case again: the referral form offers the plan's open goals
    await renderPlan(view.querySelector('#plan'), c.caseId, open, plan, (done) => renderCase(view, me, c.caseId, done));
    await renderAssessments(view.querySelector('#assessments'), c.caseId, open);
  }
  if (manages && open) {
    wireReferral(view, c);
    const close = view.querySelector('#close-form');
    close.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(close);
      const done = await api.post(`/api/cases/${encodeURIComponent(c.caseId)}/close`, { reason: data.get('reason') || null, note: data.get('note') || null });
      if (!refused(close, done, '#close-error')) await reload(view, me, c.caseId, t('case.closed'), (v) => v.status === 'CLOSED');
    });
  }
}

function consentsBlock(c, editable) {
  return `<section class="card"><h2>${t('case.consents')}</h2><table class="responsive" id="consent-table"><thead><tr>
    <th scope="col">${t('field.legalBasis')}</th><th scope="col">${t('field.serviceCategories')}</th><th scope="col">${t('field.expiresAt')}</th>
    <th scope="col">${t('field.status')}</th></tr></thead><tbody>
    ${c.consents.map((k) => `<tr><td data-label="${t('field.legalBasis')}">${escapeHtml(code('LegalBasis', k.legalBasis))}<br><small>${dateTime(k.recordedAt)}</small></td>
      <td data-label="${t('field.serviceCategories')}">${(k.serviceCategories || []).length ? k.serviceCategories.map((s) => escapeHtml(code('ServiceCategory', s))).join(', ') : t('case.anyService')}</td>
      <td data-label="${t('field.expiresAt')}">${k.expiresAt ? dateTime(k.expiresAt) : '–'}</td>
      <td data-label="${t('field.status')}">${k.withdrawn ? `<span class="badge bad">${t('case.withdrawn')}</span>`
        : (editable ? `<form class="action-form" data-withdraw="${escapeHtml(k.consentId)}" novalidate>
            <label>${t('field.note')}<input name="note" maxlength="4000"></label><button type="submit">${t('case.withdraw')}</button>
            <span class="error" role="alert"></span></form>` : '')}</td></tr>`).join('')}
    </tbody></table>
    ${editable ? `<details><summary>${t('case.consentNew')}</summary><form id="consent-form" novalidate>${consentFields('terms')}
      <button type="submit">${t('case.record')}</button><p class="error" role="alert" id="consent-error"></p></form></details>` : ''}</section>`;
}

function wireConsents(view, me, c) {
  view.querySelectorAll('[data-withdraw]').forEach((form) => form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = await api.post(`/api/cases/${encodeURIComponent(c.caseId)}/consents/${encodeURIComponent(form.dataset.withdraw)}/withdraw`,
      { note: new FormData(form).get('note') || null });
    if (!done.ok) {
      form.querySelector('.error').textContent = problem(done.body, done.status);
      return;
    }
    await reload(view, me, c.caseId, t('case.consentRecorded'),
      (v) => v.consents.some((k) => k.consentId === form.dataset.withdraw && k.withdrawn));
  }));
  const record = view.querySelector('#consent-form');
  if (record) {
    record.addEventListener('submit', async (event) => {
      event.preventDefault();
      const before = c.consents.length;
      const done = await api.post(`/api/cases/${encodeURIComponent(c.caseId)}/consents`, consentBody(new FormData(record), 'terms'));
      if (!refused(record, done, '#consent-error')) await reload(view, me, c.caseId, t('case.consentRecorded'), (v) => v.consents.length > before);
    });
  }
}

function referForm(known, openGoals, inHousehold) {
  return `<form id="refer-form" novalidate><div class="form-grid">
      <label>${t('field.serviceCategory')}<select name="serviceCategory">${codeOptions('ServiceCategory', CATEGORIES)}</select></label>
      ${openGoals.length ? `<label>${t('plan.serves')}<select name="goalId"><option value="">${t('plan.noGoal')}</option>
        ${openGoals.map((g) => `<option value="${escapeHtml(g.goalId)}">${escapeHtml(code('ReintegrationDimension', g.dimension))}: ${escapeHtml((g.description || '').slice(0, 60))}</option>`).join('')}</select></label>` : ''}
      <label>${t('field.urgency')}<select name="urgency">${codeOptions('Urgency', URGENCIES, 'ROUTINE')}</select></label>
      <label>${t('referralNew.region')}<select name="region">${options(known, '', t('common.none'))}</select></label>
      <button type="button" id="find-partners">${t('referralNew.find')}</button></div>
    <div id="suggestions" aria-live="polite"></div>
    ${inHousehold ? `<label class="choice"><input type="checkbox" name="forHousehold" value="true"> ${t('household.forHousehold')}</label>` : ''}
    <label>${t('field.reason')}<textarea name="reason" rows="3" maxlength="4000" aria-describedby="reason-help"></textarea></label>
    <p class="muted" id="reason-help">${t('referralNew.reasonHelp')}</p>
    <p class="error" role="alert" id="refer-error"></p>
    <button class="primary" type="submit">${t('referralNew.send')}</button></form>`;
}

function wireReferral(view, c) {
  const form = view.querySelector('#refer-form');
  const holder = view.querySelector('#suggestions');
  view.querySelector('#find-partners').addEventListener('click', async () => {
    const data = new FormData(form);
    const query = new URLSearchParams({ caseId: c.caseId, category: data.get('serviceCategory'), urgency: data.get('urgency') || 'ROUTINE' });
    if (data.get('region')) query.set('region', data.get('region'));
    const answer = await api.get(`/api/referrals/suggestions?${query}`);
    if (refused(form, answer, '#refer-error')) return;
    form.querySelector('#refer-error').textContent = '';
    holder.innerHTML = answer.body.items.length === 0 ? `<p>${t('referralNew.none')}</p>`
      : `<fieldset class="choices suggestions"><legend>${t('referralNew.pick')}</legend>${answer.body.items.map((s) => `
        <label class="choice suggestion"><input type="radio" name="toPartnerId" value="${escapeHtml(s.partnerId)}"${s.eligible ? '' : ' disabled'}>
          <span><strong>${escapeHtml(s.name)}</strong> <small>(${escapeHtml(s.partnerId)})</small> — ${escapeHtml(t('referralNew.points', { points: s.score }))}
          ${s.exclusions.map((x) => ` <span class="badge bad">${escapeHtml(code('Exclusion', x))}</span>`).join('')}
          <br><small>${(s.criteria || []).map((k) => escapeHtml(criterion(k))).join(' · ')}</small></span></label>`).join('')}</fieldset>`;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const answer = await api.post('/api/referrals', { caseId: c.caseId, toPartnerId: data.get('toPartnerId') || null,
      serviceCategory: data.get('serviceCategory') || null, urgency: data.get('urgency') || null, reason: data.get('reason') || null,
      goalId: data.get('goalId') || null, forHousehold: data.get('forHousehold') === 'true' });
    if (!refused(form, answer, '#refer-error')) {
      await until(`/api/referrals/${encodeURIComponent(answer.body.referralId)}`);
      location.hash = `#/referral/${answer.body.referralId}`;
    }
  });
}

/** One criterion of a suggestion's score, in words (its code, its points and the figures it read). */
export function criterion(k) {
  return t(`suggestion.${k.code}`, coded(k.values)) + (k.points === null || k.points === undefined ? '' : ` (+${number(k.points)})`);
}

/** Reads your own write: shows the case again once the read model has the change (or after two seconds). */
async function reload(view, me, caseId, message, arrived) {
  await until(`/api/cases/${encodeURIComponent(caseId)}`, arrived);
  await renderCase(view, me, caseId, message);
}
