// A note field where "@" followed by a few letters of a name (spaces allowed: "@Jan Pe") lists matching
// entities, those on the chart first, then search hits. ArrowUp/ArrowDown move through the list, Enter or
// Tab mention the highlighted one, Esc closes the list; the mouse works too. The field shows "@Name"; the
// note is stored with `@[Name](ID)`, so it names the entity by its id.
import { useTranslation } from 'react-i18next';
import { createContext, useContext, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { WorkbenchApi } from '../../../contract/api';
import type { EntityType } from '../../../contract/model';
import { MAX_NOTE_LENGTH } from '../../../shared-values/notes';
import { entityTypeName } from '../i18n/vocabulary';
import { mentionLabel, mentionQueryAt, nameMatches, toDisplay, toStored, type Mention } from './mention-text';

export interface MentionCandidate extends Mention {
  type?: EntityType;
  onChart?: boolean;
}

/** The entities on the chart, offered first when their name matches what is typed after "@". */
export const ChartMentionCandidates = createContext<() => MentionCandidate[]>(() => []);

const MAX_SUGGESTIONS = 8;

interface Props {
  api: WorkbenchApi;
  label: string;
  /** The stored text, mentions as `@[Name](ID)`. */
  value: string;
  onChange: (text: string) => void;
  rows?: number;
}

export function MentionTextarea({ api, label, value, onChange, rows = 3 }: Props) {
  const { t } = useTranslation('annotations');
  const ids = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const chartCandidates = useContext(ChartMentionCandidates);
  const { text: display, mentions } = useMemo(() => toDisplay(value), [value]);
  const [typing, setTyping] = useState<{ start: number; query: string }>();
  const [hits, setHits] = useState<MentionCandidate[]>([]);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number>();
  const caretAfterPick = useRef<number | undefined>(undefined);

  const query = typing && typing.start !== dismissedAt ? typing.query : undefined;

  useEffect(() => {
    if (!query) {
      setHits([]);
      return;
    }
    const local = chartCandidates()
      .filter((candidate) => nameMatches(candidate.label, query))
      .slice(0, MAX_SUGGESTIONS)
      .map((candidate) => ({ ...candidate, onChart: true }));
    setHits(local);
    setActive(0);
    let current = true;
    const timer = setTimeout(() => {
      api.search({ query: query.trim(), limit: MAX_SUGGESTIONS }).then(
        (result) => {
          if (!current) return;
          const seen = new Set(local.map((candidate) => candidate.id));
          const found = result.hits.filter((hit) => !seen.has(hit.id)).map((hit) => ({ id: hit.id, label: hit.label, type: hit.type }));
          setHits([...local, ...found].slice(0, MAX_SUGGESTIONS));
        },
        () => undefined,
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query, chartCandidates]);

  useLayoutEffect(() => {
    if (caretAfterPick.current === undefined || !ref.current) return;
    ref.current.focus();
    ref.current.setSelectionRange(caretAfterPick.current, caretAfterPick.current);
    caretAfterPick.current = undefined;
  }, [value]);

  const open = Boolean(query) && hits.length > 0;

  const typed = (text: string, caret: number) => {
    onChange(toStored(text, mentions));
    setTyping(mentionQueryAt(text, caret, mentions));
    // Esc closed the list for what was typed then; typing on opens it again.
    setDismissedAt(undefined);
  };

  const pick = (candidate: MentionCandidate) => {
    if (!typing) return;
    const name = mentionLabel(candidate.label);
    const caret = ref.current?.selectionStart ?? display.length;
    const inserted = `@${name} `;
    const text = display.slice(0, typing.start) + inserted + display.slice(caret);
    caretAfterPick.current = typing.start + inserted.length;
    setTyping(undefined);
    onChange(toStored(text, [...mentions, { id: candidate.id, label: name }]));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : hits.length - 1;
      setActive((index) => (index + step) % hits.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      pick(hits[Math.min(active, hits.length - 1)]);
    } else if (event.key === 'Escape') {
      // Closes the list only, not the dialog around the field.
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(typing?.start);
    }
  };

  const optionId = (index: number) => `${ids}-option-${index}`;

  return (
    <div className="mention-field">
      <label htmlFor={`${ids}-text`}>{label}</label>
      <textarea
        id={`${ids}-text`}
        ref={ref}
        rows={rows}
        value={display}
        maxLength={MAX_NOTE_LENGTH + 1}
        aria-autocomplete="list"
        aria-controls={open ? `${ids}-list` : undefined}
        aria-activedescendant={open ? optionId(Math.min(active, hits.length - 1)) : undefined}
        aria-describedby={open ? `${ids}-hint` : undefined}
        onChange={(event) => typed(event.target.value, event.target.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setTyping(undefined)}
        placeholder={t('mention.placeholder')}
      />
      <div className="mention-meta muted">
        {value.length > MAX_NOTE_LENGTH ? t('mention.tooLong', { length: value.length, max: MAX_NOTE_LENGTH }) : `${value.length} / ${MAX_NOTE_LENGTH}`}
      </div>
      {open ? (
        <>
          <ul id={`${ids}-list`} role="listbox" className="mention-suggestions" aria-label={t('mention.suggestions')}>
            {hits.map((hit, index) => (
              <li
                key={hit.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                aria-label={t('mention.mentionNamed', { label: hit.label })}
                className={index === active ? 'active' : undefined}
                // Keeps the focus (and the caret) in the field while choosing with the mouse.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(hit)}
              >
                {hit.label}
                <span className="muted">
                  {' · '}
                  {hit.type ? entityTypeName(hit.type) : null}
                  {hit.onChart ? ` · ${t('mention.onChart')}` : null}
                </span>
              </li>
            ))}
          </ul>
          <div id={`${ids}-hint`} className="mention-hint muted">
            {t('mention.hint')}
          </div>
        </>
      ) : null}
    </div>
  );
}
