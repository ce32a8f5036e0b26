// Web Mercator for the PDF's map page, as the on-screen map draws (Leaflet's default), fitted into a frame:
// places are projected, their box padded and scaled to the frame without distortion. The scale bar is
// worked out from the same projection at the map's middle latitude.
import type { LatLon } from '../shared-values/map-places';

const EARTH_RADIUS_METRES = 6_378_137;
/** Below this span (degrees) a single place or a street-level cluster still shows its surroundings. */
const MIN_SPAN_DEGREES = 0.08;

export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapProjection {
  toPage(place: LatLon): [number, number];
  /** Page points per metre on the ground at the map's middle latitude. */
  pointsPerMetre: number;
}

const mercatorX = (lon: number) => (lon * Math.PI) / 180;
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));

/** A projection showing every place inside `frame`, with 12 % room around them. */
export function fitProjection(places: readonly LatLon[], frame: Frame): MapProjection {
  let [minLat, maxLat, minLon, maxLon] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { lat, lon } of places) {
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
  }
  const midLat = (minLat + maxLat) / 2;
  const midLon = (minLon + maxLon) / 2;
  const halfLat = Math.max(maxLat - minLat, MIN_SPAN_DEGREES) / 2;
  const halfLon = Math.max(maxLon - minLon, MIN_SPAN_DEGREES) / 2;
  const [left, right] = [mercatorX(midLon - halfLon), mercatorX(midLon + halfLon)];
  const [bottom, top] = [mercatorY(midLat - halfLat), mercatorY(midLat + halfLat)];
  const scale = Math.min(frame.width / ((right - left) * 1.24), frame.height / ((top - bottom) * 1.24));
  const centreX = (left + right) / 2;
  const centreY = (top + bottom) / 2;
  return {
    toPage: ({ lat, lon }) => [frame.x + frame.width / 2 + (mercatorX(lon) - centreX) * scale, frame.y + frame.height / 2 - (mercatorY(lat) - centreY) * scale],
    // One radian of Mercator x is R·cos(φ) metres on the ground at latitude φ.
    pointsPerMetre: scale / (EARTH_RADIUS_METRES * Math.cos((midLat * Math.PI) / 180)),
  };
}

/** The longest round distance (1, 2 or 5 × 10ⁿ metres) whose bar fits in `maxPoints`. */
export function scaleBarMetres(pointsPerMetre: number, maxPoints: number): number {
  const limit = maxPoints / pointsPerMetre;
  const power = 10 ** Math.floor(Math.log10(limit));
  return [5, 2, 1].map((step) => step * power).find((metres) => metres <= limit) ?? power;
}
