// Agencies, investigation code names and (fictional) gang names used to label demo cases and groups.
// Agencies are real Belgian and Dutch services; the gangs and investigations are invented.

export const NL_AGENCIES = {
  zuid: 'Politie Eenheid Zuid',
  zeelandWestBrabant: 'Politie Eenheid Zeeland-West-Brabant',
  limburg: 'Politie Eenheid Limburg',
  middenNederland: 'Politie Eenheid Midden-Nederland',
  rotterdam: 'Politie Eenheid Rotterdam',
  landelijk: 'Politie Landelijke Eenheid',
  om: 'Openbaar Ministerie',
} as const;

export const BE_AGENCIES = {
  fgpAntwerpen: 'Federale Gerechtelijke Politie Antwerpen',
  fgpLimburg: 'Federale Gerechtelijke Politie Limburg',
  fgpOostVlaanderen: 'Federale Gerechtelijke Politie Oost-Vlaanderen',
  federaal: 'Federale Politie – ANPR-netwerk',
  pzGrens: 'PZ Grens',
  pzLanakenMaasmechelen: 'PZ Lanaken-Maasmechelen',
  pzCarma: 'PZ Carma',
  pzTurnhout: 'PZ Regio Turnhout',
  pzMeetjesland: 'PZ Meetjesland Centrum',
  parketAntwerpen: 'Parket Antwerpen',
  parketLimburg: 'Parket Limburg',
  parketOostVlaanderen: 'Parket Oost-Vlaanderen',
} as const;

/** Dutch investigations are known by a number and a code word ("26Reiger"); these are the code words. */
export const CODE_WORDS = [
  'Reiger', 'Koper', 'Vlinder', 'Eik', 'Zwaluw', 'Basalt', 'Merel', 'Tin', 'Lijster', 'Graniet', 'Berk', 'Specht',
  'Kwarts', 'Zilver', 'Wilg', 'Havik', 'Amber', 'Linde', 'Uil', 'Jade', 'Els', 'Kievit', 'Onyx', 'Spreeuw',
];

/** Fictional motorcycle clubs (not real ones, deliberately). */
export const OMCG_NAMES = ['Iron Wolves MC', 'Black Vipers MC', 'Grim Riders MC', 'Steel Ravens MC', 'Border Kings MC', 'Rusty Saints MC', 'Night Jackals MC'];

/** Belgian prosecutors' notice numbers start with the judicial district's code. */
export const BE_DISTRICT_CODES: Record<string, string> = {
  'Parket Antwerpen': 'AN',
  'Parket Limburg': 'LI',
  'Parket Oost-Vlaanderen': 'OV',
};
