// Where each entity on the chart stands on the map. A record with its own WGS84 `lat`/`lon` stands there;
// an incident stands where it occurred and a person at the address they live at, when that place is on the
// chart too. Everything else (phones, vehicles, gangs, cases, sources, records without coordinates) is
// listed as "not on the map" rather than guessed.
import type { EntitySummary, LinkSummary } from '../../../contract/model';

export interface LatLon {
  lat: number;
  lon: number;
}

export interface Placement extends LatLon {
  /** The location the entity borrows its place from (an incident's scene, a person's address). */
  via?: string;
}

export interface MapPlacements {
  placed: Map<string, Placement>;
  /** Entities on the chart with no place, in chart order. */
  unplaced: EntitySummary[];
}

/** A finite WGS84 pair in range, from properties that may hold numbers or numeric strings. */
export function ownPlace(entity: Pick<EntitySummary, 'properties'>): LatLon | undefined {
  const lat = Number(entity.properties.lat);
  const lon = Number(entity.properties.lon);
  if (entity.properties.lat == null || entity.properties.lon == null) return undefined;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { lat, lon };
}

/** Links that lend a place: from the entity at `from` to the place at `to`. */
const BORROWED_PLACE = { OCCURRED_AT: 'Incident', LIVES_AT: 'Person' } as const;

export function placeEntities(entities: readonly EntitySummary[], links: readonly LinkSummary[]): MapPlacements {
  const placed = new Map<string, Placement>();
  for (const entity of entities) {
    const place = ownPlace(entity);
    if (place) placed.set(entity.id, place);
  }
  const types = new Map(entities.map((entity) => [entity.id, entity.type]));
  // Ordered by id so a person with two addresses on the chart always stands at the same one.
  const lenders = links.filter((link) => link.type in BORROWED_PLACE).sort((a, b) => a.id.localeCompare(b.id));
  for (const link of lenders) {
    const borrower = BORROWED_PLACE[link.type as keyof typeof BORROWED_PLACE];
    const place = placed.get(link.target);
    if (types.get(link.source) !== borrower || !place || place.via || placed.has(link.source)) continue;
    placed.set(link.source, { lat: place.lat, lon: place.lon, via: link.target });
  }
  return { placed, unplaced: entities.filter((entity) => !placed.has(entity.id)) };
}

/** Links whose two ends both stand on the map, at different spots (a person at their own address draws no line). */
export function placedLinks(links: readonly LinkSummary[], placed: ReadonlyMap<string, LatLon>): LinkSummary[] {
  return links.filter((link) => {
    const from = placed.get(link.source);
    const to = placed.get(link.target);
    return from && to && (from.lat !== to.lat || from.lon !== to.lon);
  });
}
