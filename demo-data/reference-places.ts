// Real places the demo scenario happens in. Coordinates are approximate (town centres, border crossings);
// postcodes are each town's main one. Fixed data, no randomness: the same places at every scale.
import type { Country } from '../contract/model';

export interface Town {
  city: string;
  country: Country;
  /** NL: the four digits (letters are added per address); BE: the full four-digit postcode. */
  postcode: string;
  lat: number;
  lon: number;
}

const nl = (city: string, postcode: string, lat: number, lon: number): Town => ({ city, country: 'NL', postcode, lat, lon });
const be = (city: string, postcode: string, lat: number, lon: number): Town => ({ city, country: 'BE', postcode, lat, lon });

export const NL_TOWNS: Town[] = [
  nl('Amsterdam', '1012', 52.37, 4.9),
  nl('Rotterdam', '3011', 51.92, 4.48),
  nl('Utrecht', '3511', 52.09, 5.12),
  nl('Den Haag', '2511', 52.08, 4.31),
  nl('Almere', '1315', 52.37, 5.22),
  nl('Eindhoven', '5611', 51.44, 5.48),
  nl('Breda', '4811', 51.59, 4.78),
  nl('Tilburg', '5038', 51.56, 5.09),
  nl("'s-Hertogenbosch", '5211', 51.69, 5.3),
  nl('Roosendaal', '4701', 51.53, 4.46),
  nl('Bergen op Zoom', '4611', 51.49, 4.29),
  nl('Baarle-Nassau', '5111', 51.44, 4.93),
  nl('Maastricht', '6211', 50.85, 5.69),
  nl('Heerlen', '6411', 50.89, 5.98),
  nl('Sittard', '6131', 51.0, 5.87),
  nl('Roermond', '6041', 51.19, 5.99),
  nl('Venlo', '5911', 51.37, 6.17),
  nl('Weert', '6001', 51.25, 5.71),
  nl('Terneuzen', '4531', 51.34, 3.83),
  nl('Sas van Gent', '4551', 51.23, 3.8),
  nl('Vlissingen', '4381', 51.44, 3.57),
];

export const BE_TOWNS: Town[] = [
  be('Antwerpen', '2000', 51.22, 4.4),
  be('Brussel', '1000', 50.85, 4.35),
  be('Gent', '9000', 51.05, 3.72),
  be('Mechelen', '2800', 51.03, 4.48),
  be('Brugge', '8000', 51.21, 3.22),
  be('Hasselt', '3500', 50.93, 5.34),
  be('Genk', '3600', 50.97, 5.5),
  be('Maasmechelen', '3630', 50.97, 5.69),
  be('Lanaken', '3620', 50.89, 5.65),
  be('Lommel', '3920', 51.23, 5.31),
  be('Maaseik', '3680', 51.1, 5.79),
  be('Bree', '3960', 51.14, 5.6),
  be('Tongeren', '3700', 50.78, 5.46),
  be('Turnhout', '2300', 51.32, 4.94),
  be('Baarle-Hertog', '2387', 51.44, 4.93),
  be('Essen', '2910', 51.47, 4.47),
  be('Hoogstraten', '2320', 51.4, 4.76),
  be('Brecht', '2960', 51.35, 4.64),
  be('Kapellen', '2950', 51.31, 4.43),
  be('Zelzate', '9060', 51.2, 3.81),
  be('Eeklo', '9900', 51.19, 3.56),
  be('Knokke-Heist', '8300', 51.35, 3.29),
  be('Luik', '4000', 50.63, 5.57),
  be('Charleroi', '6000', 50.41, 4.44),
];

export type CrossingKey = 'hazeldonk-meer' | 'baarle' | 'maastricht-lanaken' | 'sas-van-gent-zelzate';

export interface BorderCrossing {
  key: CrossingKey;
  name: string;
  lat: number;
  lon: number;
  /** One ANPR camera on each side of the border. */
  cameras: { country: Country; name: string; city: string; lat: number; lon: number }[];
  /** Belgian towns within striking distance, where the ATM crew's targets are. */
  targetTowns: string[];
}

export const BORDER_CROSSINGS: BorderCrossing[] = [
  {
    key: 'hazeldonk-meer',
    name: 'Grensovergang Hazeldonk–Meer (A16/E19)',
    lat: 51.48,
    lon: 4.74,
    cameras: [
      { country: 'NL', name: 'ANPR A16 Hazeldonk', city: 'Breda', lat: 51.49, lon: 4.74 },
      { country: 'BE', name: 'ANPR E19 Meer', city: 'Hoogstraten', lat: 51.46, lon: 4.74 },
    ],
    targetTowns: ['Essen', 'Hoogstraten', 'Brecht', 'Kapellen', 'Antwerpen'],
  },
  {
    key: 'baarle',
    name: 'Grensovergang Baarle-Nassau/Baarle-Hertog',
    lat: 51.44,
    lon: 4.93,
    cameras: [
      { country: 'NL', name: 'ANPR N260 Baarle-Nassau', city: 'Baarle-Nassau', lat: 51.45, lon: 4.93 },
      { country: 'BE', name: 'ANPR N119 Baarle-Hertog', city: 'Baarle-Hertog', lat: 51.43, lon: 4.92 },
    ],
    targetTowns: ['Turnhout', 'Baarle-Hertog', 'Hoogstraten', 'Lommel'],
  },
  {
    key: 'maastricht-lanaken',
    name: 'Grensovergang Maastricht–Lanaken',
    lat: 50.87,
    lon: 5.67,
    cameras: [
      { country: 'NL', name: 'ANPR N2 Maastricht-West', city: 'Maastricht', lat: 50.86, lon: 5.67 },
      { country: 'BE', name: 'ANPR N78 Lanaken', city: 'Lanaken', lat: 50.88, lon: 5.65 },
    ],
    targetTowns: ['Lanaken', 'Maasmechelen', 'Genk', 'Tongeren', 'Hasselt', 'Maaseik', 'Bree'],
  },
  {
    key: 'sas-van-gent-zelzate',
    name: 'Grensovergang Sas van Gent–Zelzate',
    lat: 51.22,
    lon: 3.8,
    cameras: [
      { country: 'NL', name: 'ANPR N252 Sas van Gent', city: 'Sas van Gent', lat: 51.23, lon: 3.8 },
      { country: 'BE', name: 'ANPR R4 Zelzate', city: 'Zelzate', lat: 51.2, lon: 3.81 },
    ],
    targetTowns: ['Zelzate', 'Eeklo', 'Gent', 'Brugge', 'Knokke-Heist'],
  },
];

export interface Port {
  name: string;
  country: Country;
  city: string;
  lat: number;
  lon: number;
}

export const PORTS: Port[] = [
  { name: 'Haven van Antwerpen – Deurganckdok', country: 'BE', city: 'Antwerpen', lat: 51.28, lon: 4.26 },
  { name: 'Haven van Antwerpen – Churchilldok', country: 'BE', city: 'Antwerpen', lat: 51.29, lon: 4.33 },
  { name: 'Haven van Rotterdam – Maasvlakte', country: 'NL', city: 'Rotterdam', lat: 51.95, lon: 4.05 },
  { name: 'Haven van Vlissingen – Kloosterboer', country: 'NL', city: 'Vlissingen', lat: 51.44, lon: 3.6 },
];

/** Towns in Belgian and Dutch Limburg where cannabis plantations get dismantled. */
export const PLANTATION_TOWNS = ['Maasmechelen', 'Genk', 'Lommel', 'Bree', 'Maaseik', 'Hasselt', 'Venlo', 'Roermond', 'Sittard', 'Weert', 'Heerlen'];

export const ALL_TOWNS = [...NL_TOWNS, ...BE_TOWNS];

export function townNamed(city: string): Town {
  const town = ALL_TOWNS.find((t) => t.city === city);
  if (!town) throw new Error(`Unknown demo town ${city}`);
  return town;
}
