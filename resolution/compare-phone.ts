// Compares two phone records: the number (E.164) identifies the line; IMEI the handset and IMSI the SIM. A
// different handset behind the same number is common (a new phone), so it speaks only mildly against.
import type { Evidence } from './records';
import type { PhoneProfile } from './profiles';
import { WEIGHTS } from './weights';

const W = WEIGHTS.phone;

export function comparePhones(a: PhoneProfile, b: PhoneProfile): Evidence[] {
  const out: Evidence[] = [];
  if (a.e164 && b.e164) {
    out.push(
      a.e164 === b.e164
        ? { field: 'number', comparison: 'exact', weight: W.numberSame, detail: `${a.e164} on both records (written "${a.record.number ?? a.e164}" and "${b.record.number ?? b.e164}")` }
        : { field: 'number', comparison: 'different', weight: W.numberDifferent, detail: `${a.e164} ≠ ${b.e164}` },
    );
  }
  if (a.imei && b.imei) {
    if (a.imei.normalized === b.imei.normalized) {
      const valid = a.imei.valid && b.imei.valid;
      out.push({
        field: 'imei',
        comparison: valid ? 'exact' : 'exact-unchecked',
        weight: valid ? W.imeiSame : W.imeiSameUnchecked,
        detail: valid ? `IMEI ${a.imei.normalized} on both records` : `IMEI ${a.imei.normalized} on both records, but its Luhn check fails`,
      });
    } else {
      out.push({ field: 'imei', comparison: 'different', weight: W.imeiDifferent, detail: `IMEI ${a.imei.normalized} ≠ ${b.imei.normalized} (another handset)` });
    }
  }
  if (a.imsi && b.imsi) {
    out.push(
      a.imsi === b.imsi
        ? { field: 'imsi', comparison: 'exact', weight: W.imsiSame, detail: `IMSI ${a.imsi} on both records` }
        : { field: 'imsi', comparison: 'different', weight: W.imsiDifferent, detail: `IMSI ${a.imsi} ≠ ${b.imsi} (another SIM)` },
    );
  }
  return out;
}
