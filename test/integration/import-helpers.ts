// Shared by the import integration tests: temp files, specs with a case id of their own (tests share one
// database), and counts of what a case holds in Neo4j.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import Papa from 'papaparse';
import { parseImportSpec, type ImportSpec } from '../../import';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `schakel-${prefix}-`));
}

let caseCounter = 0;
/** A case id no other test (or earlier run against the same database) uses. */
export function uniqueCaseId(country: 'NL' | 'BE' = 'NL'): string {
  caseCounter += 1;
  return `CASE-${country}-T${Date.now().toString(36)}${process.pid.toString(36)}-${caseCounter}`;
}

export function specFor(kind: string, columns: object, extra: Record<string, unknown> = {}): ImportSpec {
  const country = (extra.country as 'NL' | 'BE' | undefined) ?? 'NL';
  const { country: _ignored, ...rest } = extra;
  return parseImportSpec({
    name: `test ${kind}`,
    kind,
    case: { id: uniqueCaseId(country), reference: 'TEST-1', country, agency: country === 'NL' ? 'Politie' : 'FGP Antwerpen' },
    grading: { sourceReliability: 'A', informationReliability: '1', handling: 'H0' },
    columns,
    ...rest,
  });
}

const windows1252Map = new Map<string, number>([['€', 0x80]]);
/** Text in Windows-1252, as older Belgian and Dutch exports write it (Latin-1 characters only). */
export function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const code = windows1252Map.get(c) ?? c.charCodeAt(0);
      if (code > 0xff) throw new Error(`"${c}" is not in Windows-1252`);
      return code;
    }),
  );
}

export interface CaseCounts {
  nodes: number;
  links: number;
  byLabel: Record<string, number>;
  byType: Record<string, number>;
}

/** Every node stamped with the case, and every link starting at one. */
export async function countCase(driver: Driver, caseId: string): Promise<CaseCounts> {
  const { records } = await driver.executeQuery(
    `MATCH (n:Entity {caseId: $caseId})
     WITH collect(n) AS nodes
     CALL (nodes) { UNWIND nodes AS n MATCH (n)-[r]->() RETURN collect(type(r)) AS types }
     RETURN [n IN nodes | [l IN labels(n) WHERE l <> 'Entity'][0]] AS labels, types`,
    { caseId },
  );
  const labels = records[0].get('labels') as string[];
  const types = records[0].get('types') as string[];
  const tally = (values: string[]) => values.reduce<Record<string, number>>((acc, v) => ({ ...acc, [v]: (acc[v] ?? 0) + 1 }), {});
  return { nodes: labels.length, links: types.length, byLabel: tally(labels), byType: tally(types) };
}

export async function readRows(driver: Driver, cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const { records } = await driver.executeQuery(cypher, params);
  return records.map((record) => {
    const row: Record<string, unknown> = {};
    for (const key of record.keys) {
      const value = record.get(key);
      row[String(key)] = neo4j.isInt(value) ? neo4j.integer.toNumber(value) : value;
    }
    return row;
  });
}

export function readRejects(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}
