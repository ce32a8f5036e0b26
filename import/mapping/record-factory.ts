// Builds the nodes and links one row produces, stamping every one with its provenance (case, country,
// agency, grading, dataset, source record) and its deterministic id, so no kind mapper can forget either.
//
// Provenance records (Source nodes), as docs/data-model.md describes them:
// - register-like files (persons, vehicles, subscribers, gang lists): one Source per row, `row` set, so a
//   record shows exactly which line of which file stated it;
// - event logs (call records, ANPR hits) and network files: one Source for the whole file. A million call rows would otherwise
//   add a million Source nodes; the links carry the row number instead.
import type { Country, EntityType, RelationshipType } from '../../contract/model';
import { dateTimeValue, type ImportLink, type ImportNode, type ImportProps } from '../../graph-queries/import-writes';
import { parseDateTime } from '../datetime';
import { linkId, recordId, type IdScope } from '../record-ids';
import type { ImportSpec } from '../spec';

export type RecordType = Exclude<EntityType, 'Case' | 'Source'>;

export interface SourceRecord {
  id: string;
}

/** What one row produces. */
export interface RowOutput {
  nodes: ImportNode[];
  links: ImportLink[];
}

/** Drops undefined and empty values so records only carry what the row actually said. */
export function compact(props: Record<string, ImportProps[string] | undefined | null>): ImportProps {
  const out: ImportProps = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}

export class RecordFactory {
  readonly scope: IdScope;
  readonly country: Country;
  private readonly grading: ImportProps;
  private readonly perRowSources: boolean;
  private readonly recordedAt: ImportProps[string] | undefined;
  /**
   * Event logs mention the same few thousand phones, cars and cameras in every row: the record and its
   * RECORDED_IN link are built (and hashed) once and reused, first row's values winning as they do anyway.
   */
  private readonly recordMemo = new Map<string, { id: string; node: ImportNode; recordedIn: ImportLink }>();
  /** An event log's one Source, hashed once rather than once a row. */
  private fileSourceRecord: SourceRecord | undefined;

  constructor(
    readonly spec: ImportSpec,
    readonly fileName: string,
  ) {
    this.scope = { caseId: spec.case.id, fileName };
    this.country = spec.case.country;
    this.grading = compact({ ...spec.grading });
    this.perRowSources = spec.kind !== 'call-records' && spec.kind !== 'anpr' && spec.kind !== 'network';
    const recordedAt = spec.recordedAt ? parseDateTime(spec.recordedAt, { timeZone: spec.options.timeZone }) : null;
    this.recordedAt = recordedAt === null ? undefined : dateTimeValue(recordedAt);
  }

  private provenance(sourceId: string): ImportProps {
    return { caseId: this.spec.case.id, country: this.country, agency: this.spec.case.agency, sourceId, ...this.grading };
  }

  /** The Case node the import writes first (kept as it is when the case already exists). */
  caseNode(): ImportNode {
    const { id, reference, title, country, agency } = this.spec.case;
    return {
      id,
      type: 'Case',
      props: compact({ label: title ? `${reference} – ${title}` : reference, reference, title, country, agency, caseId: id, dataset: this.spec.dataset }),
    };
  }

  /** The file-level Source of an event log, written once before the rows; null for per-row sources. */
  fileSource(): RowOutput | null {
    if (this.perRowSources) return null;
    return this.sourceRecord('file', undefined);
  }

  /** The Source a row's records point at: its own for registers, the file's for event logs. */
  sourceForRow(rowNumber: number, out: RowOutput): SourceRecord {
    if (!this.perRowSources) return (this.fileSourceRecord ??= { id: recordId(this.scope, 'Source', 'file', this.country) });
    const source = this.sourceRecord(`row:${rowNumber}`, rowNumber);
    out.nodes.push(...source.nodes);
    out.links.push(...source.links);
    return { id: source.nodes[0].id };
  }

  private sourceRecord(key: string, row: number | undefined): RowOutput {
    const id = recordId(this.scope, 'Source', key, this.country);
    const node: ImportNode = {
      id,
      type: 'Source',
      props: compact({
        label: row === undefined ? this.fileName : `${this.fileName} row ${row}`,
        kind: this.spec.kind,
        file: this.fileName,
        row,
        recordedAt: this.recordedAt,
        dataset: this.spec.dataset,
        ...this.provenance(id),
      }),
    };
    const partOf = this.link('PART_OF', id, this.spec.case.id, { id }, {});
    return { nodes: [node], links: [partOf] };
  }

  /** An entity record plus its RECORDED_IN link to the source; returns the id. */
  entity(out: RowOutput, type: RecordType, key: string, props: ImportProps, source: SourceRecord, country: Country = this.country): string {
    const memoKey = this.perRowSources ? null : `${type}\u0000${country}\u0000${key}`;
    const remembered = memoKey === null ? undefined : this.recordMemo.get(memoKey);
    if (remembered) {
      out.nodes.push(remembered.node);
      out.links.push(remembered.recordedIn);
      return remembered.id;
    }
    const id = recordId(this.scope, type, key, country);
    const node: ImportNode = { id, type, props: { ...props, ...this.provenance(source.id), country, dataset: this.spec.dataset } };
    const recordedIn = this.link('RECORDED_IN', id, source.id, source, {});
    out.nodes.push(node);
    out.links.push(recordedIn);
    if (memoKey !== null) {
      if (this.recordMemo.size >= 200_000) this.recordMemo.clear();
      this.recordMemo.set(memoKey, { id, node, recordedIn });
    }
    return id;
  }

  /** A link with the provenance of the source that states it; `discriminator` separates repeated events. */
  link(type: RelationshipType, from: string, to: string, source: SourceRecord, props: ImportProps, discriminator = ''): ImportLink {
    return { id: linkId(this.scope, type, from, to, discriminator), type, from, to, props: { ...props, ...this.provenance(source.id) } };
  }
}
