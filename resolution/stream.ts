// Entity resolution with bounded memory, whatever the database size. Records are read in keyset pages and
// reduced to their blocking keys; the keys are split into hash partitions and each partition is resolved in a
// pass of its own, so a pass holds only its share of the blocks (one pass up to PARTITION_RECORDS records).
// Candidate pairs are scored in chunks, loading only the records they involve, and handed on chunk by chunk.
//
// A pair sharing keys in several partitions is scored once: in the first partition where one of its shared
// keys made a block small enough to compare (the oversized keys of earlier passes are remembered: there are
// few of them, by definition: each holds more than maxBlockSize records).
//
// Incremental mode (`onlyWith`): only blocks holding a key of the new records are kept, and only pairs with a
// new record are scored: one pass over the keys, comparisons in proportion to the new records.
import { blockCap, DEFAULT_MAX_BLOCK_SIZE, sameSourceRow } from './blocking';
import { blockingKeys, markClonedPlatesAgainst, plateRegister, profileOf, type PlateRegister, type Profile, type VehicleProfile } from './profiles';
import type { ResolutionRecord, ResolvableType, ScoredPair } from './records';
import { scoreProfiles } from './resolve';

/** Where the records come from: the database (graph-queries) or an array (tests, benchmark). */
export interface RecordSource {
  count(type: ResolvableType): Promise<number>;
  /** Every record of the type, in pages (keyset pagination over the id: each page is index-backed). */
  pages(type: ResolvableType): AsyncIterable<ResolutionRecord[]>;
  byIds(type: ResolvableType, ids: readonly string[]): Promise<ResolutionRecord[]>;
}

export interface StreamOptions {
  threshold: number;
  maxBlockSize?: number;
  /** Records per partition pass; memory grows with this, not with the database. */
  partitionRecords?: number;
  /** Pairs scored per chunk (the records they involve are loaded per chunk). */
  chunkPairs?: number;
  /** Incremental: only pairs involving one of these record ids. */
  onlyWith?: ReadonlySet<string>;
  /** Called with each chunk's pairs at or above the threshold. */
  onPairs: (pairs: ScoredPair[]) => Promise<void>;
}

export interface StreamStats {
  records: number;
  partitions: number;
  candidatePairs: number;
  oversizedBlocks: number;
  matches: number;
}

export const PARTITION_RECORDS = 250_000;
const CHUNK_PAIRS = 20_000;

/** FNV-1a: a cheap, stable string hash to spread keys over partitions. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The plate register for the cloned-plate mark, from two passes over the vehicles: the registered (VIN) records,
 * then every other record checked against them, so a registration knows whether a car unlike it was seen with
 * its plate before any record is blocked. One small entry per registered plate.
 */
async function vehicleRegister(source: RecordSource): Promise<PlateRegister> {
  const registered: VehicleProfile[] = [];
  for await (const page of source.pages('Vehicle')) {
    for (const record of page) {
      const profile = profileOf(record) as VehicleProfile;
      if (profile.vin && profile.plate) registered.push(profile);
    }
  }
  const register = plateRegister(registered);
  for await (const page of source.pages('Vehicle')) markClonedPlatesAgainst(register, page.map(profileOf) as VehicleProfile[]);
  return register;
}

const markAgainst = (register: PlateRegister | undefined, profiles: Profile[]) => {
  if (register) markClonedPlatesAgainst(register, profiles as VehicleProfile[]);
};

export async function resolveStream(source: RecordSource, type: ResolvableType, options: StreamOptions): Promise<StreamStats> {
  const maxBlockSize = options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE;
  const total = await source.count(type);
  const partitions = Math.max(1, Math.ceil(total / (options.partitionRecords ?? PARTITION_RECORDS)));
  const register = type === 'Vehicle' ? await vehicleRegister(source) : undefined;
  const stats: StreamStats = { records: total, partitions, candidatePairs: 0, oversizedBlocks: 0, matches: 0 };

  // Incremental: the keys of the new records decide which blocks matter.
  let wantedKeys: Set<string> | undefined;
  if (options.onlyWith) {
    const fresh = (await source.byIds(type, [...options.onlyWith])).map(profileOf);
    markAgainst(register, fresh);
    wantedKeys = new Set(fresh.flatMap(blockingKeys));
    if (wantedKeys.size === 0) return stats;
  }

  const oversizedEarlier = new Set<string>();
  for (let partition = 0; partition < partitions; partition++) {
    const inPartition = (key: string) => partitions === 1 || hash(key) % partitions === partition;
    // Blocks of this partition: key → member indices into `ids`; with one partition the profiles are kept
    // (they fit, by definition), otherwise only ids and reloaded per chunk.
    const ids: string[] = [];
    const kept = new Map<string, Profile>();
    const blocks = new Map<string, number[]>();
    for await (const page of source.pages(type)) {
      const profiles = page.map(profileOf);
      markAgainst(register, profiles);
      for (const profile of profiles) {
        const keys = blockingKeys(profile).filter((key) => inPartition(key) && (!wantedKeys || wantedKeys.has(key)));
        if (keys.length === 0) continue;
        const index = ids.length;
        ids.push(profile.record.id);
        if (partitions === 1) kept.set(profile.record.id, profile);
        for (const key of keys) {
          const members = blocks.get(key);
          if (!members) blocks.set(key, [index]);
          else if (members[members.length - 1] !== index) members.push(index);
        }
      }
    }

    const seen = new Set<number>();
    let chunk: [number, number][] = [];
    const flush = async () => {
      if (chunk.length === 0) return;
      const pairs = await scoreChunk(source, type, chunk, ids, kept, register, options, (a, b) => partition > 0 && metEarlier(a, b));
      stats.matches += pairs.length;
      if (pairs.length > 0) await options.onPairs(pairs);
      chunk = [];
    };
    // The pair shares a key of an earlier partition whose block was compared there.
    const metEarlier = (a: Profile, b: Profile) => {
      const keysA = new Set(blockingKeys(a));
      return blockingKeys(b).some((key) => keysA.has(key) && (!wantedKeys || wantedKeys.has(key)) && hash(key) % partitions < partition && !oversizedEarlier.has(key));
    };
    const oversizedHere = new Set<string>();
    for (const [key, members] of blocks) if (members.length > blockCap(key, maxBlockSize)) oversizedHere.add(key);
    stats.oversizedBlocks += oversizedHere.size;
    for (const [key, members] of blocks) {
      if (members.length < 2 || oversizedHere.has(key)) continue;
      for (let a = 0; a < members.length; a++) {
        for (let b = a + 1; b < members.length; b++) {
          const [i, j] = [members[a], members[b]];
          const code = i * ids.length + j;
          if (seen.has(code)) continue;
          seen.add(code);
          if (options.onlyWith && !options.onlyWith.has(ids[i]) && !options.onlyWith.has(ids[j])) continue;
          chunk.push([i, j]);
          stats.candidatePairs++;
          if (chunk.length >= (options.chunkPairs ?? CHUNK_PAIRS)) await flush();
        }
      }
    }
    await flush();
    for (const key of oversizedHere) oversizedEarlier.add(key);
  }
  return stats;
}

async function scoreChunk(
  source: RecordSource,
  type: ResolvableType,
  chunk: readonly [number, number][],
  ids: readonly string[],
  kept: ReadonlyMap<string, Profile>,
  register: PlateRegister | undefined,
  options: StreamOptions,
  alreadyMet: (a: Profile, b: Profile) => boolean,
): Promise<ScoredPair[]> {
  let profiles = kept;
  if (kept.size === 0) {
    const wanted = [...new Set(chunk.flatMap(([i, j]) => [ids[i], ids[j]]))];
    const loaded = (await source.byIds(type, wanted)).map(profileOf);
    markAgainst(register, loaded);
    profiles = new Map(loaded.map((p) => [p.record.id, p]));
  }
  const out: ScoredPair[] = [];
  for (const [i, j] of chunk) {
    const a = profiles.get(ids[i]);
    const b = profiles.get(ids[j]);
    if (!a || !b || sameSourceRow(a, b) || alreadyMet(a, b)) continue;
    const pair = scoreProfiles(a, b);
    if (pair.score >= options.threshold) out.push(pair);
  }
  return out;
}

/** Records held in memory as a source (tests, benchmark, evaluation without a database). */
export function arraySource(records: readonly ResolutionRecord[], pageSize = 5_000): RecordSource {
  const byType = (type: ResolvableType) => records.filter((record) => record.type === type).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    count: async (type) => byType(type).length,
    async *pages(type) {
      const all = byType(type);
      for (let start = 0; start < all.length; start += pageSize) yield all.slice(start, start + pageSize);
    },
    byIds: async (type, ids) => {
      const wanted = new Set(ids);
      return records.filter((record) => record.type === type && wanted.has(record.id));
    },
  };
}
