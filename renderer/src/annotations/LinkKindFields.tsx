// What an analyst link says: a kind from the shared vocabulary and an optional label in the analyst's
// own words. The chart shows the label, else the kind.
import { useTranslation } from 'react-i18next';
import { useId } from 'react';
import { ANALYST_LINK_KINDS, MAX_LINK_LABEL_LENGTH, type AnalystLinkKind } from '../../../shared-values/analyst-links';

export interface LinkKindValue {
  linkKind: AnalystLinkKind | '';
  linkLabel: string;
}

export function LinkKindFields({ value, onChange }: { value: LinkKindValue; onChange: (next: LinkKindValue) => void }) {
  const ids = useId();
  const { t } = useTranslation('annotations');
  return (
    <div className="grading-fields">
      <div className="grading-field">
        <label htmlFor={`${ids}-kind`}>{t('linkKind.field')}</label>
        <select id={`${ids}-kind`} value={value.linkKind} onChange={(event) => onChange({ ...value, linkKind: event.target.value as LinkKindValue['linkKind'] })}>
          <option value="">{t('linkKind.none')}</option>
          {ANALYST_LINK_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`linkKind.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="grading-field">
        <label htmlFor={`${ids}-label`}>{t('linkKind.label')}</label>
        <input
          id={`${ids}-label`}
          value={value.linkLabel}
          maxLength={MAX_LINK_LABEL_LENGTH}
          placeholder={t('linkKind.labelPlaceholder')}
          autoComplete="off"
          onChange={(event) => onChange({ ...value, linkLabel: event.target.value })}
        />
      </div>
    </div>
  );
}
