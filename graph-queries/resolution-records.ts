// The records entity resolution compares, as plain objects: one Person, Vehicle or Phone record with the
// properties its source gave and the graph context around it (a person's phones, cars and addresses; a
// vehicle's camera sightings). graph-queries/resolution.ts reads them from Neo4j; tests and the benchmark
// build them directly. No driver types, no I/O. Kept in graph-queries/ because the reader returns them and
// graph-queries/ never imports resolution/.

import type { EvidenceCode, EvidenceValue, MatchEvidence } from '../shared-values/match-evidence';

export const RESOLVABLE_TYPES = ['Person', 'Vehicle', 'Phone'] as const;
export type ResolvableType = (typeof RESOLVABLE_TYPES)[number];

interface RecordBase {
  id: string;
  /** Records from the same source row are never the same entity twice over: they are not compared. */
  sourceId?: string;
  caseId?: string;
  country?: string;
}

export interface PersonRecord extends RecordBase {
  type: 'Person';
  givenName?: string;
  familyName?: string;
  fullName?: string;
  /** ISO date, YYYY-MM-DD. */
  dateOfBirth?: string;
  gender?: string;
  nationalNumber?: string;
  bsn?: string;
  /** false when the source's identifier failed its checksum (the importer and the generator set it). */
  identifierValid?: boolean;
  /** E.164 numbers of the phones this person USES. */
  phones?: string[];
  /** Normalised plates of the vehicles this person OWNS or DRIVES. */
  plates?: string[];
  /** Normalised addresses this person LIVES_AT ("postcode|street"). */
  addresses?: string[];
}

export interface Sighting {
  /** ISO instant. */
  at: string;
  lat: number;
  lon: number;
}

export interface VehicleRecord extends RecordBase {
  type: 'Vehicle';
  plate?: string;
  plateNormalized?: string;
  plateCountry?: string;
  vin?: string;
  make?: string;
  model?: string;
  colour?: string;
  /** Reported stolen (a theft report or register flag). */
  stolen?: boolean;
  /** Camera hits (SIGHTED_AT): two records passing nearby cameras minutes apart are the same car. */
  sightings?: Sighting[];
}

export interface PhoneRecord extends RecordBase {
  type: 'Phone';
  number?: string;
  e164?: string;
  imei?: string;
  imsi?: string;
  identifierValid?: boolean;
}

export type ResolutionRecord = PersonRecord | VehicleRecord | PhoneRecord;

/**
 * One piece of evidence as the comparators produce it: always with its message code and values (stored
 * evidence read back may lack them: see MatchEvidence).
 */
export interface Evidence extends MatchEvidence {
  code: EvidenceCode;
  values: Record<string, EvidenceValue>;
}

/** A pair of records worth an analyst's look, with the evidence that made it. `leftId` < `rightId`. */
export interface ScoredPair {
  type: ResolvableType;
  leftId: string;
  rightId: string;
  score: number;
  evidence: Evidence[];
}

/** "postcode|street" in upper case without spaces: the same address written by two cases compares equal. */
export function addressKey(postcode: unknown, street: unknown): string | undefined {
  const p = typeof postcode === 'string' ? postcode : '';
  const s = typeof street === 'string' ? street : '';
  if (!p || !s) return undefined;
  return `${p.replace(/\s+/g, '').toUpperCase()}|${s.replace(/\s+/g, ' ').trim().toUpperCase()}`;
}
