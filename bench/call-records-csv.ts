// The import benchmark's input: exactly N call records (A-number; B-number; time; duration), deterministic
// for a given N so runs compare. Numbers are written in E.164 and times as "YYYY-MM-DD HH:MM:SS", one form
// each, so Neo4j's LOAD CSV can produce the same graph as Schakel's importer without a normaliser of its
// own: the comparison is about loading, not about whose phone parser is cleverer.
import fs from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../shared-values/seeded-random';

export const CALL_RECORD_COLUMNS = { aNumber: 'A-nummer', bNumber: 'B-nummer', time: 'Datum/tijd', duration: 'Duur' } as const;

export interface CallRecordsFile {
  file: string;
  rows: number;
  bytes: number;
  phones: number;
}


/** Half Dutch mobiles, half Belgian ones, all valid numbers in use. */
function phoneNumber(index: number): string {
  return index % 2 === 0 ? `+316${String(20_000_000 + index).slice(-8)}` : `+32475${String(100_000 + index).slice(-6)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Writes the file unless one with the same row count is already there (it would be byte-identical). */
export async function ensureCallRecordsCsv(dir: string, rows: number): Promise<CallRecordsFile> {
  const phones = Math.max(200, Math.round(rows / 50));
  const file = path.join(dir, `bench-call-records-${rows}.csv`);
  if (fs.existsSync(file)) return { file, rows, bytes: fs.statSync(file).size, phones };
  fs.mkdirSync(dir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const out = fs.createWriteStream(temporary, { encoding: 'utf8' });
  const next = seededRandom(20240301 + rows);
  const start = Date.UTC(2024, 0, 1);
  let chunk = `${CALL_RECORD_COLUMNS.aNumber};${CALL_RECORD_COLUMNS.bNumber};${CALL_RECORD_COLUMNS.time};${CALL_RECORD_COLUMNS.duration}\n`;
  for (let row = 0; row < rows; row++) {
    // Calls cluster: most go to a few contacts of each caller, as real traffic does.
    const a = Math.floor(next() * phones);
    const b = (a + 1 + Math.floor(next() * next() * 40)) % phones;
    const at = new Date(start + Math.floor(next() * 180 * 86_400) * 1000);
    const time = `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
    chunk += `${phoneNumber(a)};${phoneNumber(b)};${time};${Math.floor(next() * 600)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
      chunk = '';
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  fs.renameSync(temporary, file);
  return { file, rows, bytes: fs.statSync(file).size, phones };
}
