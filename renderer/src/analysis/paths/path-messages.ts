// What a path search found, in the sentence an analyst reads ("A and B are not connected within 6 hops").
import type { PathsResult } from '../../../../contract/api';
import { t } from '../../i18n';

export type LabelOf = (id: string) => string;

const UNCONNECTED_LISTED = 5;

const hops = (count: number) => t('analysis:paths.hops', { count });
const links = (count: number) => t('common:linkCount', { count });
const entities = (count: number) => t('common:entityCount', { count });

export function describePaths(result: PathsResult, mode: 'shortest' | 'all-shortest', maxHops: number, labelOf: LabelOf, pairCount: number): string {
  const parts: string[] = [];
  if (result.paths.length > 0) {
    const lengths = result.paths.map((path) => path.linkIds.length);
    const shortest = Math.min(...lengths);
    if (pairCount === 1 && mode === 'shortest') {
      const [path] = result.paths;
      parts.push(t('analysis:paths.shortestPath', { links: links(shortest), route: path.entityIds.map(labelOf).join(' → ') }));
    } else if (pairCount === 1) {
      parts.push(
        t('analysis:paths.shortestBetween', {
          paths: t('analysis:paths.shortestPaths', { count: result.paths.length }),
          links: links(shortest),
          from: labelOf(result.paths[0].entityIds[0]),
          to: labelOf(result.paths[0].entityIds.at(-1)!),
        }),
      );
    } else {
      parts.push(
        t('analysis:paths.foundBetween', {
          paths: t(mode === 'shortest' ? 'analysis:paths.shortestPaths' : 'analysis:paths.pathCount', { count: result.paths.length }),
          connected: pairCount - result.unconnected.length,
          pairs: t('analysis:paths.pairs', { count: pairCount }),
        }),
      );
    }
  }
  const listed = result.unconnected
    .slice(0, UNCONNECTED_LISTED)
    .map((pair) => t('analysis:paths.notConnected', { from: labelOf(pair.from), to: labelOf(pair.to), hops: hops(maxHops) }));
  parts.push(...listed);
  if (result.unconnected.length > UNCONNECTED_LISTED) parts.push(t('analysis:paths.moreNotConnected', { count: result.unconnected.length - UNCONNECTED_LISTED }));
  return parts.join(' ');
}

export function describeNetwork(added: { entities: number; links: number }, found: { nodes: number; links: number; omitted: number }, selected: number, maxHops: number): string {
  if (found.links === 0) return t('analysis:paths.networkNone', { count: selected, hops: hops(maxHops) });
  const parts = [t('analysis:paths.networkFound', { hops: hops(maxHops), entities: entities(found.nodes), links: links(found.links) })];
  parts.push(added.entities || added.links ? t('analysis:paths.networkNew', { entities: added.entities, links: added.links }) : t('analysis:paths.networkAllThere'));
  if (found.omitted > 0) parts.push(t('analysis:paths.networkOmitted', { count: found.omitted }));
  return parts.join('');
}

export function hopCount(count: number): string {
  return hops(count);
}
