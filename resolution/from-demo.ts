// Builds resolution records straight from generated demo data, with the same graph context the Neo4j reader
// collects (USES, OWNS/DRIVES, LIVES_AT, SIGHTED_AT). Used by the benchmark and unit tests to resolve
// without a database; the Neo4j path (graph-queries/resolution.ts) must agree with it.
import type { DemoData, DemoNode, DemoProps } from '../demo-data/demo-records';
import { addressKey, type PersonRecord, type PhoneRecord, type ResolutionRecord, type VehicleRecord } from './records';

const str = (props: DemoProps, key: string): string | undefined => (typeof props[key] === 'string' ? (props[key] as string) : undefined);
const bool = (props: DemoProps, key: string): boolean | undefined => (typeof props[key] === 'boolean' ? (props[key] as boolean) : undefined);

export function recordsFromDemo(data: DemoData): ResolutionRecord[] {
  const byId = new Map<string, DemoNode>(data.entities.map((node) => [node.id, node]));
  const records = new Map<string, ResolutionRecord>();
  for (const node of data.entities) {
    const p = node.props;
    const base = { id: node.id, sourceId: str(p, 'sourceId'), caseId: str(p, 'caseId'), country: str(p, 'country') };
    if (node.type === 'Person') {
      const record: PersonRecord = {
        ...base,
        type: 'Person',
        givenName: str(p, 'givenName'),
        familyName: str(p, 'familyName'),
        fullName: str(p, 'fullName'),
        dateOfBirth: str(p, 'dateOfBirth'),
        gender: str(p, 'gender'),
        nationalNumber: str(p, 'nationalNumber'),
        bsn: str(p, 'bsn'),
        identifierValid: bool(p, 'identifierValid'),
        phones: [],
        plates: [],
        addresses: [],
      };
      records.set(node.id, record);
    } else if (node.type === 'Vehicle') {
      const record: VehicleRecord = {
        ...base,
        type: 'Vehicle',
        plate: str(p, 'plate'),
        plateNormalized: str(p, 'plateNormalized'),
        plateCountry: str(p, 'plateCountry'),
        vin: str(p, 'vin'),
        make: str(p, 'make'),
        model: str(p, 'model'),
        colour: str(p, 'colour'),
        stolen: bool(p, 'stolen'),
        sightings: [],
      };
      records.set(node.id, record);
    } else if (node.type === 'Phone') {
      const record: PhoneRecord = {
        ...base,
        type: 'Phone',
        number: str(p, 'number'),
        e164: str(p, 'e164'),
        imei: str(p, 'imei'),
        imsi: str(p, 'imsi'),
        identifierValid: bool(p, 'identifierValid'),
      };
      records.set(node.id, record);
    }
  }
  for (const rel of data.relationships) {
    const from = records.get(rel.from);
    const to = byId.get(rel.to);
    if (!from || !to) continue;
    if (from.type === 'Person' && rel.type === 'USES') {
      const e164 = str(to.props, 'e164');
      if (e164) from.phones!.push(e164);
    } else if (from.type === 'Person' && (rel.type === 'OWNS' || rel.type === 'DRIVES')) {
      const plate = str(to.props, 'plateNormalized');
      if (plate) from.plates!.push(plate);
    } else if (from.type === 'Person' && rel.type === 'LIVES_AT') {
      const key = addressKey(str(to.props, 'postcode'), str(to.props, 'street'));
      if (key) from.addresses!.push(key);
    } else if (from.type === 'Vehicle' && rel.type === 'SIGHTED_AT') {
      const at = str(rel.props, 'at');
      const lat = to.props.lat;
      const lon = to.props.lon;
      if (at && typeof lat === 'number' && typeof lon === 'number') from.sightings!.push({ at, lat, lon });
    }
  }
  return [...records.values()];
}
