// Identifier normalisers and validators for Dutch and Belgian records.
// Pure TypeScript with no Node or DOM APIs, so the backend, importer, demo-data generator and (if ever needed)
// the renderer can all use the same rules. One module per identifier kind; this file only re-exports.

export type { IdentifierKind } from './identifier-kind';
export { normalizePhone, phoneNumbersInCell, phoneVariants } from './phone';
export type { NormalizedPhone } from './phone';
export { normalizePlate, formatPlate } from './plate';
export type { NormalizedPlate } from './plate';
export { parseBelgianNationalNumber, formatBelgianNationalNumber } from './belgian-national-number';
export type { BelgianNationalNumber } from './belgian-national-number';
export { parseBsn } from './bsn';
export { parseImei } from './imei';
export { parseImsi } from './imsi';
export { normalizePostcode } from './postcode';
export { parseDateOfBirth } from './date-of-birth';
export { normalizePersonName, nameVariantKeys, foldName } from './person-name';
export type { NormalizedName } from './person-name';
export { interpretQuery } from './interpret-query';
export type { QueryInterpretation } from './interpret-query';
export { searchTextFor } from './search-text';
