// How a record writes down a real person when the recording country is not the person's own: other
// transliterations, particles capitalised or joined ("Van Der Berg", "VANDERBERG"), capitals, swapped
// given and family names, typos, day and month swapped. These are the differences entity resolution meets.
import type { Country } from '../contract/model';
import type { DemoRandom } from './random';

const PARTICLE = /^((?:van der|van den|van de|van|de|den|der|ter|te|ten|'t|el|ben)\s+)(.+)$/i;

/** A family name with particles written the way the recording country tends to. */
export function styleFamilyName(random: DemoRandom, family: string, recordCountry: Country): string {
  const match = PARTICLE.exec(family);
  if (!match) return family;
  const particles = match[1].trim();
  const core = match[2];
  if (recordCountry === 'NL') return `${particles.toLowerCase()} ${core}`;
  const capitalised = particles.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  const joined = (particles + core).replace(/\s+/g, '');
  return random.weighted([
    [`${capitalised} ${core}`, 4],
    [`${particles[0].toUpperCase()}${particles.slice(1)} ${core}`, 2],
    [joined[0].toUpperCase() + joined.slice(1).toLowerCase(), 2],
    [`${particles.toUpperCase()} ${core.toUpperCase()}`, 1],
  ] as const);
}

/** One keying error: two letters swapped, one dropped or one doubled. */
export function typo(random: DemoRandom, text: string): string {
  if (text.length < 4) return text;
  const at = random.int(1, text.length - 2);
  switch (random.int(0, 2)) {
    case 0:
      return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
    case 1:
      return text.slice(0, at) + text.slice(at + 1);
    default:
      return text.slice(0, at) + text[at] + text.slice(at);
  }
}

/** '1991-03-12' → '1991-12-03' when that is still a date (the classic dd-mm / mm-dd mix-up). */
export function swapDayAndMonth(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return Number(day) <= 12 && day !== month ? `${year}-${day}-${month}` : isoDate;
}

/** Changes the last digit, which breaks the 11-proef, mod-97 and Luhn checks alike. */
export function corruptCheckDigit(digits: string): string {
  const last = Number(digits[digits.length - 1]);
  return digits.slice(0, -1) + String((last + 1) % 10);
}
