// The ranked table of entities by a centrality measure, for what is drawn on the chart now.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CENTRALITY_MEASURES, rankByScore, type CentralityMeasure } from './centrality';
import { formatLocale } from '../i18n';
import type { ChartController } from '../chart/chart-controller';
import type { ChartTools } from '../chart/tools/use-chart-tools';

const ROWS = 50;

/** "Measured on 12 nodes and 15 links, without cases and sources; 3 lines and vehicles folded into their user." */
function measuredLine(t: TFunction<'analysis'>, m: { nodes: number; links: number; folded: number }, provenance: boolean): string {
  const counts = { nodes: t('centrality.nodeCount', { count: m.nodes }), links: t('common:linkCount', { count: m.links }) };
  const measured = provenance ? t('centrality.measuredWith', counts) : t('centrality.measuredWithout', counts);
  return `${measured}${m.folded ? t('centrality.folded', { count: m.folded }) : ''}.`;
}

export function CentralityPanel({ chart, tools }: { chart: ChartController | undefined; tools: ChartTools }) {
  const { t } = useTranslation('analysis');
  if (!tools.centralityOpen) return null;
  const ranked = tools.scores ? rankByScore(tools.scores, ROWS) : undefined;
  const sizedByThis = tools.view?.style.sizeBy === tools.measure;
  return (
    <section className="centrality-panel" role="region" aria-label={t('centrality.panel')}>
      <header>
        <h3>{t('centrality.panel')}</h3>
        <button type="button" className="icon-button" aria-label={t('centrality.close')} onClick={() => tools.setCentralityOpen(false)}>
          ×
        </button>
      </header>
      <div className="centrality-controls">
        <select aria-label={t('centrality.measure')} value={tools.measure} onChange={(e) => tools.setMeasure(e.target.value as CentralityMeasure)}>
          {CENTRALITY_MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(`measure.${m}`)}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={sizedByThis} onChange={(e) => tools.sizeBy(e.target.checked ? tools.measure : 'none')} /> {t('centrality.sizeNodes')}
        </label>
      </div>
      <div className="centrality-controls">
        <label className="check">
          <input type="checkbox" checked={tools.network.includeProvenance} onChange={(e) => tools.setNetwork({ includeProvenance: e.target.checked })} />{' '}
          {t('centrality.includeProvenance')}
        </label>
        <label className="check">
          <input type="checkbox" checked={tools.network.level === 'persons'} onChange={(e) => tools.setNetwork({ level: e.target.checked ? 'persons' : 'entities' })} />{' '}
          {t('centrality.persons')}
        </label>
        <label className="check">
          <input type="checkbox" checked={tools.network.weighted} onChange={(e) => tools.setNetwork({ weighted: e.target.checked })} /> {t('centrality.weighted')}
        </label>
      </div>
      {tools.measured && ranked ? <p className="centrality-measured">{measuredLine(t, tools.measured, tools.network.includeProvenance)}</p> : null}
      {!ranked ? (
        <p className="muted">{t('centrality.computing')}</p>
      ) : ranked.length === 0 ? (
        <p className="muted">{t('centrality.nothing')}</p>
      ) : (
        <div className="centrality-table-wrap">
          <table className="centrality-table" aria-label={t('centrality.ranking', { measure: t(`measure.${tools.measure}`) })}>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('centrality.entity')}</th>
                <th scope="col">{t('centrality.score')}</th>
              </tr>
            </thead>
            <tbody>
              {ranked.map((row) => {
                const entity = chart?.entity(row.id);
                return (
                  <tr key={row.id} onClick={() => chart?.selectEntity(row.id)} title={t('centrality.selectOnChart')}>
                    <td>{row.rank}</td>
                    <td className="centrality-label">{entity?.label ?? row.id}</td>
                    <td className="centrality-score">{row.score.toLocaleString(formatLocale(), { minimumFractionDigits: 3, maximumFractionDigits: 3 })}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="centrality-note">{tools.network.weighted ? t('centrality.weightedNote') : t('centrality.unweightedNote')}</p>
    </section>
  );
}
