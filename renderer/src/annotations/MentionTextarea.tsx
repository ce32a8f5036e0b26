// A note field where "@" followed by a few letters searches entities; picking one writes a mention
// `@[Label](ID)` into the text, so the note stores the entity's id, not only its name.
import { useTranslation } from 'react-i18next';
import { useEffect, useId, useRef, useState } from 'react';
import type { SearchHit, WorkbenchApi } from '../../../contract/api';
import { MAX_NOTE_LENGTH } from '../../../shared-values/notes';

const MENTION_QUERY = /@([^\s@[\]()]{2,40})$/;

interface Props {
  api: WorkbenchApi;
  label: string;
  value: string;
  onChange: (text: string) => void;
  rows?: number;
}

export function MentionTextarea({ api, label, value, onChange, rows = 3 }: Props) {
  const { t } = useTranslation('annotations');
  const ids = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<string>();
  const [hits, setHits] = useState<SearchHit[]>([]);

  useEffect(() => {
    if (!query) {
      setHits([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api
        .search({ query, limit: 6 })
        .then((result) => current && setHits(result.hits))
        .catch(() => current && setHits([]));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, query]);

  const update = (text: string, caret: number) => {
    onChange(text);
    setQuery(MENTION_QUERY.exec(text.slice(0, caret))?.[1]);
  };

  const pick = (hit: SearchHit) => {
    const caret = ref.current?.selectionStart ?? value.length;
    const before = value.slice(0, caret).replace(MENTION_QUERY, '');
    const label = hit.label.replace(/[[\]\n]/g, ' ').slice(0, 200);
    const inserted = `${before}@[${label}](${hit.id}) `;
    onChange(inserted + value.slice(caret));
    setQuery(undefined);
    ref.current?.focus();
  };

  return (
    <div className="mention-field">
      <label htmlFor={`${ids}-text`}>{label}</label>
      <textarea
        id={`${ids}-text`}
        ref={ref}
        rows={rows}
        value={value}
        maxLength={MAX_NOTE_LENGTH + 1}
        onChange={(event) => update(event.target.value, event.target.selectionStart)}
        placeholder={t('mention.placeholder')}
      />
      <div className="mention-meta muted">
        {value.length > MAX_NOTE_LENGTH ? t('mention.tooLong', { length: value.length, max: MAX_NOTE_LENGTH }) : `${value.length} / ${MAX_NOTE_LENGTH}`}
      </div>
      {query && hits.length ? (
        <ul className="mention-suggestions" aria-label={t('mention.suggestions')}>
          {hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" onClick={() => pick(hit)}>
                {t('mention.mentionNamed', { label: hit.label })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
