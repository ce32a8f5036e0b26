// Which places fall inside an area the analyst drew on the map. Turf's point-in-polygon works in plain
// longitude/latitude, which is what the drawn vertices and the records hold.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { LatLon } from '../../../shared-values/map-places';

/** The ids whose place lies inside the polygon `area` (vertices in drawing order; the ring closes itself). */
export function idsInsideArea(placed: ReadonlyMap<string, LatLon>, area: readonly LatLon[]): string[] {
  if (area.length < 3) return [];
  const ring = [...area, area[0]].map((vertex) => [vertex.lon, vertex.lat]);
  const polygon = { type: 'Polygon' as const, coordinates: [ring] };
  const inside: string[] = [];
  for (const [id, place] of placed) {
    if (booleanPointInPolygon([place.lon, place.lat], polygon)) inside.push(id);
  }
  return inside;
}
