// A spelling skeleton for family names that registers transliterate differently: Albanian 'Hoxha'/'Hodja',
// Turkish 'Yılmaz'/'Jilmaz', 'Öztürk'/'Oeztuerk' (German-style umlaut), Romanian 'Popescu'/'Popesku', Maghrebi
// 'Ouali'/'Wali', and doubled letters from typing. Two names with the same skeleton are spelling variants.
// Rules are deliberately few and general; they apply to folded, lower-case letters.

export function spellingSkeleton(folded: string): string {
  return folded
    .replace(/[^a-z]/g, '')
    .replace(/([ou])e/g, '$1') // ö written oe, ü written ue
    .replace(/dj|dzh|dz|x/g, 'j') // Albanian/Balkan: xh, dj, dzh
    .replace(/y/g, 'j') // Yilmaz / Jilmaz, Youssef / Joesoef
    .replace(/ou|w/g, 'u') // Ouali / Wali (French 'ou' is Dutch/English 'w')
    .replace(/ph/g, 'f')
    .replace(/sch|sh/g, 's')
    .replace(/[ckq]/g, 'k')
    .replace(/([bcdfgjklmnpqrstvz])h/g, '$1') // silent h after a consonant: Hoxha → hojha → hoja
    .replace(/(.)\1+/g, '$1'); // doubled letters
}
