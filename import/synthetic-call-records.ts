// Writes a large, realistic call-record CSV for the 50 MB test and the import benchmark: numbers from a
// fixed pool written in the different ways Dutch and Belgian exports write them, and call times in three
// formats mixed in one column. Streams to disk so the generator itself stays small in memory.
import fs from 'node:fs';
import { seededRandom } from '../shared-values/seeded-random';

export interface SyntheticCallsOptions {
  /** Stop after the file reaches this size. */
  targetBytes: number;
  /** Distinct phone numbers (half Dutch, half Belgian). */
  phones?: number;
  /** Pinned so runs compare: every run writes the same file. */
  seed?: number;
}

export interface SyntheticCallsResult {
  rows: number;
  bytes: number;
  /** Distinct (A, B) pairs, i.e. the CALLED links the import should make. */
  pairs: number;
  /** Distinct numbers used. */
  phones: number;
}

export const SYNTHETIC_HEADER = 'A-nummer;B-nummer;Datum/tijd;Duur';


function writtenForms(index: number): string[] {
  if (index % 2 === 0) {
    const digits = String(20_000_000 + index).slice(-8);
    return [`06${digits}`, `06-${digits}`, `06 ${digits.slice(0, 4)} ${digits.slice(4)}`, `+31 6 ${digits}`];
  }
  const digits = String(1_000_000 + index).slice(-6);
  return [`+32 475 ${digits}`, `0032475${digits}`, `+32 (0)475/${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4)}`];
}

const pad = (n: number) => String(n).padStart(2, '0');

function callTime(at: Date, format: number): string {
  const [y, mo, d, h, mi, s] = [at.getUTCFullYear(), pad(at.getUTCMonth() + 1), pad(at.getUTCDate()), pad(at.getUTCHours()), pad(at.getUTCMinutes()), pad(at.getUTCSeconds())];
  if (format === 0) return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
  if (format === 1) return `${d}-${mo}-${y} ${h}:${mi}`;
  return `${d}/${mo}/${y} ${h}:${mi}:${s}`;
}

export async function writeSyntheticCallRecords(file: string, options: SyntheticCallsOptions): Promise<SyntheticCallsResult> {
  const next = seededRandom(options.seed ?? 20240301);
  const phoneCount = options.phones ?? 4_000;
  const forms = Array.from({ length: phoneCount }, (_, i) => writtenForms(i));
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  const pairs = new Set<number>();
  const used = new Set<number>();
  let bytes = 0;
  let rows = 0;
  const start = Date.UTC(2024, 0, 1);
  let chunk = `${SYNTHETIC_HEADER}\r\n`;
  while (bytes + chunk.length < options.targetBytes) {
    for (let i = 0; i < 1000; i++) {
      // Calls cluster: most go to a few "contacts" of each caller, as real traffic does.
      const a = Math.floor(next() * phoneCount);
      const b = (a + 1 + Math.floor(next() * next() * 40)) % phoneCount;
      pairs.add(a * phoneCount + b);
      used.add(a).add(b);
      const formsA = forms[a];
      const formsB = forms[b];
      const at = new Date(start + Math.floor(next() * 180 * 86_400) * 1000);
      chunk += `${formsA[Math.floor(next() * formsA.length)]};${formsB[Math.floor(next() * formsB.length)]};${callTime(at, rows % 3)};${Math.floor(next() * 600)}\r\n`;
      rows += 1;
    }
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', resolve));
    chunk = '';
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { rows, bytes, pairs: pairs.size, phones: used.size };
}
