// Source reliability, information reliability and handling code as three lists, from the workbench's
// grading scheme (EU 4x4 by default): an analyst can only pick codes the scheme has.
import { useId } from 'react';
import type { Grading, GradingSchemeName } from '../../../contract/annotations';
import { GRADING_SCHEMES } from '../../../shared-values/grading';

export const SOURCE_MEANINGS: Record<string, string> = {
  A: 'A – no doubt',
  B: 'B – reliable in most instances',
  C: 'C – unreliable in most instances',
  X: 'X – cannot be assessed',
};
export const INFORMATION_MEANINGS: Record<string, string> = {
  '1': '1 – accuracy not in doubt',
  '2': '2 – known personally to the source',
  '3': '3 – corroborated by recorded information',
  '4': '4 – cannot be corroborated',
};
export const HANDLING_MEANINGS: Record<string, string> = {
  H0: 'H0 – prevent and combat crime only',
  H1: 'H1 – not in judicial proceedings without permission',
  H2: 'H2 – not to be disseminated without permission',
  H3: 'H3 – other restrictions',
};

export function defaultGrading(scheme: GradingSchemeName): Grading {
  const rules = GRADING_SCHEMES[scheme];
  return { sourceReliability: rules.source.at(-1)!, informationReliability: rules.information.at(-1)!, handling: rules.handling[0] };
}

export function GradingFields({ scheme, value, onChange }: { scheme: GradingSchemeName; value: Grading; onChange: (next: Grading) => void }) {
  const ids = useId();
  const rules = GRADING_SCHEMES[scheme];
  const field = (key: keyof Grading, label: string, options: readonly string[], meanings: Record<string, string>) => (
    <div className="grading-field">
      <label htmlFor={`${ids}-${key}`}>{label}</label>
      <select id={`${ids}-${key}`} value={value[key]} onChange={(event) => onChange({ ...value, [key]: event.target.value })}>
        {options.map((code) => (
          <option key={code} value={code}>
            {scheme === 'eu-4x4' ? (meanings[code] ?? code) : code}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="grading-fields">
      {field('sourceReliability', 'Source reliability', rules.source, SOURCE_MEANINGS)}
      {field('informationReliability', 'Information reliability', rules.information, INFORMATION_MEANINGS)}
      {field('handling', 'Handling code', rules.handling, HANDLING_MEANINGS)}
    </div>
  );
}
