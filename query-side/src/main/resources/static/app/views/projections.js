// The administrator's view: the projections (how far they are, a rebuild), and API keys (issue one, shown once;
// revoke one by its id).
import * as api from '../api.js';
import { escapeHtml } from '../format.js';
import { code, number, t } from '../i18n.js';
import { disposeCharts, options, partnerNames, problemText } from './shared.js';

const ROLES = ['PARTNER_AGENT', 'COORDINATOR', 'ANALYST', 'ADMIN'];

export async function renderProjections(view, message = '') {
  disposeCharts();
  const [answer, names] = await Promise.all([api.get('/api/admin/projections'), partnerNames()]);
  if (!answer.ok) {
    view.innerHTML = `<p class="error" role="alert">${escapeHtml(problemText(answer))}</p>`;
    return;
  }
  const partners = Object.entries(names).sort((a, b) => a[1].localeCompare(b[1]));
  view.innerHTML = `<h1>${t('nav.projections')}</h1>
    <p class="badge ok" role="status"${message ? '' : ' hidden'}>${escapeHtml(message)}</p>
    <table class="responsive" id="projection-table"><thead><tr>
    <th scope="col">${t('projections.name')}</th><th scope="col">${t('projections.position')}</th>
    <th scope="col">${t('projections.lag')}</th><th scope="col">${t('projections.rebuilding')}</th><th scope="col">${t('projections.action')}</th></tr></thead><tbody>
    ${answer.body.map((p) => `<tr><td data-label="${t('projections.name')}">${escapeHtml(p.name)}</td>
      <td data-label="${t('projections.position')}">${number(p.position)}</td><td data-label="${t('projections.lag')}">${number(p.lag)}</td>
      <td data-label="${t('projections.rebuilding')}">${p.rebuilding ? `${number(p.rebuildProgress ?? 0)} %` : '–'}</td>
      <td data-label="${t('projections.action')}"><button type="button" data-rebuild="${escapeHtml(p.name)}">${t('projections.rebuild')}</button></td></tr>`).join('')}
    </tbody></table>
    <section class="card"><h2>${t('keys.title')}</h2>
      <form id="key-form" class="action-form" novalidate>
        <label>${t('field.role')}<select name="role">${options(ROLES, 'PARTNER_AGENT', undefined, 'Role')}</select></label>
        <label>${t('field.partnerId')}<select name="partnerId"><option value="">${t('common.none')}</option>
          ${partners.map(([id, label]) => `<option value="${escapeHtml(id)}">${escapeHtml(label)} (${escapeHtml(id)})</option>`).join('')}</select></label>
        <label>${t('field.label')}<input name="label" maxlength="100"></label>
        <button class="primary" type="submit">${t('keys.issue')}</button>
        <p class="error" role="alert" id="key-error"></p></form>
      <div id="issued" aria-live="polite"></div>
      <form id="revoke-form" class="action-form" novalidate>
        <label>${t('keys.id')}<input name="keyId" size="24"></label>
        <button type="submit">${t('keys.revoke')}</button><p class="error" role="alert" id="revoke-error"></p></form></section>`;
  view.querySelectorAll('[data-rebuild]').forEach((button) => button.addEventListener('click', async () => {
    const done = await api.post(`/api/admin/projections/${encodeURIComponent(button.dataset.rebuild)}/rebuild`);
    if (done.ok) renderProjections(view, t('projections.started', { name: button.dataset.rebuild }));
  }));
  const issue = view.querySelector('#key-form');
  issue.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(issue);
    const done = await api.post('/api/admin/api-keys', { role: data.get('role'), partnerId: data.get('partnerId') || null, label: data.get('label') || null });
    issue.querySelector('#key-error').textContent = done.ok ? '' : problemText(done);
    if (done.ok) {
      view.querySelector('#issued').innerHTML = `<p>${t('keys.issued', { role: code('Role', data.get('role')) })}</p>
        <p><code id="issued-key">${escapeHtml(done.body.key)}</code></p><p class="muted">${t('keys.once')} (${t('keys.id')}: ${escapeHtml(done.body.id)})</p>`;
    }
  });
  const revoke = view.querySelector('#revoke-form');
  revoke.addEventListener('submit', async (event) => {
    event.preventDefault();
    const keyId = new FormData(revoke).get('keyId').trim();
    const done = await api.call('DELETE', `/api/admin/api-keys/${encodeURIComponent(keyId)}`);
    revoke.querySelector('#revoke-error').textContent = done.ok ? '' : problemText(done);
    if (done.ok) renderProjections(view, t('keys.revoked', { id: keyId }));
  });
}
