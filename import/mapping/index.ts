// Turns source rows into records for one import: resolves the spec's columns against the header once, then
// maps each row with its kind's mapper. A row either maps completely or is rejected with one reason.
import type { ImportSpec } from '../spec';
import type { SourceRow } from '../tabular-file';
import {
  mapAnprRow,
  mapCallRecordRow,
  mapGangMembershipRow,
  mapPersonRegisterRow,
  mapPhoneSubscriberRow,
  mapVehicleRegisterRow,
  type MappedRow,
} from './kinds';
import { networkColumns, NetworkRowMapper } from './network';
import { RecordFactory } from './record-factory';
import type { RejectReason } from '../rejections';
import { ColumnMap, RowRejection, RowValues } from './row-values';

export type { CallObservation, MappedRow } from './kinds';
export { RecordFactory } from './record-factory';

export type RowOutcome = { ok: true; mapped: MappedRow } | { ok: false; reason: RejectReason };

export interface RowMapper {
  factory: RecordFactory;
  map(row: SourceRow): RowOutcome;
}

function mapperFor(spec: ImportSpec, factory: RecordFactory, headers: string[]): (values: RowValues) => MappedRow {
  switch (spec.kind) {
    case 'network': {
      const network = new NetworkRowMapper(factory, spec, headers);
      return (values) => network.map(values);
    }
    case 'person-register':
      return (values) => mapPersonRegisterRow(factory, spec, values);
    case 'vehicle-register':
      return (values) => mapVehicleRegisterRow(factory, spec, values);
    case 'phone-subscribers':
      return (values) => mapPhoneSubscriberRow(factory, spec, values);
    case 'call-records':
      return (values) => mapCallRecordRow(factory, spec, values);
    case 'anpr':
      return (values) => mapAnprRow(factory, spec, values);
    case 'gang-membership':
      return (values) => mapGangMembershipRow(factory, spec, values);
  }
}

/** Throws ImportError (COLUMNS_MISSING) when the file lacks a column the spec maps. */
export function createRowMapper(spec: ImportSpec, headers: string[], fileName: string): RowMapper {
  const columns = ColumnMap.resolve(spec.kind === 'network' ? networkColumns(spec) : spec.columns, headers, fileName);
  const factory = new RecordFactory(spec, fileName);
  const mapValues = mapperFor(spec, factory, headers);
  return {
    factory,
    map(row) {
      if (row.structureProblem) return { ok: false, reason: row.structureProblem };
      try {
        return { ok: true, mapped: mapValues(new RowValues(row, columns)) };
      } catch (error) {
        if (error instanceof RowRejection) return { ok: false, reason: error.reason };
        throw error;
      }
    },
  };
}

export function isBlankRow(row: SourceRow): boolean {
  return row.problems.length === 0 && row.cells.every((cell) => cell.trim() === '');
}
