// A note as TEXT: mentions become labelled chips, everything else (including anything that looks like
// HTML or a script tag) is a plain text node. Nothing here ever sets innerHTML.
import { splitMentions } from '../../../shared-values/notes';

export function NoteText({ text, labels, onMention }: { text: string; labels: Record<string, string>; onMention?: (id: string) => void }) {
  return (
    <span className="note-text">
      {splitMentions(text).map((part, index) =>
        part.kind === 'text' ? (
          <span key={index}>{part.text}</span>
        ) : (
          <button key={index} type="button" className="mention" title={part.id} onClick={() => onMention?.(part.id)}>
            @{labels[part.id] ?? part.label}
          </button>
        ),
      )}
    </span>
  );
}
