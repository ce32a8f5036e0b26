// Compares two phone records: the number (E.164) identifies the line; IMEI the handset and IMSI the SIM. A
// different handset behind the same number is common (a new phone), so it speaks only mildly against.
import { evidence } from './evidence';
import type { Evidence } from './records';
import type { PhoneProfile } from './profiles';
import { WEIGHTS } from './weights';

const W = WEIGHTS.phone;

export function comparePhones(a: PhoneProfile, b: PhoneProfile): Evidence[] {
  const out: Evidence[] = [];
  if (a.e164 && b.e164) {
    if (a.e164 === b.e164) {
      const [writtenLeft, writtenRight] = [a.record.number ?? a.e164, b.record.number ?? b.e164];
      out.push(evidence('number', 'exact', W.numberSame, 'phone.sameNumber', { number: a.e164, writtenLeft, writtenRight }, `${a.e164} on both records (written "${writtenLeft}" and "${writtenRight}")`));
    } else {
      out.push(evidence('number', 'different', W.numberDifferent, 'phone.differentNumber', { left: a.e164, right: b.e164 }, `${a.e164} ≠ ${b.e164}`));
    }
  }
  if (a.imei && b.imei) {
    if (a.imei.normalized === b.imei.normalized) {
      const imei = a.imei.normalized;
      out.push(
        a.imei.valid && b.imei.valid
          ? evidence('imei', 'exact', W.imeiSame, 'imei.same', { imei }, `IMEI ${imei} on both records`)
          : evidence('imei', 'exact-unchecked', W.imeiSameUnchecked, 'imei.sameUnchecked', { imei }, `IMEI ${imei} on both records, but its Luhn check fails`),
      );
    } else {
      out.push(evidence('imei', 'different', W.imeiDifferent, 'imei.different', { left: a.imei.normalized, right: b.imei.normalized }, `IMEI ${a.imei.normalized} ≠ ${b.imei.normalized} (another handset)`));
    }
  }
  if (a.imsi && b.imsi) {
    out.push(
      a.imsi === b.imsi
        ? evidence('imsi', 'exact', W.imsiSame, 'imsi.same', { imsi: a.imsi }, `IMSI ${a.imsi} on both records`)
        : evidence('imsi', 'different', W.imsiDifferent, 'imsi.different', { left: a.imsi, right: b.imsi }, `IMSI ${a.imsi} ≠ ${b.imsi} (another SIM)`),
    );
  }
  return out;
}
