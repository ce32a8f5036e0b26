// Collects mapped rows into one write batch (one transaction). Within a batch a record or link that several
// rows mention is sent once (the first row's values win, as they do across batches); records already
// committed earlier in this run are not sent again, which keeps a call-record file with a few thousand
// numbers in a million rows from re-writing the same phones in every transaction.
import type { ImportLink, ImportNode, ImportProps, ImportWriteBatch } from '../graph-queries/import-writes';
import { searchTextFor } from '../identifiers';
import type { RowOutput } from './mapping/record-factory';

/** Ids committed in this run; bounded so a file of only distinct records cannot exhaust memory. */
export class CommittedIds {
  private readonly ids = new Set<string>();
  constructor(private readonly limit = 500_000) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  addAll(ids: Iterable<string>): void {
    for (const id of ids) {
      if (this.ids.size >= this.limit) return;
      this.ids.add(id);
    }
  }
}

/** What the full-text index sees: temporal values as ISO text. */
function searchableProps(props: ImportProps): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === 'object' && !Array.isArray(value)) {
      if (value.temporal === 'date') out[key] = value.iso;
    } else out[key] = value;
  }
  return out;
}

/**
 * A register's own record id (mapped with columns.recordId) is searchable like the record's other keys: as
 * written ('BRP-2024-000917', found word by word) and without separators ('BRP2024000917'), which is how
 * search reads an id typed whole.
 */
function withRegisterId(searchText: string, props: ImportProps): string {
  const registerId = props.registerId;
  if (typeof registerId !== 'string') return searchText;
  const compact = registerId.replace(/[^\p{L}\p{N}]/gu, '');
  return [searchText, registerId, compact === registerId ? '' : compact].filter(Boolean).join(' ');
}

export class BatchBuilder {
  private readonly nodes = new Map<string, ImportNode>();
  private readonly links = new Map<string, ImportLink>();
  /** Mentions of records and links that were already in this batch or committed earlier in this run. */
  nodesRepeated = 0;
  linksRepeated = 0;
  rows = 0;
  firstRow: number | undefined;
  lastRow: number | undefined;

  constructor(private readonly committed: CommittedIds) {}

  addRow(rowNumber: number, output: RowOutput): void {
    this.rows += 1;
    this.firstRow ??= rowNumber;
    this.lastRow = rowNumber;
    this.addRecords(output);
  }

  /** Records not tied to a row (the file's Source, aggregated CALLED links). */
  addRecords(output: RowOutput): void {
    for (const node of output.nodes) {
      if (this.nodes.has(node.id) || this.committed.has(node.id)) this.nodesRepeated += 1;
      else this.nodes.set(node.id, node);
    }
    for (const link of output.links) {
      if (this.links.has(link.id) || this.committed.has(link.id)) this.linksRepeated += 1;
      else this.links.set(link.id, link);
    }
  }

  get isEmpty(): boolean {
    return this.rows === 0 && this.nodes.size === 0 && this.links.size === 0;
  }

  get size(): number {
    return this.nodes.size + this.links.size;
  }

  ids(): string[] {
    return [...this.nodes.keys(), ...this.links.keys()];
  }

  build(): ImportWriteBatch {
    const nodes = [...this.nodes.values()].map((node) => ({
      ...node,
      props: { ...node.props, searchText: withRegisterId(searchTextFor(node.type, { id: node.id, ...searchableProps(node.props) }), node.props) },
    }));
    return { nodes, links: [...this.links.values()] };
  }
}
