// The timeline (theme-line) view: one horizontal line per entity with its dated events along it, a call
// between two lines drawn as a connector. It follows the time bar's window (the same window filters both)
// and the chart's selection both ways. Keyboard: Tab reaches the lines and events, Left/Right step through
// the events in time order, Enter or Space selects on the chart.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityType, RelationshipType } from '../../../contract/model';
import type { ChartController, ChartSelection, ChartView } from '../chart/chart-controller';
import { entityTypeName, linkTypeLongName } from '../i18n/vocabulary';
import { formatDateTime, formatNumber, formatTimestamp } from '../ui/format';
import { TypeIcon } from '../ui/TypeIcon';
import { axisSpan, chooseLines, eventsInWindow, timelineEvents, type LineChoice, type TimelineEvent } from './timeline-model';
import './timeline.css';

const ROW = 36;
const AXIS = 26;
const TICKS = 5;

interface TimelineViewProps {
  chart: ChartController | undefined;
  view: ChartView | undefined;
  selectedIds: readonly string[];
  selection: ChartSelection;
  onClose: () => void;
}

export function TimelineView({ chart, view, selectedIds, selection, onClose }: TimelineViewProps) {
  const { t } = useTranslation('timeline');
  const lineChoice = useRef<LineChoice | undefined>(undefined);
  const eventRefs = useRef(new Map<string, SVGElement>());
  const [focusedKey, setFocusedKey] = useState<string>();

  const revision = view?.revision ?? 0;
  const content = useMemo(
    () => (chart ? { entities: chart.entities(), links: chart.links(), timed: chart.timedElements() } : undefined),
    [chart, revision], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const selectedLinkId = selection?.kind === 'link' ? selection.id : undefined;
  const lines = useMemo(() => {
    if (!content) return undefined;
    lineChoice.current = chooseLines(content, { entityIds: selectedIds, anythingSelected: selectedIds.length > 0 || selectedLinkId !== undefined }, lineChoice.current);
    return lineChoice.current;
  }, [content, selectedIds, selectedLinkId]);
  const window = chart?.getTimeWindow();
  const windowKey = window ? `${window.start}-${window.end}` : '';
  const events = useMemo(
    () => (content && lines ? eventsInWindow(timelineEvents(content, lines.ids), window) : []),
    [content, lines, windowKey], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const axis = axisSpan(events, window);

  if (!chart || !content || !lines) return null;
  const entityById = new Map(content.entities.map((entity) => [entity.id, entity]));
  const rowOf = new Map(lines.ids.map((id, index) => [id, index]));
  const selected = new Set(selectedIds);
  const height = AXIS + Math.max(1, lines.ids.length) * ROW;
  const span = axis ? Math.max(1, axis.end - axis.start) : 1;
  const percent = (ms: number) => `${(((ms - (axis?.start ?? 0)) / span) * 100).toFixed(3)}%`;
  const rowY = (lineId: string) => AXIS + (rowOf.get(lineId) ?? 0) * ROW + ROW / 2;
  const timeFormat: Intl.DateTimeFormatOptions =
    span < 3 * 86_400_000 ? { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' } : { day: 'numeric', month: 'short', year: 'numeric' };
  const at = (ms: number) => formatDateTime(new Date(ms).toISOString());
  const when = (event: TimelineEvent) =>
    event.span.end > event.span.start ? t('period', { from: at(event.span.start), until: at(event.span.end) }) : at(event.span.start);
  const describe = (event: TimelineEvent) => {
    const line = entityById.get(event.lineId)?.label ?? event.lineId;
    const kind = event.elementKind === 'link' ? linkTypeLongName(event.kind as RelationshipType) : entityTypeName(event.kind as EntityType);
    const other = event.otherLineId ? (entityById.get(event.otherLineId)?.label ?? event.otherLineId) : event.counterpart;
    const count = event.count !== undefined ? ` · ${t('calls', { count: event.count, formatted: formatNumber(event.count) })}` : '';
    return `${t('event', { kind, line, other: other ?? '', when: when(event) })}${count}`;
  };
  const isSelected = (event: TimelineEvent) => (event.elementKind === 'link' ? event.elementId === selectedLinkId : selected.has(event.elementId));
  const choose = (event: TimelineEvent) => {
    if (event.elementKind === 'link') chart.selectLink(event.elementId);
    else chart.selectEntity(event.elementId);
  };
  const onEventKey = (event: TimelineEvent, index: number) => (key: KeyboardEvent<SVGElement>) => {
    if (key.key === 'Enter' || key.key === ' ') {
      key.preventDefault();
      choose(event);
    } else if (key.key === 'ArrowRight' || key.key === 'ArrowLeft') {
      key.preventDefault();
      const next = events[Math.min(events.length - 1, Math.max(0, index + (key.key === 'ArrowRight' ? 1 : -1)))];
      eventRefs.current.get(next.key)?.focus();
    }
  };
  const ticks = axis ? Array.from({ length: TICKS }, (_, i) => axis.start + (span * i) / (TICKS - 1)) : [];
  const status =
    lines.ids.length === 0
      ? t('noLines')
      : lines.source === 'selection'
        ? t('linesFromSelection', { count: lines.ids.length, events: events.length })
        : t('linesBusiest', { count: lines.ids.length, events: events.length });

  return (
    <section className="timeline-view" aria-label={t('title')}>
      <header className="timeline-header">
        <h2>{t('title')}</h2>
        <span role="status" className="timeline-status">
          {status}
          {lines.leftOff > 0 ? ` ${t('leftOff', { count: lines.leftOff })}` : ''}
          {window ? ` · ${t('followsWindow')}` : ''}
        </span>
        <button type="button" className="icon-button" aria-label={t('close')} title={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      {lines.ids.length === 0 ? null : (
        <div className="timeline-body">
          <ul className="timeline-lines" aria-label={t('lines')} style={{ paddingTop: AXIS }}>
            {lines.ids.map((id) => {
              const entity = entityById.get(id);
              return (
                <li key={id} style={{ height: ROW }}>
                  <button type="button" className="timeline-line-label" aria-pressed={selected.has(id)} data-line-id={id} title={entity ? entityTypeName(entity.type) : id} onClick={() => chart.selectEntity(id)}>
                    {entity ? <TypeIcon type={entity.type} /> : null}
                    <span>{entity?.label ?? id}</span>
                  </button>
                </li>
              );
            })}
          </ul>
          <svg className="timeline-canvas" height={height} role="group" aria-label={t('events', { count: events.length })}>
            {ticks.map((tick, i) => (
              <g key={i} className="timeline-tick" aria-hidden="true">
                <line x1={percent(tick)} x2={percent(tick)} y1={AXIS - 4} y2={height} />
                <text x={percent(tick)} y={AXIS - 9} textAnchor={i === 0 ? 'start' : i === TICKS - 1 ? 'end' : 'middle'}>
                  {formatTimestamp(tick, timeFormat)}
                </text>
              </g>
            ))}
            {lines.ids.map((id) => (
              <line key={id} className={selected.has(id) ? 'timeline-line selected' : 'timeline-line'} x1="0%" x2="100%" y1={rowY(id)} y2={rowY(id)} aria-hidden="true" />
            ))}
            {events.map((event, index) => {
              const y = rowY(event.lineId);
              const x = percent(event.span.start);
              const className = `timeline-event kind-${event.kind} ${isSelected(event) ? 'selected' : ''} ${focusedKey === event.key ? 'focused' : ''}`;
              const common = {
                ref: (element: SVGElement | null) => {
                  if (element) eventRefs.current.set(event.key, element);
                  else eventRefs.current.delete(event.key);
                },
                className,
                tabIndex: 0,
                role: 'button',
                'aria-pressed': isSelected(event),
                'aria-label': describe(event),
                'data-element-id': event.elementId,
                onClick: () => choose(event),
                onKeyDown: onEventKey(event, index),
                onFocus: () => setFocusedKey(event.key),
                onBlur: () => setFocusedKey(undefined),
              };
              if (event.otherLineId) {
                const y2 = rowY(event.otherLineId);
                return (
                  <g key={event.key} {...common}>
                    <title>{describe(event)}</title>
                    <line className="connector" x1={x} x2={x} y1={y} y2={y2} />
                    <circle cx={x} cy={y} r={5} />
                    <circle cx={x} cy={y2} r={5} />
                    {event.span.end > event.span.start ? <line className="connector-span" x1={x} x2={percent(event.span.end)} y1={(y + y2) / 2} y2={(y + y2) / 2} /> : null}
                  </g>
                );
              }
              return (
                <g key={event.key} {...common}>
                  <title>{describe(event)}</title>
                  {event.span.end > event.span.start ? <rect className="span" x={x} y={y - 4} width={percent(axis!.start + Math.max(0, Math.min(event.span.end, axis!.end) - Math.max(event.span.start, axis!.start)))} height={8} rx={3} /> : null}
                  <circle cx={x} cy={y} r={6} />
                </g>
              );
            })}
          </svg>
        </div>
      )}
    </section>
  );
}
