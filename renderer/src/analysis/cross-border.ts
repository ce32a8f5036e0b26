// Cross-border entities: the reason Schakel exists. An entity is cross-border when, counting itself, the
// records confirmed to be the same (SAME_AS, followed transitively) and everything directly linked to any
// of them, both Dutch and Belgian case records are involved. Computed from what is on the chart, so it
// shows what the analyst can see and explain.
import { COUNTRIES } from '../../../shared-values/model';

export interface CrossBorderEntity {
  id: string;
  country?: string;
}

export interface CrossBorderLink {
  source: string;
  target: string;
  type: string;
  /** The country of the case the link itself was recorded in, when known. */
  country?: string;
}

export interface CrossBorderFinding {
  /** NL and BE both reached. */
  reason: 'linked-to-both' | 'own-country-differs';
  /** Plain words for a tooltip or the details panel. */
  explanation: string;
}

const BOTH: readonly string[] = COUNTRIES;

export function findCrossBorderEntities(
  entities: readonly CrossBorderEntity[],
  links: readonly CrossBorderLink[],
): Map<string, CrossBorderFinding> {
  const countryOf = new Map(entities.map((e) => [e.id, e.country]));
  const sameAs = new UnionFind();
  const neighbours = new Map<string, { id: string; linkCountry?: string }[]>();
  for (const link of links) {
    if (!countryOf.has(link.source) || !countryOf.has(link.target)) continue;
    if (link.type === 'SAME_AS') sameAs.union(link.source, link.target);
    push(neighbours, link.source, { id: link.target, linkCountry: link.country });
    push(neighbours, link.target, { id: link.source, linkCountry: link.country });
  }

  // Countries reached per SAME_AS cluster: its members' own records, their neighbours and the links between.
  const reachedByCluster = new Map<string, Set<string>>();
  for (const { id, country } of entities) {
    const cluster = sameAs.find(id);
    const reached = reachedByCluster.get(cluster) ?? new Set<string>();
    if (country) reached.add(country);
    for (const neighbour of neighbours.get(id) ?? []) {
      const theirs = countryOf.get(neighbour.id);
      if (theirs) reached.add(theirs);
      if (neighbour.linkCountry) reached.add(neighbour.linkCountry);
    }
    reachedByCluster.set(cluster, reached);
  }

  const findings = new Map<string, CrossBorderFinding>();
  for (const { id, country } of entities) {
    const reached = reachedByCluster.get(sameAs.find(id))!;
    if (!BOTH.every((c) => reached.has(c))) continue;
    const differing = country
      ? (neighbours.get(id) ?? []).some((n) => {
          const theirs = countryOf.get(n.id);
          return theirs !== undefined && BOTH.includes(theirs) && theirs !== country;
        })
      : false;
    findings.set(
      id,
      differing
        ? { reason: 'own-country-differs', explanation: `${country} record linked directly to a record of the other country` }
        : { reason: 'linked-to-both', explanation: 'linked (directly or through a confirmed match) to both Dutch and Belgian records' },
    );
  }
  return findings;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

class UnionFind {
  private readonly parent = new Map<string, string>();

  find(id: string): string {
    let root = id;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    // Path compression keeps later lookups flat.
    let current = id;
    while (current !== root) {
      const next = this.parent.get(current) ?? root;
      this.parent.set(current, root);
      current = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent.set(rootA, rootB);
  }
}
