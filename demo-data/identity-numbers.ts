// Generates identifiers as Dutch and Belgian systems issue them: BSN (11-proef), Belgian national number
// (mod 97), mobile numbers, licence plates, IMEI (Luhn), IMSI and VIN. `valid: false` produces a number with
// a broken checksum, the way typing errors show up in real records.
import type { DemoRandom } from './random';

export function bsnChecksumOk(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
  const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
  return sum % 11 === 0;
}

/** A nine-digit BSN; with `valid: false` the last digit is off by one, so the 11-proef fails. */
export function makeBsn(random: DemoRandom, valid = true): string {
  for (;;) {
    const body = String(random.int(1, 9)) + random.digits(7);
    const weights = [9, 8, 7, 6, 5, 4, 3, 2];
    const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i], 0);
    const check = sum % 11; // sum - check must be divisible by 11
    if (check > 9) continue;
    const good = body + String(check);
    return valid ? good : body + String((check + 1) % 10);
  }
}

/** Belgian rijksregisternummer, 11 digits: YYMMDD + counter (odd male, even female) + 97 − (base mod 97). */
export function makeNationalNumber(random: DemoRandom, dateOfBirth: string, gender: 'M' | 'F', valid = true): string {
  const [year, month, day] = dateOfBirth.split('-');
  let counter = random.int(1, 997);
  if ((counter % 2 === 1) !== (gender === 'M')) counter += counter === 997 ? -1 : 1;
  const base = `${year.slice(2)}${month}${day}${String(counter).padStart(3, '0')}`;
  const forModulo = Number(year) >= 2000 ? `2${base}` : base;
  const check = 97 - (Number(forModulo) % 97);
  const written = valid ? check : (check % 97) + 1;
  return base + String(written).padStart(2, '0');
}

export interface MobileNumber {
  /** E.164, e.g. +31612345678. */
  e164: string;
  country: 'NL' | 'BE';
}

/** Dutch mobile: +31 6 followed by eight digits (06-1… to 06-5… are issued ranges). */
export function makeDutchMobile(random: DemoRandom): MobileNumber {
  return { e164: `+316${random.int(1, 5)}${random.digits(7)}`, country: 'NL' };
}

/** Belgian mobile: +32 47x/48x/49x followed by six digits. */
export function makeBelgianMobile(random: DemoRandom): MobileNumber {
  const prefix = random.pick(['470', '471', '472', '473', '474', '475', '476', '477', '478', '479', '483', '484', '485', '486', '487', '488', '489', '491', '492', '493', '494', '495', '496', '497', '498', '499']);
  return { e164: `+32${prefix}${random.digits(6)}`, country: 'BE' };
}

/** Landlines: Eindhoven 040, Antwerp 03. */
export function makeLandline(random: DemoRandom, country: 'NL' | 'BE'): MobileNumber {
  return country === 'NL'
    ? { e164: `+3140${random.int(2, 9)}${random.digits(6)}`, country }
    : { e164: `+323${random.int(2, 8)}${random.digits(6)}`, country };
}

/**
 * Writes a phone number the way a record of `recordCountry` would: Dutch forms ('06-12345678',
 * '0612345678', '+31 6 1234 5678') or Belgian forms ('0475/12.34.56', '+32 475 12 34 56', '0032…').
 * A foreign number is usually written internationally.
 */
export function writePhone(random: DemoRandom, number: MobileNumber, recordCountry: 'NL' | 'BE'): string {
  const cc = number.country === 'NL' ? '31' : '32';
  const national = number.e164.slice(3); // without +31 / +32
  const domestic = number.country === recordCountry;
  if (number.country === 'NL' && national.startsWith('6')) {
    const rest = national.slice(1);
    const forms = domestic
      ? [`06-${rest}`, `06${rest}`, `06 ${rest.slice(0, 2)} ${rest.slice(2, 4)} ${rest.slice(4, 6)} ${rest.slice(6)}`, `+31${national}`]
      : [`+31 6 ${rest.slice(0, 4)} ${rest.slice(4)}`, `0031 6 ${rest}`, `+31 (0)6 ${rest}`, `+31${national}`];
    return random.pick(forms);
  }
  if (number.country === 'BE' && national.startsWith('4')) {
    const [a, b, c, d] = [national.slice(0, 3), national.slice(3, 5), national.slice(5, 7), national.slice(7)];
    const forms = domestic
      ? [`0${a}/${b}.${c}.${d}`, `0${a} ${b} ${c} ${d}`, `0${a}${b}${c}${d}`, `+32 ${a} ${b} ${c} ${d}`]
      : [`+32 ${a} ${b} ${c} ${d}`, `0032 ${a} ${b}${c}${d}`, `+32 (0)${a} ${b}${c}${d}`, `+32${national}`];
    return random.pick(forms);
  }
  return domestic ? `0${national}` : `+${cc} ${national}`;
}

// Dutch plates use consonants only (no vowels, no C/Q/W/Y/M in recent series) to avoid words.
const NL_PLATE_LETTERS = 'BDFGHJKLNPRSTVXZ';
const BE_PLATE_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** Dutch plate in one of the recent sidecodes, written with dashes as on the plate. */
export function makeDutchPlate(random: DemoRandom): string {
  const L = (n: number) => random.letters(n, NL_PLATE_LETTERS);
  const D = (n: number) => random.digits(n).replace(/^0/, String(random.int(1, 9)));
  return random.pick([
    () => `${D(2)}-${L(3)}-${D(1)}`, // 99-XXX-9 (sidecode 7)
    () => `${D(1)}-${L(3)}-${D(2)}`, // 9-XXX-99 (8)
    () => `${L(2)}-${D(3)}-${L(1)}`, // XX-999-X (9)
    () => `${L(1)}-${D(3)}-${L(2)}`, // X-999-XX (10)
    () => `${L(3)}-${D(2)}-${L(1)}`, // XXX-99-X (11)
  ])();
}

/** Belgian plate in the 2010 format 1-ABC-123 (index digit 1 or 2). */
export function makeBelgianPlate(random: DemoRandom): string {
  return `${random.int(1, 2)}-${random.letters(3, BE_PLATE_LETTERS)}-${random.digits(3)}`;
}

/** How a plate gets written down: as on the plate, without dashes, with spaces, in lower case. */
export function writePlate(random: DemoRandom, plate: string): string {
  return random.weighted([
    [plate, 6],
    [plate.replace(/-/g, ''), 3],
    [plate.replace(/-/g, ' '), 1],
    [plate.toLowerCase(), 1],
  ] as const);
}

export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** 15-digit IMEI: 8-digit type allocation code + 6-digit serial + Luhn check digit. */
export function makeImei(random: DemoRandom, valid = true): string {
  const body = random.pick(['35', '86', '49']) + random.digits(12);
  const check = luhnCheckDigit(body);
  return body + String(valid ? check : (check + 1) % 10);
}

/** IMSI: MCC (204 NL, 206 BE) + 2-digit MNC + 10-digit subscriber number. */
export function makeImsi(random: DemoRandom, country: 'NL' | 'BE'): string {
  return country === 'NL' ? `204${random.pick(['04', '08', '16'])}${random.digits(10)}` : `206${random.pick(['01', '10', '20'])}${random.digits(10)}`;
}

const VIN_CHARACTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'; // no I, O, Q

export function makeVin(random: DemoRandom, wmi: string): string {
  return wmi + random.letters(6, VIN_CHARACTERS) + random.letters(1, 'KLMNPR') + random.letters(1, VIN_CHARACTERS) + random.digits(6);
}
