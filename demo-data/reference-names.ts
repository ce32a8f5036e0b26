// Name material that faker's nl / nl_BE locales do not cover: names from the communities that appear in both
// countries' records, with the spellings that differ between Dutch, Belgian (French-influenced) and English
// transliterations. The first spelling of each group is the "register" spelling of the real person; records
// pick another spelling from the same group now and then.

/** Given names with their transliteration variants (Dutch 'oe' vs French 'ou', single vs double consonants). */
export const GIVEN_NAME_VARIANTS: { gender: 'M' | 'F'; spellings: string[] }[] = [
  { gender: 'M', spellings: ['Mohamed', 'Mohammed', 'Muhammad', 'Mohamad'] },
  { gender: 'M', spellings: ['Youssef', 'Yousef', 'Youssouf', 'Joesoef'] },
  { gender: 'M', spellings: ['Ayoub', 'Ayoeb', 'Ayub'] },
  { gender: 'M', spellings: ['Mustafa', 'Mustapha', 'Moustafa', 'Moestafa'] },
  { gender: 'M', spellings: ['Ahmed', 'Ahmet', 'Achmed', 'Ahmad'] },
  { gender: 'M', spellings: ['Ibrahim', 'Brahim', 'Ebrahim'] },
  { gender: 'M', spellings: ['Khalid', 'Khaled', 'Chalid'] },
  { gender: 'M', spellings: ['Hassan', 'Hasan', 'Hasane'] },
  { gender: 'M', spellings: ['Abdelkader', 'Abdelkadir', 'Abdel Kader'] },
  { gender: 'M', spellings: ['Soufiane', 'Sofiane', 'Soufian'] },
  { gender: 'M', spellings: ['Redouan', 'Redouane', 'Ridouan', 'Redwan'] },
  { gender: 'M', spellings: ['Mehmet', 'Mehmed', 'Mehmet Ali'] },
  { gender: 'M', spellings: ['Hüseyin', 'Huseyin', 'Hussein'] },
  { gender: 'M', spellings: ['Arben', 'Arbën'] },
  { gender: 'M', spellings: ['Dritan', 'Driton'] },
  { gender: 'M', spellings: ['Kevin', 'Kevyn'] },
  { gender: 'F', spellings: ['Fatima', 'Fatma', 'Fatiha'] },
  { gender: 'F', spellings: ['Khadija', 'Khadidja', 'Chadia'] },
  { gender: 'F', spellings: ['Yasmina', 'Jasmina', 'Yasmine'] },
  { gender: 'F', spellings: ['Elena', 'Jelena', 'Ilena'] },
];

/** Family names with variants; particles and hyphens are where Dutch and Belgian registers differ most. */
export const FAMILY_NAME_VARIANTS: string[][] = [
  ['El Amrani', 'El-Amrani', 'Elamrani'],
  ['Bouzidi', 'Bouzidi', 'Bouzeddi'],
  ['El Idrissi', 'El-Idrissi', 'Elidrissi'],
  ['Benali', 'Ben Ali', 'Ben-Ali'],
  ['Ouali', 'Wali', 'Oualli'],
  ['Yilmaz', 'Yılmaz', 'Jilmaz'],
  ['Demir', 'Demir', 'Demirr'],
  ['Öztürk', 'Ozturk', 'Oeztuerk'],
  ['Hoxha', 'Hodja', 'Hoxa'],
  ['Berisha', 'Berischa', 'Berisa'],
  ['Popescu', 'Popesku'],
  ['Ionescu', 'Ionesku', 'Jonescu'],
  ['Nguyen', 'Nguyễn', 'Ngyuen'],
  ['Okafor', 'Okaforr'],
  ['Dubois', 'Du Bois', 'Dubuis'],
  ['Lambert', 'Lambrecht'],
];

/**
 * Harder cross-border spellings for the entity-resolution traps (scenarios/hard-matches.ts): each group is one
 * name as a Dutch register (oe, j, sj, ch), a Belgian French-speaking one (ou, y, ch, dj) and an English-style
 * transliteration write it. Kept apart from GIVEN_NAME_VARIANTS so the main scenarios draw exactly as before.
 */
export const CROSS_BORDER_GIVEN_NAMES: { gender: 'M' | 'F'; spellings: string[] }[] = [
  { gender: 'M', spellings: ['Rasjid', 'Rachid', 'Rashid'] },
  { gender: 'M', spellings: ['Noureddine', 'Nourdin', 'Noerdin'] },
  { gender: 'M', spellings: ['Abdellah', 'Abdallah', 'Abdelah'] },
  { gender: 'M', spellings: ['Oussama', 'Oesama', 'Usama'] },
  { gender: 'M', spellings: ['Ilyas', 'Iliass', 'Ilias'] },
  { gender: 'M', spellings: ['Yassine', 'Jassin', 'Yasin'] },
  { gender: 'M', spellings: ['Chalil', 'Khalil', 'Khaliel'] },
  { gender: 'M', spellings: ['Zakaria', 'Zakariya', 'Zacharia'] },
  { gender: 'M', spellings: ['Djamal', 'Dzjamal', 'Jamal'] },
  { gender: 'M', spellings: ['Sergej', 'Sergueï', 'Sergei'] },
  { gender: 'F', spellings: ['Chadija', 'Khadija', 'Khadidja'] },
  { gender: 'F', spellings: ['Zoubida', 'Zoebida', 'Zubida'] },
  { gender: 'F', spellings: ['Soumaya', 'Soemaja', 'Sumaya'] },
  { gender: 'F', spellings: ['Houda', 'Hoeda', 'Huda'] },
  { gender: 'F', spellings: ['Djamila', 'Dzjamila', 'Jamila'] },
];

export const CROSS_BORDER_FAMILY_NAMES: string[][] = [
  ['Boukhari', 'Bouchari', 'Bukhari'],
  ['El Khattabi', 'El Chattabi', 'Elkhattabi'],
  ['Haddouchi', 'Hadouchi', 'Haddoechi'],
  ['Ouazzani', 'Wazzani', 'Ouazani'],
  ['Çelik', 'Celik', 'Tsjelik'],
  ['Jovanović', 'Jovanovic', 'Yovanovitch'],
  ['Benmoussa', 'Ben Moussa', 'Benmoesa'],
  ['Azzouzi', 'Azouzi', 'Azzoezi'],
];

/** Names twins are given: different names, some of them close in sound (Hasan and Hüseyin). */
export const TWIN_GIVEN_NAMES: { gender: 'M' | 'F'; names: [string, string] }[] = [
  { gender: 'M', names: ['Hasan', 'Hüseyin'] },
  { gender: 'M', names: ['Mohamed', 'Ahmed'] },
  { gender: 'M', names: ['Bilal', 'Anas'] },
  { gender: 'M', names: ['Jan', 'Kees'] },
  { gender: 'F', names: ['Sanne', 'Lotte'] },
  { gender: 'F', names: ['Fatima', 'Khadija'] },
  { gender: 'F', names: ['Imane', 'Ikram'] },
];

/** French-speaking Belgian names: faker's fr_BE locale falls back to English ones. */
export const WALLOON_GIVEN_NAMES: { gender: 'M' | 'F'; name: string }[] = [
  { gender: 'M', name: 'Jean-Pierre' },
  { gender: 'M', name: 'Olivier' },
  { gender: 'M', name: 'Sébastien' },
  { gender: 'M', name: 'Grégory' },
  { gender: 'M', name: 'Maxime' },
  { gender: 'F', name: 'Céline' },
  { gender: 'F', name: 'Aurélie' },
  { gender: 'F', name: 'Nathalie' },
];
export const WALLOON_FAMILY_NAMES = ['Dubois', 'Lambert', 'Dupont', 'Martin', 'Leclercq', 'Lejeune', 'Renard', 'Delvaux', 'Lemaire', 'Hennebert'];

/** Street nicknames that end up in intelligence records as aliases. */
export const NICKNAMES = ['Mo', 'De Prins', 'Kleine', 'Turbo', 'Bolle', 'Flappie', 'De Snor', 'Joe', 'Ticha', 'De Chef', 'Appie', 'Rooie', 'Tonton', 'Le Blond', 'Sniper', 'Vito'];

/** Nationalities (ISO 3166 alpha-2) for victims on the trafficking route. */
export const TRAFFICKING_VICTIM_ORIGINS = ['RO', 'BG', 'NG', 'VN', 'UA', 'MD'];
