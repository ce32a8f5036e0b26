// The fixed places every scale unit shares: border crossings with an ANPR camera on each side, and ports.
// They are recorded once, in a reference case per country (the national ANPR networks).
import type { Country } from '../contract/model';
import type { RecordBook } from './record-book';
import type { DemoRandom } from './random';
import { BE_AGENCIES, NL_AGENCIES } from './reference-organisations';
import { BORDER_CROSSINGS, PORTS, type CrossingKey } from './reference-places';
import type { ReferenceLocations } from './scenario-context';

export function recordReferenceLocations(book: RecordBook, random: DemoRandom): ReferenceLocations {
  const cases = {
    NL: book.openCase({ country: 'NL', agency: NL_AGENCIES.landelijk, title: "ANPR-camera's, grensovergangen en havens", reference: 'REF-ANPR-NL', opened: '2023-01-01' }),
    BE: book.openCase({ country: 'BE', agency: BE_AGENCIES.federaal, title: 'ANPR-camera’s, grensovergangen en havens', reference: 'REF-ANPR-BE', opened: '2023-01-01' }),
  };
  const sourceIn = (country: Country) => book.source(random, cases[country], 'anpr', '2023-01-01T00:00:00Z');

  const cameras = {} as Record<CrossingKey, Record<Country, string>>;
  const crossings = {} as Record<CrossingKey, string>;
  for (const crossing of BORDER_CROSSINGS) {
    crossings[crossing.key] = book.entity(
      'Location',
      sourceIn('BE'),
      { label: crossing.name, name: crossing.name, kind: 'border-crossing', lat: crossing.lat, lon: crossing.lon },
      'BE',
    );
    cameras[crossing.key] = {} as Record<Country, string>;
    for (const camera of crossing.cameras) {
      cameras[crossing.key][camera.country] = book.entity(
        'Location',
        sourceIn(camera.country),
        { label: camera.name, name: camera.name, kind: 'anpr-camera', city: camera.city, lat: camera.lat, lon: camera.lon },
        camera.country,
      );
    }
  }
  const ports = PORTS.map((port) => ({
    port,
    id: book.entity('Location', sourceIn(port.country), { label: port.name, name: port.name, kind: 'port', city: port.city, lat: port.lat, lon: port.lon }, port.country),
  }));
  return { cameras, crossings, ports };
}
