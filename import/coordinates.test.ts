// National grid coordinates against published points, and the checks that keep a place from being stored
// silently in the wrong spot (swapped columns, metres read as degrees, values out of range).
import { describe, expect, it } from 'vitest';
import { checkPlace, gridToWgs84, wgs84ToGrid, type Wgs84 } from './coordinates';
import { createRowMapper, type RowOutcome } from './mapping/index';
import { describeRejection } from './rejections';
import { parseImportSpec } from './spec';

/** Distance in metres between two nearby WGS84 points (equirectangular; exact enough below a kilometre). */
function metresBetween(a: Wgs84, b: Wgs84): number {
  const radians = Math.PI / 180;
  const north = (b.lat - a.lat) * radians;
  const east = (b.lon - a.lon) * radians * Math.cos(a.lat * radians);
  return 6_371_000 * Math.hypot(north, east);
}

describe('national grids to WGS84', () => {
  it('puts RD New 155000, 463000 on the Amersfoort reference point (RDNAPTRANS: 52.15517440, 5.38720621)', () => {
    const place = gridToWgs84('EPSG:28992', 155_000, 463_000);
    expect(metresBetween(place, { lat: 52.1551744, lon: 5.38720621 })).toBeLessThan(1);
  });

  it("puts Lambert 72 157022.870, 171745.084 on NGI's conversion of 50.856057, 4.468493", () => {
    // The pair NGI's own software gives (PROJ mailing list, July 2009, confirmed by the institute).
    const place = gridToWgs84('EPSG:31370', 157_022.87, 171_745.084);
    expect(metresBetween(place, { lat: 50.856057, lon: 4.468493 })).toBeLessThan(1);
  });

  it('puts the Lambert 2008 false origin 649328, 665262 on its defining point 50.797815, 4.359215833', () => {
    const place = gridToWgs84('EPSG:3812', 649_328, 665_262);
    expect(metresBetween(place, { lat: 50.797815, lon: 4.35921583333333 })).toBeLessThan(0.01);
  });

  it.each(['EPSG:31370', 'EPSG:3812', 'EPSG:28992'] as const)('round-trips %s within a centimetre', (system) => {
    for (const point of [
      { lat: 51.2194, lon: 4.4025 }, // Antwerp
      { lat: 50.6326, lon: 5.5797 }, // Liège
      { lat: 51.5719, lon: 4.7683 }, // Breda
    ]) {
      const back = gridToWgs84(system, ...(Object.values(wgs84ToGrid(system, point)) as [number, number]));
      expect(metresBetween(back, point)).toBeLessThan(0.01);
    }
  });
});

describe('checking a place', () => {
  it('accepts a Belgian place in degrees', () => {
    expect(checkPlace('WGS84', 51.2194, 4.4025)).toEqual({ ok: true, place: { lat: 51.2194, lon: 4.4025 } });
  });

  it('refuses latitude and longitude swapped (Antwerp in the Indian Ocean)', () => {
    const check = checkPlace('WGS84', 4.4025, 51.2194);
    expect(check).toMatchObject({ ok: false, reason: { code: 'LATITUDE_LONGITUDE_SWAPPED', values: { lat: '4.4025', lon: '51.2194' } } });
  });

  it('refuses out-of-range degrees and says when they are grid metres', () => {
    expect(checkPlace('WGS84', 95, 4)).toMatchObject({ ok: false, reason: { code: 'DEGREES_OUT_OF_RANGE' } });
    expect(checkPlace('WGS84', 155_000, 463_000)).toMatchObject({ ok: false, reason: { code: 'GRID_METRES_AS_DEGREES' } });
  });

  it('refuses swapped grid x and y, and grid values far outside the country', () => {
    expect(checkPlace('EPSG:28992', 463_000, 155_000)).toMatchObject({ ok: false, reason: { code: 'GRID_X_Y_SWAPPED' } });
    expect(checkPlace('EPSG:31370', 9_000_000, 9_000_000)).toMatchObject({ ok: false, reason: { code: 'OUTSIDE_GRID_AREA' } });
    // Lambert 72 metres given as Lambert 2008 (or the other way round) fall outside the grid.
    expect(checkPlace('EPSG:3812', 157_022, 171_745)).toMatchObject({ ok: false, reason: { code: 'OUTSIDE_GRID_AREA' } });
  });

  it('keeps a valid place far from the Benelux with a note', () => {
    expect(checkPlace('WGS84', 40.4168, -3.7038)).toMatchObject({ ok: true, issue: expect.stringMatching(/far from Belgium/) });
  });
});

describe('an ANPR file with RD New and Lambert 72 camera positions', () => {
  const mapperFor = (coordinateSystem: string) =>
    createRowMapper(
      parseImportSpec({
        name: 'anpr',
        kind: 'anpr',
        case: { id: 'CASE-NL-GEO', reference: 'GEO-1', country: 'NL', agency: 'Politie' },
        columns: { plate: 'Kenteken', camera: 'Camera', time: 'Tijd', x: 'X', y: 'Y', lat: 'Lat', lon: 'Lon' },
        options: { coordinateSystem },
      }),
      ['Kenteken', 'Camera', 'Tijd', 'X', 'Y', 'Lat', 'Lon'],
      'anpr.csv',
    );
  const camera = (outcome: RowOutcome) => {
    if (!outcome.ok) throw new Error(describeRejection(outcome.reason));
    return outcome.mapped.nodes.find((node) => node.type === 'Location')!.props;
  };

  it('stores the converted WGS84 place and the original grid values', () => {
    const props = camera(mapperFor('EPSG:28992').map({ number: 2, cells: ['12-ABC-3', 'A1 Amersfoort', '2024-03-01 10:00', '155000,00', '463000', '', ''], problems: [] }));
    expect(metresBetween({ lat: props.lat as number, lon: props.lon as number }, { lat: 52.1551744, lon: 5.38720621 })).toBeLessThan(1);
    expect(props).toMatchObject({ sourceX: 155_000, sourceY: 463_000, sourceCoordinateSystem: 'EPSG:28992' });

    const belgian = camera(mapperFor('EPSG:31370').map({ number: 3, cells: ['1-ABC-123', 'E40 Kraainem', '2024-03-01 10:00', '157022.870', '171745.084', '', ''], problems: [] }));
    expect(metresBetween({ lat: belgian.lat as number, lon: belgian.lon as number }, { lat: 50.856057, lon: 4.468493 })).toBeLessThan(1);
  });

  it('rejects a swapped pair with the reason instead of storing it', () => {
    const outcome = mapperFor('WGS84').map({ number: 4, cells: ['1-ABC-123', 'E19 Meer', '2024-03-01 10:00', '', '', '4.7683', '51.4512'], problems: [] });
    expect(outcome).toMatchObject({ ok: false, reason: { code: 'LATITUDE_LONGITUDE_SWAPPED' } });
  });
});
