// Converts the chart model's records into Cytoscape element data. Only what the stylesheet needs goes into
// `data`; the full records stay in the ChartModel.
import type { ElementDefinition } from 'cytoscape';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import { isHypothesis, linkWidth } from '../../../shared-values/chart-style';
import { isAnalystLinkKind } from '../../../shared-values/analyst-links';
import { analystLinkKindName, linkTypeName } from '../i18n/vocabulary';

/** Chart labels are cut here; the details panel shows the full text. */
const MAX_LABEL_LENGTH = 32;

export function entityElement(entity: EntitySummary, position?: { x: number; y: number }): ElementDefinition {
  return {
    group: 'nodes',
    data: {
      id: entity.id,
      type: entity.type,
      label: truncate(entity.label || entity.id),
      ...(entity.country ? { country: entity.country } : {}),
    },
    ...(position ? { position: { ...position } } : {}),
  };
}

/** `parallel`: another link joins the same two entities (see parallelLinkIds). */
export function linkElement(link: LinkSummary, parallel = false): ElementDefinition {
  return {
    group: 'edges',
    data: {
      id: link.id,
      source: link.source,
      target: link.target,
      type: link.type,
      label: linkLabel(link),
      width: linkWidth(link),
      ...(isHypothesis(link) ? { hypothesis: true } : {}),
      ...(parallel ? { parallel: true } : {}),
    },
  };
}

/**
 * Links sharing their two entities with another link (either direction). Only these are drawn as curves
 * fanned apart; a link alone between its entities is a straight line, which Cytoscape draws without
 * looking for parallel links at every frame.
 */
export function parallelLinkIds(links: Iterable<Pick<LinkSummary, 'id' | 'source' | 'target'>>): Set<string> {
  const firstByPair = new Map<string, string>();
  const parallel = new Set<string>();
  for (const link of links) {
    const pair = link.source < link.target ? `${link.source}\u0000${link.target}` : `${link.target}\u0000${link.source}`;
    const first = firstByPair.get(pair);
    if (first === undefined) {
      firstByPair.set(pair, link.id);
    } else {
      parallel.add(first);
      parallel.add(link.id);
    }
  }
  return parallel;
}

/** An analyst link says what the analyst wrote: its own label, else its kind, else "analyst link". */
export function linkLabel(link: LinkSummary): string {
  if (link.type === 'ANALYST_LINK') {
    const { linkLabel: own, linkKind } = link.properties;
    if (typeof own === 'string' && own.trim()) return truncate(own.trim());
    if (isAnalystLinkKind(linkKind)) return analystLinkKindName(linkKind);
  }
  const name = linkTypeName(link.type);
  return link.type === 'CALLED' && typeof link.count === 'number' ? `${name} ×${link.count}` : name;
}

function truncate(text: string): string {
  return text.length > MAX_LABEL_LENGTH ? `${text.slice(0, MAX_LABEL_LENGTH - 1)}…` : text;
}
