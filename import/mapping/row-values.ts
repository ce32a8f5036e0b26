// Finds the spec's columns in the file's header and reads cell values of one row by column name. A mapped
// column the file does not have stops the import before anything is written (wrong file or wrong spec);
// a problem in one row's cell rejects that row with a reason.
import { ImportError } from '../errors';
import { describeRejection, rejection, term, type RejectCode, type ReasonValue, type RejectReason, type TermName } from '../rejections';
import type { SourceRow } from '../tabular-file';

/** Thrown while mapping a row: the row goes to the rejects file with this reason. */
export class RowRejection extends Error {
  readonly reason: RejectReason;

  constructor(code: RejectCode, values: Record<string, ReasonValue> = {}) {
    const reason = rejection(code, values);
    super(describeRejection(reason));
    this.name = 'RowRejection';
    this.reason = reason;
  }
}

export function normalizeHeader(text: string): string {
  return text.normalize('NFC').replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Every column name a spec's `columns` object mentions, nested person/address groups included. */
export function columnNamesOf(columns: object): string[] {
  const names: string[] = [];
  for (const value of Object.values(columns)) {
    if (typeof value === 'string') names.push(value);
    else if (value && typeof value === 'object') names.push(...columnNamesOf(value));
  }
  return [...new Set(names)];
}

export class ColumnMap {
  private constructor(private readonly indexes: Map<string, number>) {}

  /** Resolves every mapped column against the header; ImportError naming the missing ones and what exists. */
  static resolve(columns: object, headers: string[], fileName: string): ColumnMap {
    const byHeader = new Map<string, number[]>();
    headers.forEach((header, index) => {
      const key = normalizeHeader(header);
      if (key) byHeader.set(key, [...(byHeader.get(key) ?? []), index]);
    });
    const indexes = new Map<string, number>();
    const missing: string[] = [];
    const ambiguous: string[] = [];
    for (const name of columnNamesOf(columns)) {
      const found = byHeader.get(normalizeHeader(name));
      if (!found) missing.push(name);
      else if (found.length > 1) ambiguous.push(name);
      else indexes.set(name, found[0]);
    }
    if (missing.length > 0) {
      const present = headers.filter((h) => h.trim()).map((h) => `"${h}"`).join(', ');
      throw new ImportError('COLUMNS_MISSING', missing.length > 1 ? 'COLUMNS_MISSING' : 'COLUMN_MISSING', {
        file: fileName,
        columns: missing.map((m) => `"${m}"`).join(', '),
        present: present || term('noColumns'),
      });
    }
    if (ambiguous.length > 0) {
      throw new ImportError('COLUMNS_MISSING', 'COLUMNS_AMBIGUOUS', { file: fileName, columns: ambiguous.map((m) => `"${m}"`).join(', ') });
    }
    return new ColumnMap(indexes);
  }

  index(name: string): number {
    const index = this.indexes.get(name);
    if (index === undefined) throw new Error(`Column "${name}" was not resolved`);
    return index;
  }
}

export class RowValues {
  constructor(
    readonly row: SourceRow,
    private readonly columns: ColumnMap,
  ) {}

  /** The trimmed cell text of a mapped column; undefined when no column is mapped or the cell is blank. */
  text(column: string | undefined): string | undefined {
    if (!column) return undefined;
    const index = this.columns.index(column);
    const problem = this.row.problems.find((p) => p.column === index);
    if (problem) throw new RowRejection(problem.reason.code, { ...problem.reason.values, column });
    const value = (this.row.cells[index] ?? '').trim();
    return value === '' ? undefined : value;
  }

  /** Like text(), but a blank cell rejects the row; `what` names the value the reason says is missing. */
  required(column: string, what: TermName): string {
    const value = this.text(column);
    if (value === undefined) throw new RowRejection('VALUE_MISSING', { field: term(what), column });
    return value;
  }
}
