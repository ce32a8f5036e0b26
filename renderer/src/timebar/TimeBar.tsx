// The time bar: a histogram of the chart's event and link times with a window that filters the chart
// (what falls outside is hidden, not removed). Drag on the bars to draw a window, drag the window to move
// it, drag its edges to resize; Play steps it through time.
import { useCallback, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import type { ChartView } from '../chart/chart-controller';
import { timeExtent, type TimeSpan, type TimedElements } from './element-times';
import { buildHistogram } from './histogram';
import { nextPlaybackWindow } from './window-filter';
import { useTranslation } from 'react-i18next';
import { StableLabel } from '../ui/StableLabel';
import { formatTimestamp } from '../ui/format';

const BINS = 60;
const PLAY_STEP_MS = 1100;
/** Share of the bar's width that grabs a window edge. */
const EDGE_GRAB = 0.012;

type Drag = { mode: 'new'; anchor: number } | { mode: 'move'; offset: number } | { mode: 'start' } | { mode: 'end' };

/** What the time bar filters: the detailed chart or the WebGL overview, whichever draws the chart now. */
export interface TimeBarTarget {
  timedElements(): TimedElements;
  setTimeWindow(window: TimeSpan | undefined): void;
  getTimeWindow(): TimeSpan | undefined;
}

/** What the time bar shows about the chart: counts for "showing n of m", and whether it holds anything. */
export type TimeBarView = Pick<ChartView, 'revision' | 'visible' | 'outOfWindow' | 'hidden'> & { legend: Pick<ChartView['legend'], 'types'> };

/**
 * `extraControls`: views that follow the window (the timeline's and the map's toggles) sit beside its own
 * buttons, and stay there when nothing on the chart is dated.
 */
export function TimeBar({ chart, view, extraControls }: { chart: TimeBarTarget | undefined; view: TimeBarView | undefined; extraControls?: ReactNode }) {
  const { t } = useTranslation('timebar');
  const [window, setWindow] = useState<TimeSpan>();
  const [playing, setPlaying] = useState(false);
  const svgRef = useRef<SVGSVGElement>(null);
  const dragRef = useRef<Drag | undefined>(undefined);

  // Times change only with the chart's content; the controller caches them per content change.
  const content = view ? `${view.revision}` : '';
  const timed = useMemo(() => chart?.timedElements(), [chart, content]); // eslint-disable-line react-hooks/exhaustive-deps
  const extent = useMemo(() => (timed ? timeExtent(timed) : undefined), [timed]);
  const bins = useMemo(() => (timed && extent ? buildHistogram(timed, extent, BINS) : []), [timed, extent]);
  const tallest = Math.max(1, ...bins.map((b) => b.count));

  const apply = useCallback(
    (next: TimeSpan | undefined) => {
      setWindow(next);
      chart?.setTimeWindow(next);
    },
    [chart],
  );

  // Another renderer took over the chart: it gets the window the bar shows, so the same things are drawn.
  useEffect(() => {
    if (!chart) return;
    const current = chart.getTimeWindow();
    if (current?.start !== window?.start || current?.end !== window?.end) chart.setTimeWindow(window);
  }, [chart]); // eslint-disable-line react-hooks/exhaustive-deps

  // Nothing timed left (chart cleared): drop the window so nothing stays hidden for no visible reason.
  useEffect(() => {
    if (!extent && window) apply(undefined);
  }, [extent, window, apply]);

  const defaultWidth = extent ? (extent.end - extent.start) / 10 : 0;
  const step = useCallback(
    (direction: 1 | -1) => {
      if (!extent) return;
      const current = window ?? { start: extent.start - defaultWidth, end: extent.start };
      if (direction === 1) apply(nextPlaybackWindow(current, extent));
      else {
        const width = current.end - current.start;
        const start = Math.max(extent.start, current.start - width);
        apply({ start, end: start + width });
      }
    },
    [extent, window, defaultWidth, apply],
  );

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => step(1), PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, step]);

  if (!chart || !view || view.legend.types.length === 0) return null;
  if (!extent) {
    return (
      <section className="time-bar empty" aria-label={t('bar')}>
        <span className="muted">{t('empty')}</span>
        {extraControls ? <div className="time-bar-controls">{extraControls}</div> : null}
      </section>
    );
  }

  const span = Math.max(1, extent.end - extent.start);
  const toX = (t: number) => ((t - extent.start) / span) * 1000;
  const timeAt = (clientX: number) => {
    const box = svgRef.current!.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (clientX - box.left) / box.width));
    return extent.start + fraction * span;
  };
  const clampWindow = (start: number, end: number): TimeSpan => {
    const minWidth = span / BINS;
    let s = Math.max(extent.start, Math.min(start, end));
    let e = Math.min(extent.end, Math.max(start, end));
    if (e - s < minWidth) {
      e = Math.min(extent.end, s + minWidth);
      s = Math.max(extent.start, e - minWidth);
    }
    return { start: s, end: e };
  };

  const onPointerDown = (event: ReactPointerEvent<SVGSVGElement>) => {
    const t = timeAt(event.clientX);
    const grab = EDGE_GRAB * span;
    if (window && Math.abs(t - window.start) <= grab) dragRef.current = { mode: 'start' };
    else if (window && Math.abs(t - window.end) <= grab) dragRef.current = { mode: 'end' };
    else if (window && t > window.start && t < window.end) dragRef.current = { mode: 'move', offset: t - window.start };
    else {
      dragRef.current = { mode: 'new', anchor: t };
      apply(clampWindow(t, t));
    }
    setPlaying(false);
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: ReactPointerEvent<SVGSVGElement>) => {
    const drag = dragRef.current;
    if (!drag || !window) return;
    const t = timeAt(event.clientX);
    if (drag.mode === 'new') apply(clampWindow(drag.anchor, t));
    else if (drag.mode === 'start') apply(clampWindow(t, window.end));
    else if (drag.mode === 'end') apply(clampWindow(window.start, t));
    else {
      const width = window.end - window.start;
      const start = Math.min(extent.end - width, Math.max(extent.start, t - drag.offset));
      apply({ start, end: start + width });
    }
  };
  const onPointerUp = () => {
    dragRef.current = undefined;
  };

  const total = view.visible + view.outOfWindow + view.hidden;
  return (
    <section className="time-bar" aria-label={t('bar')}>
      <div className="time-bar-controls">
        <button type="button" onClick={() => setPlaying(!playing)} aria-pressed={playing} title={t('playTitle')}>
          <StableLabel shown={playing ? t('pause') : t('play')} longest={[t('pause'), t('play')]} />
        </button>
        <button type="button" aria-label={t('stepBack')} title={t('stepBackTitle')} onClick={() => step(-1)} disabled={!window}>
          ◀
        </button>
        <button type="button" aria-label={t('stepForward')} title={t('stepForwardTitle')} onClick={() => step(1)}>
          ▶
        </button>
        <button type="button" onClick={() => { setPlaying(false); apply(undefined); }} disabled={!window}>
          {t('allTimes')}
        </button>
        {extraControls}
      </div>
      <div className="time-bar-chart">
        <svg
          ref={svgRef}
          viewBox="0 0 1000 48"
          preserveAspectRatio="none"
          role="img"
          aria-label={t('histogram', { from: formatTime(extent.start, span), to: formatTime(extent.end, span) })}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          {bins.map((bin, i) => {
            const height = (bin.count / tallest) * 44;
            const inside = !window || (bin.end > window.start && bin.start < window.end);
            return <rect key={i} className={inside ? 'bin in' : 'bin'} x={toX(bin.start) + 0.8} width={Math.max(1, toX(bin.end) - toX(bin.start) - 1.6)} y={48 - height} height={height} />;
          })}
          {window ? (
            <>
              <rect className="window" x={toX(window.start)} width={Math.max(2, toX(window.end) - toX(window.start))} y={0} height={48} />
              <rect className="window-edge" x={toX(window.start) - 2} width={4} y={0} height={48} />
              <rect className="window-edge" x={toX(window.end) - 2} width={4} y={0} height={48} />
            </>
          ) : null}
        </svg>
        <div className="time-bar-axis" aria-hidden="true">
          <span>{formatTime(extent.start, span)}</span>
          <span>{formatTime(extent.end, span)}</span>
        </div>
      </div>
      <div className="time-bar-summary" role="status" aria-label={t('window')}>
        {window ? (
          <>
            <strong>
              {formatTime(window.start, span)} – {formatTime(window.end, span)}
            </strong>
            <span>{t('showing', { visible: view.visible, total })}</span>
          </>
        ) : (
          <span>{t('hint')}</span>
        )}
      </div>
    </section>
  );
}

function formatTime(ms: number, span: number): string {
  const options: Intl.DateTimeFormatOptions =
    span < 3 * 86_400_000 ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', year: 'numeric' };
  return formatTimestamp(ms, options);
}
