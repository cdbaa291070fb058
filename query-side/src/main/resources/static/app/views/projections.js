// The administrator's view: the projections, how far they are, whether one is rebuilding.
import * as api from '../api.js';
import { escapeHtml } from '../format.js';
import { t } from '../i18n.js';
import { disposeCharts, problemText } from './shared.js';

export async function renderProjections(view) {
  disposeCharts();
  const answer = await api.get('/api/admin/projections');
  if (!answer.ok) {
    view.innerHTML = `<p class="error" role="alert">${escapeHtml(problemText(answer.body))}</p>`;
    return;
  }
  view.innerHTML = `<h1>${t('nav.projections')}</h1><table class="responsive" id="projection-table"><thead><tr>
    <th scope="col">${t('projections.name')}</th><th scope="col">${t('projections.position')}</th>
    <th scope="col">${t('projections.lag')}</th><th scope="col">${t('projections.rebuilding')}</th></tr></thead><tbody>
    ${answer.body.map((p) => `<tr><td data-label="${t('projections.name')}">${escapeHtml(p.name)}</td>
      <td data-label="${t('projections.position')}">${p.position ?? '–'}</td><td data-label="${t('projections.lag')}">${p.lag ?? '–'}</td>
      <td data-label="${t('projections.rebuilding')}">${p.rebuilding ? `${p.rebuildProgress ?? 0} %` : '–'}</td></tr>`).join('')}
    </tbody></table>`;
}
