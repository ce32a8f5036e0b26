// Do two spellings of a name sound alike across the border? Dutch, Flemish and French registrars transliterate
// Arabic, Berber, Turkish and Slavic names each their own way: Dutch 'oe' is French 'ou' and English 'u'
// (Joesoef / Youssouf / Yusuf), 'i', 'y', 'ie' and 'ee' alternate (Ilyas / Iliass), Dutch 'ch' and 'g' write the
// guttural others write 'kh' or 'h' (Chalid / Khalid), 'dj', 'dzj' and 'j' one sound (Djamila / Dzjemila),
// Dutch 'sj' is French 'ch' and English 'sh' (Rasjid / Rachid / Rashid), consonants are doubled or not.
//
// Two steps, both deliberately general (the names themselves are open-ended):
// 1. a normalisation table (below) folds those spelling conventions into one "transliteration key";
// 2. Double Metaphone (talisman) on the key gives consonant-skeleton codes.
// Names sound alike when their keys are equal, or when they share a Double Metaphone code AND their keys are
// still close letter by letter. The second condition keeps vowel-only differences between different names
// apart: 'Hasan' and 'Hüseyin' (a classic pair of twins' names) share the code HSN but are two names.
import doubleMetaphone from 'talisman/phonetics/double-metaphone';
import jaroWinkler from 'talisman/metrics/jaro-winkler';

/** Spelling conventions folded to one form, applied in order to folded lower-case letters. */
const TRANSLITERATION_TABLE: [RegExp, string][] = [
  [/dzj|dzh|dj|dz/g, 'j'], // Dzjemila / Djamila / Jamila
  [/tsj|tch|tj/g, 'c'], // Tsjelik / Tchelik / Çelik (ç folds to c)
  [/sch|sj|sh/g, 'x'], // Rasjid / Rashid; French 'ch' (Rachid) is read both ways, see transliterationKeys
  [/kh|gh|ch/g, 'h'], // Khalid / Chalid / Halid, Ghassan / Hassan: one guttural
  [/ph/g, 'f'],
  [/q|ck/g, 'k'],
  [/oe|ou|oo|w/g, 'u'], // Joesoef / Youssouf / Yusuf; Ouali / Wali
  [/ie|ee|ei|ey|ij|y/g, 'i'], // Ilyas / Iliass; Huseyin; Dutch ij
  [/^j(?=[aeiou])/g, 'i'], // Dutch initial j is English/French y: Jasmina / Yasmina, Jilmaz / Yilmaz
  [/ae|ai/g, 'e'],
  [/(.)\1+/g, '$1'], // doubled letters: Hassan / Hasan, Youssef / Yousef
  [/(?<=.)[aeiou]+$/g, ''], // a final vowel the French add or drop: Redouan / Redouane, Soufian / Soufiane
];

function applyTable(letters: string): string {
  let key = letters;
  for (const [pattern, replacement] of TRANSLITERATION_TABLE) key = key.replace(pattern, replacement);
  return key;
}

/**
 * The name folded through the transliteration table ('youssouf' and 'joesoef' → 'iusuf'). 'ch' is Dutch
 * guttural in Chalid, French 'sh' in Rachid and 'k' in Zacharia, so a name with 'ch' has all three readings.
 */
export function transliterationKeys(folded: string): string[] {
  const letters = folded.replace(/[^a-z]/g, '');
  if (!letters) return [];
  const keys = [applyTable(letters)];
  if (/(?<!s)ch/.test(letters)) {
    keys.push(applyTable(letters.replace(/(?<!s)ch/g, 'sh')));
    keys.push(applyTable(letters.replace(/(?<!s)ch/g, 'k'))); // Greek-style 'ch': Zacharia / Zakaria
  }
  return keys;
}


/** How close two keys must stay, letter by letter, when only their consonant codes agree. */
const CLOSE_KEYS = 0.84;

interface Sound {
  keys: string[];
  codes: [string, string][];
  /** Every distinct code of every reading, for blocking. */
  allCodes: string[];
}

// Names repeat across records (a few thousand distinct ones even in big registers): each is analysed once.
const sounds = new Map<string, Sound>();
const MAX_REMEMBERED = 200_000;

function soundOf(folded: string): Sound {
  let sound = sounds.get(folded);
  if (!sound) {
    const keys = transliterationKeys(folded);
    const codes = keys.map((key) => doubleMetaphone(key));
    sound = { keys, codes, allCodes: [...new Set(codes.flat().filter(Boolean))] };
    if (sounds.size >= MAX_REMEMBERED) sounds.clear();
    sounds.set(folded, sound);
  }
  return sound;
}

/** Double Metaphone codes (primary and alternate) of every reading of the name: for blocking. */
export function soundCodes(folded: string): string[] {
  return folded ? soundOf(folded).allCodes : [];
}

/** The first letter of the name as the transliteration table writes it ('y', 'j' → 'i'; 'kh', 'ch' → 'h'). */
export function soundInitial(folded: string): string {
  return folded ? (soundOf(folded).keys[0]?.[0] ?? '') : '';
}

/** Symmetric: soundAlike(a, b) === soundAlike(b, a). */
export function soundAlike(a: string, b: string): boolean {
  const sa = soundOf(a);
  const sb = soundOf(b);
  for (let i = 0; i < sa.keys.length; i++) {
    for (let j = 0; j < sb.keys.length; j++) {
      const x = sa.keys[i];
      const y = sb.keys[j];
      if (x === y) return true;
      const codesX = sa.codes[i];
      const shared = sb.codes[j].some((code) => code && codesX.includes(code));
      if (shared && (x <= y ? jaroWinkler(x, y) : jaroWinkler(y, x)) >= CLOSE_KEYS) return true;
    }
  }
  return false;
}
