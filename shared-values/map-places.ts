// Where each entity on the chart stands on the map (the map view and the PDF's map page alike). A record with its own WGS84 `lat`/`lon` stands there;
// an incident stands where it occurred and a person at the address they live at, when that place is on the
// chart too. Everything else (phones, vehicles, gangs, cases, sources, records without coordinates) is
// listed as "not on the map" rather than guessed.
// Dependency-free: entities and links are described by the few fields placing needs.

export interface PlaceableEntity {
  id: string;
  type: string;
  properties: Record<string, unknown>;
}

export interface PlaceableLink {
  id: string;
  type: string;
  source: string;
  target: string;
}

export interface LatLon {
  lat: number;
  lon: number;
}

export interface Placement extends LatLon {
  /** The location the entity borrows its place from (an incident's scene, a person's address). */
  via?: string;
}

export interface MapPlacements<E extends PlaceableEntity> {
  placed: Map<string, Placement>;
  /** Entities on the chart with no place, in chart order. */
  unplaced: E[];
}

/** A finite WGS84 pair in range, from properties that may hold numbers or numeric strings. */
export function ownPlace(entity: Pick<PlaceableEntity, 'properties'>): LatLon | undefined {
  const lat = coordinate(entity.properties.lat);
  const lon = coordinate(entity.properties.lon);
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return { lat, lon };
}

function coordinate(value: unknown): number {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
}

/** Links that lend a place: from the entity at `from` to the place at `to`. */
const BORROWED_PLACE = { OCCURRED_AT: 'Incident', LIVES_AT: 'Person' } as const;

export function placeEntities<E extends PlaceableEntity>(entities: readonly E[], links: readonly PlaceableLink[]): MapPlacements<E> {
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
export function placedLinks<L extends PlaceableLink>(links: readonly L[], placed: ReadonlyMap<string, LatLon>): L[] {
  return links.filter((link) => {
    const from = placed.get(link.source);
    const to = placed.get(link.target);
    return from && to && (from.lat !== to.lat || from.lon !== to.lon);
  });
}

/**
 * The countries the basemap draws (ISO 3166 numeric codes, as Natural Earth's world-atlas keys them):
 * Belgium and the Netherlands stand out, their neighbours give the border its context.
 */
export const BASEMAP_COUNTRIES: Record<string, 'BE' | 'NL' | 'neighbour'> = {
  '056': 'BE',
  '528': 'NL',
  '276': 'neighbour', // Germany
  '250': 'neighbour', // France
  '442': 'neighbour', // Luxembourg
  '826': 'neighbour', // United Kingdom
};
