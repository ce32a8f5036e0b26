// Deterministic ids for imported records: the same (case, source file, record kind, normalised key) always
// gives the same id, so importing a file again MERGEs onto the records it made the first time instead of
// creating new ones. The shape follows the demo data ('P-NL-…', 'S-BE-…', 'R-…'); the counter is replaced by
// a hash because an import cannot know the numbers earlier imports handed out.
import { createHash } from 'node:crypto';
import type { Country, EntityType, RelationshipType } from '../contract/model';
import { ENTITY_ID_PREFIX } from '../contract/model';


export interface IdScope {
  caseId: string;
  /** The file's base name: the same export imported from another folder is the same source. */
  fileName: string;
}

/** 64 bits of SHA-1: collisions are out of reach for any case's number of records. */
function digest(parts: readonly string[]): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}

export function recordId(scope: IdScope, type: EntityType, key: string, country: Country): string {
  return `${ENTITY_ID_PREFIX[type]}-${country}-${digest([scope.caseId, scope.fileName, type, key])}`;
}

export function linkId(scope: IdScope, type: RelationshipType, from: string, to: string, discriminator = ''): string {
  return `R-${digest([scope.caseId, scope.fileName, type, from, to, discriminator])}`;
}
