// An entity's second line (a person's date of birth and national number, a car's make and model, an
// incident's kind and time): which properties say it, per type, and in which order. The words and dates are
// the reader's, so the caller hands in how to write them: the screen writes in the interface language, an
// export in the document language. Choosing the facts here, once, keeps the search results, the details
// panel and every exported document saying the same thing about an entity.

import type { EntityType } from './model';

/** How one reader's language writes the parts of a subtitle. */
export interface SubtitleFormat {
  /** A calendar date as recorded ("1985-03-12", a date of birth): it has no time zone. */
  date(isoDate: string): string;
  /** An instant ("2024-03-05T14:07:00Z", when an incident happened), in Belgian time. */
  dateTime(isoInstant: string): string;
  /** A code of the data model's vocabulary in words ("atm-gas-attack" → "Plofkraak"); an unknown code as written. */
  code(property: CodedProperty, value: string): string;
}

/** Properties whose values are codes of a fixed vocabulary rather than words from a record. */
export const CODED_PROPERTIES = ['kind'] as const;
export type CodedProperty = (typeof CODED_PROPERTIES)[number];

export function isCodedProperty(property: string): property is CodedProperty {
  return (CODED_PROPERTIES as readonly string[]).includes(property);
}

/** A date without a time of day: written as a date even where the part is an instant. */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Part = { property: string; as: 'text' | 'date' | 'dateTime' } | { property: CodedProperty; as: 'code' };

const text = (property: string): Part => ({ property, as: 'text' });

const SUBTITLE_PARTS: Readonly<Record<EntityType, readonly Part[]>> = {
  Person: [{ property: 'dateOfBirth', as: 'date' }, text('nationalNumber'), text('bsn')],
  Phone: [text('e164'), text('imei')],
  Vehicle: [text('make'), text('model'), text('colour')],
  Location: [{ property: 'kind', as: 'code' }, text('city')],
  Incident: [{ property: 'kind', as: 'code' }, { property: 'at', as: 'dateTime' }],
  Case: [text('agency'), text('title')],
  Gang: [{ property: 'kind', as: 'code' }, text('chapter')],
  Source: [{ property: 'kind', as: 'code' }],
};

export const SUBTITLE_SEPARATOR = ' · ';

/** What an entity needs for its subtitle; `subtitle` is one stored by an older chart file or another tool. */
export interface SubtitledEntity {
  type: EntityType;
  properties: Readonly<Record<string, unknown>>;
  subtitle?: string;
}

/**
 * The subtitle in the reader's language, written from the entity's properties. An entity whose properties
 * say nothing for its type keeps the subtitle it arrived with (a chart file from another tool, or from a
 * version of Schakel that stored an English one), since that is the only second line there is.
 */
export function entitySubtitle(entity: SubtitledEntity, format: SubtitleFormat): string | undefined {
  const parts: string[] = [];
  for (const part of SUBTITLE_PARTS[entity.type] ?? []) {
    const value = entity.properties[part.property];
    if (typeof value === 'number' && Number.isFinite(value)) parts.push(String(value));
    if (typeof value !== 'string' || value.trim() === '') continue;
    parts.push(writePart(part, value, format));
  }
  if (parts.length > 0) return parts.join(SUBTITLE_SEPARATOR);
  return entity.subtitle || undefined;
}

function writePart(part: Part, value: string, format: SubtitleFormat): string {
  switch (part.as) {
    case 'code':
      return format.code(part.property, value);
    case 'date':
      return format.date(value);
    case 'dateTime':
      return CALENDAR_DATE.test(value) ? format.date(value) : format.dateTime(value);
    default:
      return value;
  }
}
