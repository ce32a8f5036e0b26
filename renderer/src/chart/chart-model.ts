// What the chart holds, independent of Cytoscape: the entities and links the analyst has put on it.
// The adapter mirrors this into Cytoscape; keeping it separate lets the rules (no duplicates, no dangling
// links) be tested without a canvas and gives the details panel the full records.
import type { EntitySummary, LinkSummary } from '../../../contract/model';

export interface ChartAdditions {
  entities: EntitySummary[];
  links: LinkSummary[];
}

export class ChartModel {
  private readonly entitiesById = new Map<string, EntitySummary>();
  private readonly linksById = new Map<string, LinkSummary>();

  get entityCount(): number {
    return this.entitiesById.size;
  }

  get linkCount(): number {
    return this.linksById.size;
  }

  hasEntity(id: string): boolean {
    return this.entitiesById.has(id);
  }

  entity(id: string): EntitySummary | undefined {
    return this.entitiesById.get(id);
  }

  link(id: string): LinkSummary | undefined {
    return this.linksById.get(id);
  }

  entityIds(): string[] {
    return [...this.entitiesById.keys()];
  }

  linkIds(): string[] {
    return [...this.linksById.keys()];
  }

  /**
   * Adds what is new and returns exactly that. Entities already on the chart are kept as they are; a link is
   * added only when both ends are on the chart afterwards (an expansion may mention nodes beyond its limit).
   */
  add(entities: readonly EntitySummary[], links: readonly LinkSummary[] = []): ChartAdditions {
    const added: ChartAdditions = { entities: [], links: [] };
    for (const entity of entities) {
      if (this.entitiesById.has(entity.id)) continue;
      const stored = stripSearchFields(entity);
      this.entitiesById.set(entity.id, stored);
      added.entities.push(stored);
    }
    for (const link of links) {
      if (this.linksById.has(link.id)) continue;
      if (!this.entitiesById.has(link.source) || !this.entitiesById.has(link.target)) continue;
      this.linksById.set(link.id, link);
      added.links.push(link);
    }
    return added;
  }

  /** Removes entities and every link touching them; returns the ids of the links that went with them. */
  removeEntities(ids: readonly string[]): string[] {
    const removing = new Set(ids);
    const removedLinks: string[] = [];
    for (const [linkId, link] of this.linksById) {
      if (removing.has(link.source) || removing.has(link.target)) {
        this.linksById.delete(linkId);
        removedLinks.push(linkId);
      }
    }
    for (const id of removing) this.entitiesById.delete(id);
    return removedLinks;
  }

  removeLinks(ids: readonly string[]): void {
    for (const id of ids) this.linksById.delete(id);
  }

  clear(): void {
    this.entitiesById.clear();
    this.linksById.clear();
  }
}

/** A search hit is an EntitySummary plus ranking fields that mean nothing once it is on the chart. */
function stripSearchFields(entity: EntitySummary): EntitySummary {
  const { matchedOn: _matchedOn, score: _score, ...summary } = entity as EntitySummary & {
    matchedOn?: unknown;
    score?: unknown;
  };
  return summary;
}
