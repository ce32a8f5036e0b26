// The legend, built from what is on the chart: its entity types, countries, link types, the current
// colouring's values, and the marks (hypothesis, cross-border, pinned, groups) in use. Colours are set
// through React's style prop (the CSSOM), which our CSP allows.
import { COLOUR_BY_NAMES } from '../chart-colouring';
import type { ChartView } from '../chart-controller';
import { ENTITY_TYPE_STYLES, linkColour, linkTypeLabel } from '../../../../shared-values/chart-style';
import { CROSS_BORDER_COLOUR } from '../stylesheet';
import { TypeIcon } from '../../ui/TypeIcon';

export function ChartLegend({ view }: { view: ChartView | undefined }) {
  const legend = view?.legend;
  if (!legend || legend.types.length === 0) return null;
  return (
    <aside className="chart-legend-panel" aria-label="Legend">
      <ul>
        {legend.types.map((type) => (
          <li key={type}>
            <TypeIcon type={type} size={14} />
            {ENTITY_TYPE_STYLES[type].name}
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
              {linkTypeLabel(type)}
            </li>
          ))}
          {legend.hypotheses ? (
            <li>
              <span className="legend-line dashed" aria-hidden="true" /> hypothesis
            </li>
          ) : null}
        </ul>
      ) : null}
      {legend.colourKeys.length ? (
        <>
          <div className="legend-heading">Colour: {COLOUR_BY_NAMES[legend.colourBy].toLowerCase()}</div>
          <ul>
            {legend.colourKeys.slice(0, 12).map((key) => (
              <li key={key.label}>
                <span className="legend-swatch" style={{ backgroundColor: key.colour }} aria-hidden="true" />
                {key.label}
              </li>
            ))}
            {legend.colourKeys.length > 12 ? <li>+{legend.colourKeys.length - 12} more</li> : null}
          </ul>
        </>
      ) : null}
      {legend.sizedBy || legend.crossBorder || legend.pinned || legend.groups ? (
        <ul>
          {legend.sizedBy ? <li>Size: {legend.sizedBy.toLowerCase()} centrality</li> : null}
          {legend.crossBorder ? (
            <li>
              <span className="legend-swatch halo" style={{ backgroundColor: CROSS_BORDER_COLOUR }} aria-hidden="true" /> cross-border ({legend.crossBorder})
            </li>
          ) : null}
          {legend.pinned ? (
            <li>
              <span className="legend-swatch pinned" aria-hidden="true" /> pinned
            </li>
          ) : null}
          {legend.groups ? (
            <li>
              <span className="legend-swatch group" aria-hidden="true" /> group
            </li>
          ) : null}
        </ul>
      ) : null}
    </aside>
  );
}

