// The chart filter by grading and handling code: untick a code to hide every entity and link graded so.
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import type { GradingSchemeName } from '../../../contract/annotations';
import { GRADING_SCHEMES } from '../../../shared-values/grading';
import type { ChartController } from '../chart/chart-controller';
import { applyGradingFilter, type GradingFilterState } from './grading-filter';

interface Props {
  chart: ChartController | undefined;
  scheme: GradingSchemeName;
  /** Changes whenever the chart's content changes, so new elements are filtered too. */
  contentKey: unknown;
}

/** The filter's code for elements without a grading (grading-filter.ts matches on it). */
const UNGRADED = 'ungraded';

const EMPTY: GradingFilterState = { hiddenSource: new Set(), hiddenInformation: new Set(), hiddenHandling: new Set() };

export function GradingFilter({ chart, scheme, contentKey }: Props) {
  const [open, setOpen] = useState(false);
  const { t } = useTranslation('annotations');
  const [state, setState] = useState<GradingFilterState>(EMPTY);
  const [hiddenCount, setHiddenCount] = useState(0);
  const rules = GRADING_SCHEMES[scheme];

  useEffect(() => {
    if (chart) setHiddenCount(applyGradingFilter(chart, state));
  }, [chart, state, contentKey]);

  const toggle = (key: keyof GradingFilterState, code: string) => {
    const next = new Set(state[key]);
    if (next.has(code)) next.delete(code);
    else next.add(code);
    setState({ ...state, [key]: next });
  };

  const group = (key: keyof GradingFilterState, title: string, codes: readonly string[]) => (
    <fieldset className="filter-group">
      <legend>{title}</legend>
      {[...codes, UNGRADED].map((code) => (
        <label key={code} className="checkbox">
          <input type="checkbox" checked={!state[key].has(code)} onChange={() => toggle(key, code)} aria-label={t('filter.show', { group: title.toLowerCase(), code: code === UNGRADED ? t('filter.ungraded') : code })} />
          {code === UNGRADED ? t('filter.ungraded') : code}
        </label>
      ))}
    </fieldset>
  );

  const active = state.hiddenSource.size + state.hiddenInformation.size + state.hiddenHandling.size > 0;
  return (
    <div className="grading-filter">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
        {active ? t('filter.buttonHidden', { count: hiddenCount }) : t('filter.button')}
      </button>
      {open ? (
        <div className="grading-filter-panel" role="group" aria-label={t('filter.panel')}>
          {group('hiddenSource', t('filter.source'), rules.source)}
          {group('hiddenInformation', t('filter.information'), rules.information)}
          {group('hiddenHandling', t('filter.handling'), rules.handling)}
          <button type="button" onClick={() => setState(EMPTY)} disabled={!active}>
            {t('filter.showAll')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
