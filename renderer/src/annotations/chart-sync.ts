// Puts an analyst link on the chart, replaces it after an edit, takes it off after a retraction. Goes
// through the ChartController so counts, details and styling stay in step.
import { t } from '../i18n';
import type { LinkSummary } from '../../../contract/model';
import type { ChartController } from '../chart/chart-controller';

export async function putLinkOnChart(chart: ChartController, link: LinkSummary): Promise<void> {
  if (chart.link(link.id)) {
    // An edited link: swap the record and its canvas element (addExpansion then redraws it with the new status).
    chart.model.removeLinks([link.id]);
    chart.cy.getElementById(link.id).remove();
  }
  await chart.addExpansion({ nodes: [], links: [link] }, t('annotations:editor.name'));
}

/** A retracted link leaves the chart the way a removed element does (the status line counts it). */
export function removeLinkFromChart(chart: ChartController, id: string): void {
  const element = chart.cy.getElementById(id);
  if (element.empty()) return;
  chart.cy.elements(':selected').unselect();
  element.select();
  chart.removeSelected();
}
