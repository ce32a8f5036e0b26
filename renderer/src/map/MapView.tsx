// The map view beside the chart: the chart's placed entities on the bundled borders, the links between
// them, what has no place, an area drawn to select or filter by place (one undoable chart step), and a
// selected vehicle's ANPR track played with the time bar's window. The chart stays the one source of truth:
// the map reads its content, looks, selection and window, and changes it only through the controller.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkbenchApi } from '../../../contract/api';
import type { EntitySummary } from '../../../contract/model';
import { isHypothesis, linkColour, linkWidth } from '../../../shared-values/chart-style';
import type { ChartController, ChartView } from '../chart/chart-controller';
import { countryName, entityTypeName } from '../i18n/vocabulary';
import { CountryBadge } from '../ui/CountryBadge';
import { StableLabel } from '../ui/StableLabel';
import { TypeIcon } from '../ui/TypeIcon';
import { formatTimestamp } from '../ui/format';
import { playTrack, trackHits, type TrackHit } from './anpr-track';
import { loadBasemap } from './basemap';
import { idsInsideArea } from './geometry';
import { MapCanvas, type MapLine, type MapMarker } from './map-canvas';
import { placedLinks, placeEntities, type LatLon } from '../../../shared-values/map-places';
import './map.css';

/** More rows than anyone reads in a side list; the heading still gives the full count. */
const UNPLACED_ROWS = 200;

interface Props {
  api: WorkbenchApi;
  chart: ChartController;
  view: ChartView | undefined;
  selectedIds: readonly string[];
  onError(error: unknown): void;
}

interface Track {
  vehicle: EntitySummary;
  hits: TrackHit[];
  truncated: boolean;
}

const hitTime = (ms: number) => formatTimestamp(ms, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

export function MapView({ api, chart, view, selectedIds, onError }: Props) {
  const { t } = useTranslation('map');
  const containerRef = useRef<HTMLDivElement>(null);
  const [canvas, setCanvas] = useState<MapCanvas>();
  const [area, setArea] = useState<{ vertices: LatLon[]; closed: boolean }>({ vertices: [], closed: false });
  const [drawing, setDrawing] = useState(false);
  const [track, setTrack] = useState<Track>();
  const [loadingTrack, setLoadingTrack] = useState(false);
  const selectedRef = useRef(selectedIds);
  selectedRef.current = selectedIds;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const created = new MapCanvas(
      container,
      {
        markerClicked: (id, additive) => (additive ? chart.addToSelection([id]) : chart.selectEntities([id])),
        mapClicked: (place) => setArea((current) => (current.closed ? { vertices: [place], closed: false } : { vertices: [...current.vertices, place], closed: false })),
      },
      { attribution: t('attribution'), zoomIn: t('zoomIn'), zoomOut: t('zoomOut') },
    );
    setCanvas(created);
    let live = true;
    api
      .getMapSettings({})
      .then((settings) => live && settings.tiles && created.setService(settings.tiles))
      .catch(onError);
    loadBasemap()
      .then((features) => live && created.setBasemap(features))
      .catch(onError);
    const resize = new ResizeObserver(() => created.resize());
    resize.observe(container);
    return () => {
      live = false;
      resize.disconnect();
      created.destroy();
      setCanvas(undefined);
    };
    // The map is made once per mount; labels follow the language on the next opening.
  }, [chart]); // eslint-disable-line react-hooks/exhaustive-deps

  // What stands where changes with the chart's content only.
  const revision = view?.revision ?? 0;
  const placements = useMemo(() => placeEntities(chart.entities(), chart.links()), [chart, revision]); // eslint-disable-line react-hooks/exhaustive-deps
  const looks = chart.entityLooks();
  const selected = new Set(selectedIds);
  const shownPlaces = new Map([...placements.placed].filter(([id]) => looks.get(id)?.drawn));
  const markers: MapMarker[] = [...shownPlaces].map(([id, place]) => {
    const entity = chart.entity(id)!;
    const look = looks.get(id)!;
    return { id, label: entity.label, type: entity.type, country: entity.country, colour: look.colour, crossBorder: look.crossBorder, selected: selected.has(id), ...place };
  });
  const lines: MapLine[] = placedLinks(chart.links(), shownPlaces).map((link) => ({
    id: link.id,
    from: shownPlaces.get(link.source)!,
    to: shownPlaces.get(link.target)!,
    colour: linkColour(link.type),
    width: linkWidth(link),
    dashed: isHypothesis(link),
  }));
  const unplaced = placements.unplaced.filter((entity) => looks.get(entity.id)?.drawn);
  const drawKey = `${revision}|${[...selected].join(',')}|${markers.map((m) => `${m.id}:${m.colour}:${m.crossBorder}`).join(',')}`;

  useEffect(() => {
    canvas?.showEntities(markers, lines);
  }, [canvas, drawKey]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    canvas?.showArea(area.vertices, area.closed);
  }, [canvas, area]);

  useEffect(() => {
    canvas?.setDrawing(drawing);
  }, [canvas, drawing]);

  // The time bar spans the track's hits too, so the whole track can be played.
  useEffect(() => {
    chart.setExtraTimes(new Map((track?.hits ?? []).map((hit) => [hit.linkId, { start: hit.at, end: hit.at }])));
  }, [chart, track]);
  useEffect(() => () => chart.setExtraTimes(new Map()), [chart]);

  // The track follows the time bar: played up to the window's end, "now" inside it.
  const window = chart.getTimeWindow();
  const played = track ? playTrack(track.hits, window) : undefined;
  const windowKey = window ? `${window.start}-${window.end}` : 'all';
  useEffect(() => {
    if (!canvas) return;
    if (!played) {
      canvas.showTrack(undefined);
      return;
    }
    const current = new Set(played.current.map((hit) => hit.linkId));
    canvas.showTrack({
      hits: played.played.map((hit) => ({ id: hit.linkId, lat: hit.lat, lon: hit.lon, label: t('track.hit', { time: hitTime(hit.at), camera: hit.cameraLabel }), current: current.has(hit.linkId) })),
      legs: played.legs.map((leg) => ({ from: leg.from, to: leg.to, crossesBorder: leg.crossesBorder, current: current.has(leg.from.linkId) || current.has(leg.to.linkId) })),
    });
  }, [canvas, track, windowKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const selectedVehicle = selectedIds.length === 1 ? chart.entity(selectedIds[0]) : undefined;
  const trackable = selectedVehicle?.type === 'Vehicle' ? selectedVehicle : undefined;
  const showTrack = (vehicle: EntitySummary) => {
    setLoadingTrack(true);
    api
      .getAnprTrack({ id: vehicle.id })
      .then((answer) => {
        const hits = trackHits(answer);
        setTrack({ vehicle, hits, truncated: answer.truncated });
        if (hits.length) canvas?.fitToMarkers(hits);
      })
      .catch(onError)
      .finally(() => setLoadingTrack(false));
  };

  const inside = area.closed ? idsInsideArea(shownPlaces, area.vertices) : [];
  const finishArea = () => {
    setDrawing(false);
    setArea((current) => ({ vertices: current.vertices, closed: current.vertices.length >= 3 }));
  };
  const filterToArea = () => {
    const kept = new Set(inside);
    const outside = [...shownPlaces.keys()].filter((id) => !kept.has(id));
    chart.hideEntities(outside, t('filterHistory', { count: outside.length }));
  };

  return (
    <section className="map-pane" aria-label={t('pane')}>
      <div className="map-toolbar" role="toolbar" aria-label={t('tools')}>
        {drawing ? (
          <button type="button" className="primary" onClick={finishArea} disabled={area.vertices.length < 3} title={t('finishAreaTitle')}>
            <StableLabel shown={t('finishArea')} longest={[t('finishArea'), t('drawArea')]} />
          </button>
        ) : (
          <button type="button" onClick={() => { setArea({ vertices: [], closed: false }); setDrawing(true); }} title={t('drawAreaTitle')}>
            <StableLabel shown={t('drawArea')} longest={[t('finishArea'), t('drawArea')]} />
          </button>
        )}
        <button type="button" onClick={() => { setDrawing(false); setArea({ vertices: [], closed: false }); }} disabled={!drawing}>
          {t('cancelArea')}
        </button>
        <button type="button" onClick={() => chart.selectEntities(inside)} disabled={!area.closed} title={t('selectInAreaTitle')}>
          {t('selectInArea')}
        </button>
        <button type="button" onClick={filterToArea} disabled={!area.closed || inside.length === shownPlaces.size} title={t('filterToAreaTitle')}>
          {t('filterToArea')}
        </button>
        <button type="button" onClick={() => setArea({ vertices: [], closed: false })} disabled={area.vertices.length === 0 || drawing}>
          {t('clearArea')}
        </button>
        <span className="spacer" />
        <button type="button" onClick={() => canvas?.fitToMarkers()} title={t('fitTitle')}>
          {t('fit')}
        </button>
      </div>
      <div className="map-body">
        <div ref={containerRef} className="map-canvas" data-testid="map" />
        <aside className="map-side" aria-label={t('side')}>
          <p className="map-count" role="status" aria-label={t('countLabel')}>
            {t('placedCount', { count: markers.length })}
            {area.closed ? ` · ${t('insideCount', { count: inside.length })}` : null}
            {drawing ? ` · ${t('drawHint', { count: area.vertices.length })}` : null}
          </p>
          {trackable || track ? (
            <section className="map-track" aria-label={t('track.section')}>
              <h3>{t('track.heading')}</h3>
              {trackable && trackable.id !== track?.vehicle.id ? (
                <button type="button" onClick={() => showTrack(trackable)} disabled={loadingTrack}>
                  {t('track.show', { label: trackable.label })}
                </button>
              ) : null}
              {track ? <TrackSummary track={track} played={played!} windowed={Boolean(window)} onClose={() => setTrack(undefined)} /> : null}
            </section>
          ) : null}
          <section className="map-unplaced" aria-label={t('unplaced.section')}>
            <h3>{t('unplaced.heading', { count: unplaced.length })}</h3>
            {unplaced.length === 0 ? <p className="muted">{t('unplaced.none')}</p> : null}
            <ul>
              {unplaced.slice(0, UNPLACED_ROWS).map((entity) => (
                <li key={entity.id}>
                  <button type="button" className={selected.has(entity.id) ? 'map-unplaced-item selected' : 'map-unplaced-item'} aria-pressed={selected.has(entity.id)} aria-label={t('unplaced.item', { label: entity.label, type: entityTypeName(entity.type) })} onClick={() => chart.selectEntities([entity.id])}>
                    <TypeIcon type={entity.type} size={18} />
                    <span>{entity.label}</span>
                  </button>
                </li>
              ))}
            </ul>
            {unplaced.length > UNPLACED_ROWS ? <p className="muted">{t('unplaced.more', { count: unplaced.length - UNPLACED_ROWS })}</p> : null}
          </section>
        </aside>
      </div>
    </section>
  );
}

function TrackSummary({ track, played, windowed, onClose }: { track: Track; played: ReturnType<typeof playTrack>; windowed: boolean; onClose(): void }) {
  const { t } = useTranslation('map');
  const crossing = played.crossings.find((leg) => leg.current) ?? played.crossings.at(-1);
  return (
    <div className="map-track-summary">
      <p>
        <strong>{track.vehicle.label}</strong>{' '}
        <button type="button" className="icon-button" aria-label={t('track.close')} onClick={onClose}>
          ×
        </button>
      </p>
      {track.hits.length === 0 ? (
        <p className="muted">{t('track.none')}</p>
      ) : (
        <>
          <p role="status" aria-label={t('track.progress')}>
            {windowed ? t('track.played', { played: played.played.length, total: track.hits.length, current: played.current.length }) : t('track.all', { count: track.hits.length })}
          </p>
          {crossing ? (
            <p className={crossing.current ? 'map-crossing current' : 'map-crossing'} role="status" aria-label={t('track.crossingLabel')}>
              {t('track.crossing', {
                from: crossing.from.country ? countryName(crossing.from.country) : '',
                to: crossing.to.country ? countryName(crossing.to.country) : '',
                fromCamera: crossing.from.cameraLabel,
                toCamera: crossing.to.cameraLabel,
                at: hitTime(crossing.to.at),
              })}
            </p>
          ) : null}
          <ol className="map-track-hits">
            {played.played.map((hit) => (
              <li key={hit.linkId} className={played.current.includes(hit) ? 'current' : undefined}>
                {t('track.hit', { time: hitTime(hit.at), camera: hit.cameraLabel })}
                {hit.country ? <CountryBadge country={hit.country} /> : null}
              </li>
            ))}
          </ol>
          {track.truncated ? <p className="muted">{t('track.truncated', { count: track.hits.length })}</p> : null}
        </>
      )}
    </div>
  );
}
