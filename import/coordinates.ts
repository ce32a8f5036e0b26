// Coordinates in import files: WGS84 degrees, or the national grids Belgian and Dutch sources write, converted
// to WGS84 with proj4 and the official datum shifts (towgs84, position-vector convention):
// - EPSG:31370 Belgian Lambert 72 (BD72): NGI's 7-parameter BD72→ETRS89 shift (EPSG transformation 15929),
//   about 0.2 m from NGI's own grid-based software;
// - EPSG:3812 Belgian Lambert 2008 (ETRS89): no datum shift (ETRS89 equals WGS84 within a metre);
// - EPSG:28992 Dutch RD New (Amersfoort): the 7-parameter Amersfoort→WGS84 shift (EPSG 1672), about 0.3 m
//   from RDNAPTRANS.
// Places are then checked: out of range, latitude and longitude (or x and y) swapped, outside the grid's
// area, or far from Belgium and the Netherlands. A value that cannot be right rejects the row; one that is merely far away is kept
// with a `coordinateIssue` note, so nothing is stored silently in the wrong place.
import proj4 from 'proj4';
import { rejection, type RejectReason } from './rejections';

export const COORDINATE_SYSTEMS = ['WGS84', 'EPSG:31370', 'EPSG:3812', 'EPSG:28992'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

/** Where a grid is defined (its area of use, onshore and offshore, with a margin), in its own metres. */
interface GridBounds {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

const PROJECTIONS: Record<Exclude<CoordinateSystem, 'WGS84'>, { name: string; definition: string; bounds: GridBounds }> = {
  'EPSG:31370': {
    name: 'Belgian Lambert 72',
    bounds: { minX: -10_000, maxX: 310_000, minY: 10_000, maxY: 300_000 },
    definition:
      '+proj=lcc +lat_0=90 +lon_0=4.36748666666667 +lat_1=51.1666672333333 +lat_2=49.8333339 +x_0=150000.013 +y_0=5400088.438 +ellps=intl +towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs',
  },
  'EPSG:3812': {
    name: 'Belgian Lambert 2008',
    bounds: { minX: 490_000, maxX: 810_000, minY: 510_000, maxY: 800_000 },
    definition:
      '+proj=lcc +lat_0=50.797815 +lon_0=4.35921583333333 +lat_1=49.8333333333333 +lat_2=51.1666666666667 +x_0=649328 +y_0=665262 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  },
  'EPSG:28992': {
    name: 'Dutch RD New',
    bounds: { minX: -10_000, maxX: 310_000, minY: 280_000, maxY: 640_000 },
    definition:
      '+proj=sterea +lat_0=52.1561605555556 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs',
  },
};

const converters = new Map<string, proj4.Converter>();
function converter(system: Exclude<CoordinateSystem, 'WGS84'>): proj4.Converter {
  let found = converters.get(system);
  if (!found) converters.set(system, (found = proj4(PROJECTIONS[system].definition, 'WGS84')));
  return found;
}

export interface Wgs84 {
  lat: number;
  lon: number;
}

/** Easting/northing in metres of a national grid → WGS84 degrees. */
export function gridToWgs84(system: Exclude<CoordinateSystem, 'WGS84'>, x: number, y: number): Wgs84 {
  const [lon, lat] = converter(system).forward([x, y]);
  return { lat, lon };
}

/** WGS84 degrees → a national grid (tests and round trips). */
export function wgs84ToGrid(system: Exclude<CoordinateSystem, 'WGS84'>, { lat, lon }: Wgs84): { x: number; y: number } {
  const [x, y] = converter(system).inverse([lon, lat]);
  return { x, y };
}

/** Belgium, the Netherlands and their neighbours with a margin: where a Benelux police record's places lie. */
const REGION = { south: 47, north: 56, west: -1, east: 12 };
const inRegion = ({ lat, lon }: Wgs84) => lat >= REGION.south && lat <= REGION.north && lon >= REGION.west && lon <= REGION.east;

export type PlaceCheck = { ok: true; place: Wgs84; issue?: string } | { ok: false; reason: RejectReason };

const round = (value: number) => Math.round(value * 1e7) / 1e7;
const show = (value: number) => String(Math.round(value * 1e5) / 1e5);

function checkDegrees(lat: number, lon: number): PlaceCheck {
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    const projected = Math.abs(lat) > 1000 || Math.abs(lon) > 1000;
    return {
      ok: false,
      reason: rejection(projected ? 'GRID_METRES_AS_DEGREES' : 'DEGREES_OUT_OF_RANGE', { lat: show(lat), lon: show(lon) }),
    };
  }
  if (!inRegion({ lat, lon }) && inRegion({ lat: lon, lon: lat })) {
    return {
      ok: false,
      reason: rejection('LATITUDE_LONGITUDE_SWAPPED', { lat: show(lat), lon: show(lon) }),
    };
  }
  const place = { lat: round(lat), lon: round(lon) };
  if (!inRegion(place)) return { ok: true, place, issue: `far from Belgium and the Netherlands (${show(lat)}, ${show(lon)}); check the coordinates` };
  return { ok: true, place };
}

function checkGrid(system: Exclude<CoordinateSystem, 'WGS84'>, x: number, y: number): PlaceCheck {
  const { name, bounds } = PROJECTIONS[system];
  const within = (east: number, north: number) => east >= bounds.minX && east <= bounds.maxX && north >= bounds.minY && north <= bounds.maxY;
  if (!within(x, y)) {
    return {
      ok: false,
      reason: rejection(within(y, x) ? 'GRID_X_Y_SWAPPED' : 'OUTSIDE_GRID_AREA', { grid: name, x: show(x), y: show(y) }),
    };
  }
  const place = gridToWgs84(system, x, y);
  return { ok: true, place: { lat: round(place.lat), lon: round(place.lon) } };
}

/** Reads one place: WGS84 (first = latitude, second = longitude) or a national grid (first = x, second = y). */
export function checkPlace(system: CoordinateSystem, first: number, second: number): PlaceCheck {
  return system === 'WGS84' ? checkDegrees(first, second) : checkGrid(system, first, second);
}
