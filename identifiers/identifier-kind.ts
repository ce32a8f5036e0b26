/** The identifier kinds a search string or an imported field can be recognised as. */
export type IdentifierKind = 'phone' | 'plate' | 'be-national-number' | 'nl-bsn' | 'imei' | 'imsi' | 'postcode';
