// What a path search found, in the sentence an analyst reads ("A and B are not connected within 6 hops").
import type { PathsResult } from '../../../../contract/api';

export type LabelOf = (id: string) => string;

const UNCONNECTED_LISTED = 5;

export function describePaths(result: PathsResult, mode: 'shortest' | 'all-shortest', maxHops: number, labelOf: LabelOf, pairCount: number): string {
  const parts: string[] = [];
  if (result.paths.length > 0) {
    const lengths = result.paths.map((path) => path.linkIds.length);
    const shortest = Math.min(...lengths);
    if (pairCount === 1 && mode === 'shortest') {
      const [path] = result.paths;
      parts.push(`Shortest path: ${plural(shortest, 'link')} (${path.entityIds.map(labelOf).join(' → ')}).`);
    } else if (pairCount === 1) {
      parts.push(`${plural(result.paths.length, 'shortest path')} of ${plural(shortest, 'link')} between ${labelOf(result.paths[0].entityIds[0])} and ${labelOf(result.paths[0].entityIds.at(-1)!)}.`);
    } else {
      parts.push(`${plural(result.paths.length, mode === 'shortest' ? 'shortest path' : 'path')} found between ${pairCount - result.unconnected.length} of ${plural(pairCount, 'pair')}.`);
    }
  }
  const listed = result.unconnected.slice(0, UNCONNECTED_LISTED).map((pair) => `${labelOf(pair.from)} and ${labelOf(pair.to)} are not connected within ${plural(maxHops, 'hop')}.`);
  parts.push(...listed);
  if (result.unconnected.length > UNCONNECTED_LISTED) parts.push(`${result.unconnected.length - UNCONNECTED_LISTED} more pairs are not connected either.`);
  return parts.join(' ');
}

export function describeNetwork(added: { entities: number; links: number }, found: { nodes: number; links: number; omitted: number }, selected: number, maxHops: number): string {
  if (found.links === 0) return `The ${selected} selected entities are not connected to each other within ${plural(maxHops, 'hop')}.`;
  const parts = [`Connecting network within ${plural(maxHops, 'hop')}: ${plural(found.nodes, 'entity', 'entities')} and ${plural(found.links, 'link')}`];
  parts.push(added.entities || added.links ? ` (${added.entities} entities and ${added.links} links were new to the chart).` : ' (all already on the chart).');
  if (found.omitted > 0) parts.push(` ${found.omitted} more entities were left out (limit).`);
  return parts.join('');
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
