// Source reliability, information reliability and handling code as three lists, from the workbench's
// grading scheme (EU 4x4 by default): an analyst can only pick codes the scheme has.
import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import type { Grading, GradingSchemeName } from '../../../contract/annotations';
import { GRADING_SCHEMES } from '../../../shared-values/grading';

export function defaultGrading(scheme: GradingSchemeName): Grading {
  const rules = GRADING_SCHEMES[scheme];
  return { sourceReliability: rules.source.at(-1)!, informationReliability: rules.information.at(-1)!, handling: rules.handling[0] };
}

export function GradingFields({ scheme, value, onChange }: { scheme: GradingSchemeName; value: Grading; onChange: (next: Grading) => void }) {
  const ids = useId();
  const { t } = useTranslation('annotations');
  const rules = GRADING_SCHEMES[scheme];
  // EU 4x4 codes are shown with their meaning, as on the evaluation forms; other schemes show the code.
  const field = (key: keyof Grading, label: string, options: readonly string[], meanings: string) => (
    <div className="grading-field">
      <label htmlFor={`${ids}-${key}`}>{label}</label>
      <select id={`${ids}-${key}`} value={value[key]} onChange={(event) => onChange({ ...value, [key]: event.target.value })}>
        {options.map((code) => (
          <option key={code} value={code}>
            {scheme === 'eu-4x4' ? t(`grading.${meanings}.${code}`, { defaultValue: code }) : code}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="grading-fields">
      {field('sourceReliability', t('grading.sourceReliability'), rules.source, 'source')}
      {field('informationReliability', t('grading.informationReliability'), rules.information, 'information')}
      {field('handling', t('grading.handling'), rules.handling, 'handlingCode')}
    </div>
  );
}
