// The legend, built from what is on the chart: its entity types, countries, link types, the current
// colouring's values, and the marks (hypothesis, cross-border, pinned, groups) in use. Colours are set
// through React's style prop (the CSSOM), which our CSP allows.
import { useTranslation } from 'react-i18next';
import { entityTypeName, linkTypeName } from '../../i18n/vocabulary';
import type { ChartView } from '../chart-controller';
import { linkColour } from '../../../../shared-values/chart-style';
import { CROSS_BORDER_COLOUR } from '../stylesheet';
import { TypeIcon } from '../../ui/TypeIcon';
import { crossBorderNoneText } from './cross-border-note';

export function ChartLegend({ view }: { view: ChartView | undefined }) {
  const { t } = useTranslation('chart');
  const legend = view?.legend;
  if (!legend || legend.types.length === 0) return null;
  return (
    <aside className="chart-legend-panel" aria-label={t('legend.name')}>
      <ul>
        {legend.types.map((type) => (
          <li key={type}>
            <TypeIcon type={type} size={14} />
            {entityTypeName(type)}
          </li>
        ))}
        {legend.countries.map((country) => (
          <li key={country}>
            <span className={`legend-ring ring-${country.toLowerCase()}`} aria-hidden="true" /> {country}
          </li>
        ))}
      </ul>
      {legend.linkTypes.length ? (
        <ul>
          {legend.linkTypes.map((type) => (
            <li key={type}>
              <span className="legend-line" style={{ borderTopColor: linkColour(type) }} aria-hidden="true" />
              {linkTypeName(type)}
            </li>
          ))}
          {legend.hypotheses ? (
            <li>
              <span className="legend-line dashed" aria-hidden="true" /> {t('legend.hypothesis')}
            </li>
          ) : null}
        </ul>
      ) : null}
      {legend.colourKeys.length ? (
        <>
          <div className="legend-heading">{t('legend.colour', { by: t(`colourByName.${legend.colourBy}`).toLowerCase() })}</div>
          <ul>
            {legend.colourKeys.slice(0, 12).map((key) => (
              <li key={key.label}>
                <span className="legend-swatch" style={{ backgroundColor: key.colour }} aria-hidden="true" />
                {key.label}
              </li>
            ))}
            {legend.colourKeys.length > 12 ? <li>{t('legend.moreKeys', { count: legend.colourKeys.length - 12 })}</li> : null}
          </ul>
        </>
      ) : null}
      {view.style.crossBorder && legend.crossBorder === 0 ? (
        <p className="legend-note" role="status">
          {crossBorderNoneText(t, legend.countries)}
        </p>
      ) : null}
      {legend.sizedBy || legend.crossBorder || legend.pinned || legend.groups ? (
        <ul>
          {legend.sizedBy && view.style.sizeBy !== 'none' ? <li>{t('legend.size', { measure: t(`analysis:measure.${view.style.sizeBy}`).toLowerCase() })}</li> : null}
          {legend.crossBorder ? (
            <li>
              <span className="legend-swatch halo" style={{ backgroundColor: CROSS_BORDER_COLOUR }} aria-hidden="true" /> {t('legend.crossBorder', { count: legend.crossBorder })}
            </li>
          ) : null}
          {legend.pinned ? (
            <li>
              <span className="legend-swatch pinned" aria-hidden="true" /> {t('legend.pinned')}
            </li>
          ) : null}
          {legend.groups ? (
            <li>
              <span className="legend-swatch group" aria-hidden="true" /> {t('legend.group')}
            </li>
          ) : null}
        </ul>
      ) : null}
    </aside>
  );
}

