// Builds one piece of evidence: the comparison, its weight, the English sentence (kept word for word as it
// always read, for audit and court texts) and the message code with its values, typed against the code's
// placeholders so a comparator cannot give a sentence a value it lacks or omit one it needs.
import type { EvidenceCode, EvidenceValuesOf } from '../shared-values/match-evidence';
import type { Evidence } from './records';

export function evidence<C extends EvidenceCode>(field: string, comparison: string, weight: number, code: C, values: EvidenceValuesOf<C>, detail: string): Evidence {
  return { field, comparison, weight, detail, code, values };
}
