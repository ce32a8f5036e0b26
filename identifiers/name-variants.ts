// Transliteration variants of common given names in Dutch and Belgian records. Deliberately small: each group
// lists spellings of one name as registers write it (Arabic and a few others transliterated via Dutch, French or
// English). The first spelling is the canonical one used in keys, so 'Muhammad' and 'Mohammed' share a key.
// Add a group only for spellings that really are the same name; over-merging hurts entity resolution.
const VARIANT_GROUPS: string[][] = [
  ['mohamed', 'mohammed', 'muhammad', 'mohammad', 'muhammed', 'mohamad', 'mouhamed', 'mohamet'],
  ['youssef', 'yusuf', 'youssouf', 'yousef', 'youssif', 'yousif', 'jusuf', 'joesoef', 'yussuf'],
  ['ahmed', 'ahmad', 'ahmet'],
  ['mustafa', 'mustapha', 'moustafa', 'mostafa', 'moustapha'],
  ['hassan', 'hasan'],
  ['hussein', 'hussain', 'husein', 'hocine', 'houssein'],
  ['ibrahim', 'ebrahim', 'brahim'],
  ['khalid', 'khaled', 'khalied'],
  ['abdelkader', 'abdelkadir', 'abdulkadir', 'abdelkarder'],
  ['said', 'saeed', 'saeid', 'saied'],
  ['karim', 'kareem', 'karem'],
  ['fatima', 'fatma', 'fatimah', 'fadma'],
  ['aisha', 'aicha', 'aischa', 'ayesha', 'aysha'],
];

const CANONICAL = new Map<string, string>();
for (const group of VARIANT_GROUPS) for (const spelling of group) CANONICAL.set(spelling, group[0]);

/** The canonical spelling of a folded, lower-case name token; the token itself when it has no variants. */
export function canonicalNameToken(token: string): string {
  return CANONICAL.get(token) ?? token;
}
