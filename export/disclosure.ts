// Disclosure rules applied before anything is written. Items with handling code H1 (no judicial
// disclosure without the provider's permission) or H2 (no dissemination without permission) are left
// out, or the export is stopped with the list of them, unless the user records that permission was
// given. The outcome says exactly what was withheld or disclosed under permission, for the manifest,
// the cover sheet and the audit log.
import type { ChartDocument, ChartEntity, ChartLink } from '../contract/chart';
import { ExportError } from './errors';
import { compareText } from './property-values';

export const RESTRICTED_HANDLING_CODES = ['H1', 'H2'] as const;

export interface PermissionRecord {
  /** Who gave or recorded the provider's permission. */
  by: string;
  /** The permission's reference (letter, e-mail, decision number). */
  reference: string;
}

export interface DisclosureOptions {
  mode: 'omit' | 'stop';
  permissionRecorded?: PermissionRecord;
}

export type WithheldReason = 'handling-code' | 'attached-to-withheld-entity';

export interface RestrictedItem {
  id: string;
  kind: 'entity' | 'link';
  type: string;
  label: string;
  handling?: string;
  caseId?: string;
  agency?: string;
  country?: string;
  reason: WithheldReason;
}

export interface DisclosureOutcome {
  /** The chart as it may be disclosed. */
  chart: ChartDocument;
  mode: DisclosureOptions['mode'];
  /** Left out of every exported file. */
  withheld: RestrictedItem[];
  /** Restricted items included because permission was recorded. */
  disclosedUnderPermission: RestrictedItem[];
  permissionRecorded?: PermissionRecord;
  /** Lines for the cover sheet. */
  summary: string[];
}

function isRestricted(item: ChartEntity | ChartLink): boolean {
  return item.handling !== undefined && (RESTRICTED_HANDLING_CODES as readonly string[]).includes(item.handling);
}

function describeEntity(entity: ChartEntity, reason: WithheldReason): RestrictedItem {
  return { id: entity.id, kind: 'entity', type: entity.type, label: entity.label, handling: entity.handling, caseId: entity.caseId, agency: entity.agency, country: entity.country, reason };
}

function describeLink(link: ChartLink, reason: WithheldReason): RestrictedItem {
  return { id: link.id, kind: 'link', type: link.type, label: `${link.source} → ${link.target}`, handling: link.handling, caseId: link.caseId, agency: link.agency, country: link.country, reason };
}

export function applyDisclosureRules(chart: ChartDocument, options: DisclosureOptions): DisclosureOutcome {
  const permission = validPermission(options.permissionRecorded);
  const restrictedEntities = chart.entities.filter(isRestricted);
  const restrictedLinks = chart.links.filter(isRestricted);
  const restricted = [...restrictedEntities.map((entity) => describeEntity(entity, 'handling-code')), ...restrictedLinks.map((link) => describeLink(link, 'handling-code'))];

  if (permission) {
    return {
      chart,
      mode: options.mode,
      withheld: [],
      disclosedUnderPermission: restricted,
      permissionRecorded: permission,
      summary:
        restricted.length > 0
          ? [`${restricted.length} item(s) with handling code H1/H2 are included: permission recorded by ${permission.by} (reference ${permission.reference}).`]
          : ['No items were withheld.'],
    };
  }
  if (options.mode === 'stop' && restricted.length > 0) {
    const listed = restricted.slice(0, 20).map((item) => `${item.id} (${item.handling})`).join(', ');
    throw new ExportError(
      'DISCLOSURE_STOPPED',
      `The export was stopped: ${restricted.length} item(s) carry handling code H1 or H2 and may not be disclosed without the provider's permission: ${listed}${restricted.length > 20 ? ', …' : ''}.`,
      'Record the provider\'s permission (who gave it and its reference), or export with these items left out.',
      { restricted },
    );
  }

  const withheldEntityIds = new Set(restrictedEntities.map((entity) => entity.id));
  const withheldLinkIds = new Set(restrictedLinks.map((link) => link.id));
  // A link to a withheld entity would reveal it, so it goes too.
  const attached = chart.links.filter((link) => !withheldLinkIds.has(link.id) && (withheldEntityIds.has(link.source) || withheldEntityIds.has(link.target)));
  for (const link of attached) withheldLinkIds.add(link.id);
  const withheld = [...restricted, ...attached.map((link) => describeLink(link, 'attached-to-withheld-entity'))].sort((a, b) => compareText(a.id, b.id));
  return {
    chart: {
      ...chart,
      entities: chart.entities.filter((entity) => !withheldEntityIds.has(entity.id)),
      links: chart.links.filter((link) => !withheldLinkIds.has(link.id)),
    },
    mode: options.mode,
    withheld,
    disclosedUnderPermission: [],
    summary:
      withheld.length > 0
        ? [
            `${withheld.length} item(s) were withheld under handling codes H1/H2 (${restricted.length} restricted, ${attached.length} link(s) attached to them); they are listed in the export manifest, not in this document.`,
          ]
        : ['No items were withheld.'],
  };
}

function validPermission(permission: PermissionRecord | undefined): PermissionRecord | undefined {
  if (!permission) return undefined;
  const by = permission.by?.trim();
  const reference = permission.reference?.trim();
  if (!by || !reference) {
    throw new ExportError(
      'INVALID_OPTIONS',
      'A permission to disclose restricted items needs both who gave it and its reference.',
      'Fill in the name of the person or service that gave permission and the reference of their decision.',
    );
  }
  return { by, reference };
}
