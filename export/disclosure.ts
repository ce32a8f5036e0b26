// Disclosure rules applied before anything is written. Items with handling code H1 (no judicial
// disclosure without the provider's permission) or H2 (no dissemination without permission) are left
// out, or the export is stopped with the list of them, unless the user records that permission was
// given. The outcome says exactly what was withheld or disclosed under permission, for the manifest,
// the cover sheet and the audit log.
import type { ChartDocument, ChartEntity, ChartLink } from '../contract/chart';
import { ExportError } from './errors';
import type { ExportText } from './export-text';
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

/**
 * Where something was withheld, without what: drawn in place (a grey placeholder or link) so the reader sees
 * that a link or entity exists and under which code it was kept back, while its id, type and label stay out
 * of every file. Numbered in the order of the withheld ids, so a re-export gives the same bytes.
 */
export interface WithheldPlaceholder {
  id: string;
  handling: string;
  position?: { x: number; y: number };
}
export interface WithheldLinkMarker {
  id: string;
  /** An exported entity's id or a placeholder's id. */
  source: string;
  target: string;
  handling: string;
}
export interface WithheldMarkers {
  entities: WithheldPlaceholder[];
  links: WithheldLinkMarker[];
}

export const NO_WITHHELD_MARKERS: WithheldMarkers = { entities: [], links: [] };

export interface DisclosureOutcome {
  /** The chart as it may be disclosed. */
  chart: ChartDocument;
  mode: DisclosureOptions['mode'];
  /** Left out of every exported file. */
  withheld: RestrictedItem[];
  /** Restricted items included because permission was recorded. */
  disclosedUnderPermission: RestrictedItem[];
  permissionRecorded?: PermissionRecord;
  /** How many withheld items carry a restricted code themselves, and how many links only touch one. */
  restrictedCount: number;
  attachedCount: number;
  markers: WithheldMarkers;
}

/** The most restrictive handling code of an item, counting the records a merged entity stands for. */
export function effectiveHandling(item: ChartEntity | ChartLink): string | undefined {
  const codes = [item.handling, ...('records' in item && item.records ? item.records.map((record) => record.handling) : [])];
  return RESTRICTED_HANDLING_CODES.slice().reverse().find((code) => codes.includes(code)) ?? item.handling;
}

function isRestricted(item: ChartEntity | ChartLink): boolean {
  const handling = effectiveHandling(item);
  return handling !== undefined && (RESTRICTED_HANDLING_CODES as readonly string[]).includes(handling);
}

function describeEntity(entity: ChartEntity, reason: WithheldReason): RestrictedItem {
  return { id: entity.id, kind: 'entity', type: entity.type, label: entity.label, handling: effectiveHandling(entity), caseId: entity.caseId, agency: entity.agency, country: entity.country, reason };
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
      restrictedCount: restricted.length,
      attachedCount: 0,
      markers: NO_WITHHELD_MARKERS,
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
  const withheldEntities = chart.entities.filter((entity) => withheldEntityIds.has(entity.id));
  const withheldLinks = chart.links.filter((link) => withheldLinkIds.has(link.id));
  return {
    chart: {
      ...chart,
      entities: chart.entities.filter((entity) => !withheldEntityIds.has(entity.id)),
      links: chart.links.filter((link) => !withheldLinkIds.has(link.id)),
    },
    mode: options.mode,
    withheld,
    disclosedUnderPermission: [],
    restrictedCount: restricted.length,
    attachedCount: attached.length,
    markers: withheldMarkers(withheldEntities, withheldLinks),
  };
}

function withheldMarkers(entities: ChartEntity[], links: ChartLink[]): WithheldMarkers {
  const placeholderOf = new Map<string, WithheldPlaceholder>();
  [...entities]
    .sort((a, b) => compareText(a.id, b.id))
    .forEach((entity, index) => {
      placeholderOf.set(entity.id, { id: `withheld-entity-${index + 1}`, handling: effectiveHandling(entity)!, ...(entity.position ? { position: { ...entity.position } } : {}) });
    });
  const markerLinks = [...links]
    .sort((a, b) => compareText(a.id, b.id))
    .map((link, index) => {
      // A link kept back only because it touches a withheld entity carries that entity's code.
      const handling = isRestricted(link) ? effectiveHandling(link)! : (placeholderOf.get(link.source) ?? placeholderOf.get(link.target))!.handling;
      return { id: `withheld-link-${index + 1}`, source: placeholderOf.get(link.source)?.id ?? link.source, target: placeholderOf.get(link.target)?.id ?? link.target, handling };
    });
  return { entities: [...placeholderOf.values()], links: markerLinks };
}

/** The cover sheet's "Disclosure" lines, in the export's language. */
export function disclosureLines(outcome: Pick<DisclosureOutcome, 'withheld' | 'disclosedUnderPermission' | 'permissionRecorded' | 'restrictedCount' | 'attachedCount'>, text: ExportText): string[] {
  const { t, format } = text;
  if (outcome.permissionRecorded && outcome.disclosedUnderPermission.length > 0) {
    return [format(t.disclosure.permission, { count: outcome.disclosedUnderPermission.length, by: outcome.permissionRecorded.by, reference: outcome.permissionRecorded.reference })];
  }
  if (outcome.withheld.length === 0) return [t.disclosure.none];
  return [format(t.disclosure.withheld, { count: outcome.withheld.length, restricted: outcome.restrictedCount, attached: outcome.attachedCount })];
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
