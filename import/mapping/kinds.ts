// What each kind of file turns a row into (docs/import-specs/README.md lists it in words):
//   person-register    Person [+ Location LIVES_AT] [+ Phone USES]
//   vehicle-register   Vehicle [+ holder Person OWNS {from}]
//   phone-subscribers  Phone [+ subscriber Person USES {from, until}]
//   call-records       Phone (A) and Phone (B); the calls are counted per pair into one CALLED {count, from, until}
//   anpr               Vehicle + Location (camera) + SIGHTED_AT {at}
//   gang-membership    Person + Gang + MEMBER_OF {from, until, role}
//   network            entities of one type + links counted per pair (mapping/network.ts)
import { dateTimeValue, type ImportProps } from '../../graph-queries/import-writes';
import { isNoDatePlaceholder, parseDateTime } from '../datetime';
import type { EdgeObservation } from '../network-links';
import type { SpecOf } from '../spec';
import { parseDurationSeconds } from '../value-parsers';
import { readAddress, readCamera, readGang, readPerson, readPhone, readPhones, readVehicle } from './entities';
import { compact, type RecordFactory, type RowOutput, type SourceRecord } from './record-factory';
import { term, type TermName } from '../rejections';
import { RowRejection, type RowValues } from './row-values';

/** One call, before calls are counted per (A, B) pair. */
export interface CallObservation {
  from: string;
  to: string;
  epochMs: number;
  durationSeconds?: number;
  row: number;
  sourceId: string;
}

export interface MappedRow extends RowOutput {
  call?: CallObservation;
  /** Network files: links to count per pair before they are written. */
  edges?: EdgeObservation[];
}

/** An optional date or time; a blank cell, or a date that stands for none ('31-12-9999'), is no time. */
function readTime(values: RowValues, column: string | undefined, what: TermName, timeZone: string): number | undefined {
  const text = values.text(column);
  if (text === undefined || isNoDatePlaceholder(text)) return undefined;
  const epochMs = parseDateTime(text, { timeZone });
  if (epochMs === null) throw new RowRejection('NOT_A_DATE_TIME', { field: term(what), value: text });
  return epochMs;
}

function requiredTime(values: RowValues, column: string, what: TermName, timeZone: string): number {
  const text = values.required(column, what);
  if (isNoDatePlaceholder(text)) throw new RowRejection('NO_DATE_PLACEHOLDER', { field: term(what), column, value: text });
  return readTime(values, column, what, timeZone)!;
}

const timeProp = (epochMs: number | undefined) => (epochMs === undefined ? undefined : dateTimeValue(epochMs));

function begin(factory: RecordFactory, values: RowValues, recordIdColumn?: string): { out: MappedRow; source: SourceRecord; registerId: ImportProps } {
  const out: MappedRow = { nodes: [], links: [] };
  const registerId = compact({ registerId: values.text(recordIdColumn) });
  const source = factory.sourceForRow(values.row.number, out);
  // The register's own key is on the row's Source too: the provenance names the record as the register does.
  if (registerId.registerId !== undefined) Object.assign(out.nodes.find((node) => node.id === source.id)?.props ?? {}, registerId);
  return { out, source, registerId };
}

export function mapPersonRegisterRow(factory: RecordFactory, spec: SpecOf<'person-register'>, values: RowValues): MappedRow {
  const { out, source, registerId } = begin(factory, values, spec.columns.recordId);
  const person = readPerson(values, spec.columns.person, 'person', spec);
  if (!person) throw new RowRejection('NO_PERSON');
  const personId = factory.entity(out, 'Person', person.key, { ...person.props, ...registerId }, source);
  const address = spec.columns.address ? readAddress(values, spec.columns.address) : null;
  if (address) {
    const locationId = factory.entity(out, 'Location', address.key, address.props, source, address.country);
    out.links.push(factory.link('LIVES_AT', personId, locationId, source, {}));
  }
  const phoneText = values.text(spec.columns.phone);
  if (phoneText) {
    // A register cell may hold a person's mobile and landline, with labels: each is a phone of theirs.
    for (const phone of readPhones(phoneText, 'phoneNumber', spec)) {
      out.links.push(factory.link('USES', personId, factory.entity(out, 'Phone', phone.key, phone.props, source), source, {}));
    }
  }
  return out;
}

export function mapVehicleRegisterRow(factory: RecordFactory, spec: SpecOf<'vehicle-register'>, values: RowValues): MappedRow {
  const { out, source, registerId } = begin(factory, values, spec.columns.recordId);
  const columns = spec.columns;
  const vehicle = readVehicle(values, columns);
  const registeredFrom = readTime(values, columns.registeredFrom, 'registrationDate', spec.options.timeZone);
  const vehicleId = factory.entity(out, 'Vehicle', vehicle.key, { ...vehicle.props, ...registerId }, source);
  const holder = columns.holder ? readPerson(values, columns.holder, 'holder', spec) : null;
  if (holder) {
    const holderId = factory.entity(out, 'Person', holder.key, holder.props, source);
    out.links.push(factory.link('OWNS', holderId, vehicleId, source, compact({ from: timeProp(registeredFrom) })));
  }
  return out;
}

export function mapPhoneSubscriberRow(factory: RecordFactory, spec: SpecOf<'phone-subscribers'>, values: RowValues): MappedRow {
  const { out, source, registerId } = begin(factory, values, spec.columns.recordId);
  const columns = spec.columns;
  const phone = readPhone(values.required(columns.number, 'phoneNumber'), 'phoneNumber', spec, {
    imei: values.text(columns.imei),
    imsi: values.text(columns.imsi),
    kind: values.text(columns.phoneKind)?.toLowerCase(),
  });
  const from = readTime(values, columns.from, 'startDate', spec.options.timeZone);
  const until = readTime(values, columns.until, 'endDate', spec.options.timeZone);
  const phoneId = factory.entity(out, 'Phone', phone.key, { ...phone.props, ...registerId }, source);
  const subscriber = columns.subscriber ? readPerson(values, columns.subscriber, 'subscriber', spec) : null;
  if (subscriber) {
    const personId = factory.entity(out, 'Person', subscriber.key, subscriber.props, source);
    out.links.push(factory.link('USES', personId, phoneId, source, compact({ from: timeProp(from), until: timeProp(until) })));
  }
  return out;
}

export function mapCallRecordRow(factory: RecordFactory, spec: SpecOf<'call-records'>, values: RowValues): MappedRow {
  const { out, source } = begin(factory, values);
  const columns = spec.columns;
  const a = readPhone(values.required(columns.aNumber, 'aNumberCaller'), 'aNumber', spec);
  const b = readPhone(values.required(columns.bNumber, 'bNumberCalled'), 'bNumber', spec);
  const epochMs = requiredTime(values, columns.time, 'callTime', spec.options.timeZone);
  const durationText = values.text(columns.duration);
  let durationSeconds: number | undefined;
  if (durationText !== undefined) {
    const parsed = parseDurationSeconds(durationText);
    if (parsed === null) throw new RowRejection('DURATION_INVALID', { value: durationText });
    durationSeconds = parsed;
  }
  const from = factory.entity(out, 'Phone', a.key, a.props, source);
  const to = factory.entity(out, 'Phone', b.key, b.props, source);
  out.call = { from, to, epochMs, durationSeconds, row: values.row.number, sourceId: source.id };
  return out;
}

export function mapAnprRow(factory: RecordFactory, spec: SpecOf<'anpr'>, values: RowValues): MappedRow {
  const { out, source } = begin(factory, values);
  const columns = spec.columns;
  const vehicle = readVehicle(values, { plate: columns.plate, plateCountry: columns.plateCountry });
  const camera = readCamera(values, columns, spec);
  const at = requiredTime(values, columns.time, 'timeOfHit', spec.options.timeZone);
  const vehicleId = factory.entity(out, 'Vehicle', vehicle.key, vehicle.props, source);
  const cameraId = factory.entity(out, 'Location', camera.key, camera.props, source);
  const props: ImportProps = compact({
    at: dateTimeValue(at),
    camera: camera.props.name,
    direction: values.text(columns.direction),
    row: values.row.number,
  });
  // The same plate at the same camera at the same instant is one hit, however often the export repeats it.
  out.links.push(factory.link('SIGHTED_AT', vehicleId, cameraId, source, props, String(at)));
  return out;
}

export function mapGangMembershipRow(factory: RecordFactory, spec: SpecOf<'gang-membership'>, values: RowValues): MappedRow {
  const { out, source, registerId } = begin(factory, values, spec.columns.recordId);
  const columns = spec.columns;
  const person = readPerson(values, columns.person, 'member', spec);
  if (!person) throw new RowRejection('NO_MEMBER');
  const gang = readGang(values, columns, spec.gangKind);
  const from = readTime(values, columns.from, 'membershipStart', spec.options.timeZone);
  const until = readTime(values, columns.until, 'membershipEnd', spec.options.timeZone);
  const personId = factory.entity(out, 'Person', person.key, { ...person.props, ...registerId }, source);
  const gangId = factory.entity(out, 'Gang', gang.key, gang.props, source);
  out.links.push(
    factory.link('MEMBER_OF', personId, gangId, source, compact({ from: timeProp(from), until: timeProp(until), role: values.text(columns.role) })),
  );
  return out;
}
