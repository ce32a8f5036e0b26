// The one boundary between driver values and plain objects: Integers, temporal values, nodes and
// relationships never travel further than this file.
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime, isNode, isRelationship, isPoint, type Node, type Integer } from 'neo4j-driver';
import {
  isEntityType,
  isRelationshipType,
  type EntitySummary,
  type LinkSummary,
  type Properties,
  type PropertyValue,
  type Provenance,
} from '../contract/model';
import { temporalText } from './temporal-text';

export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans, most of what a record holds, need none of the type checks below.
  if (typeof value !== 'object') return value;
  if (neo4j.isInt(value)) {
    const integer = value as Integer;
    return integer.inSafeRange() ? integer.toNumber() : integer.toString();
  }
  const temporal = temporalText(value);
  if (temporal !== null) return temporal;
  if (isDateTime(value as never) || isDate(value as never) || isLocalDateTime(value as never) || isTime(value as never) || isLocalTime(value as never) || isDuration(value as never)) {
    return String(value);
  }
  if (isPoint(value as never)) {
    const point = value as { x: number; y: number };
    return [point.x, point.y];
  }
  if (isNode(value as never)) {
    const node = value as Node;
    return { labels: node.labels, properties: toPlain(node.properties) };
  }
  if (isRelationship(value as never)) {
    const rel = value as { type: string; properties: Record<string, unknown> };
    return { type: rel.type, properties: toPlain(rel.properties) };
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toPlain(inner);
    return out;
  }
  return value;
}

export function toProperties(raw: Record<string, unknown>, omit: readonly string[] = []): Properties {
  const out: Properties = {};
  // Runs for every property of every record an answer holds: no entry arrays, no search of an empty list.
  for (const key of Object.keys(raw)) {
    if (omit.length > 0 && omit.includes(key)) continue;
    out[key] = toPlain(raw[key]) as PropertyValue;
  }
  return out;
}

const PROVENANCE_KEYS = ['sourceId', 'caseId', 'country', 'agency', 'sourceReliability', 'informationReliability', 'handling'] as const;
const HIDDEN_KEYS = ['searchText'] as const;

function provenanceOf(props: Properties): Provenance {
  const out: Record<string, unknown> = {};
  for (const key of PROVENANCE_KEYS) if (typeof props[key] === 'string') out[key] = props[key];
  return out as Provenance;
}

/** A node as the renderer sees it. Accepts a driver Node or its already-plain labels + properties. */
export function toEntity(node: Node | { labels: string[]; properties: Record<string, unknown> }): EntitySummary {
  const props = toProperties(node.properties, HIDDEN_KEYS);
  const type = node.labels.find(isEntityType);
  if (!type) throw new Error(`Node with labels ${node.labels.join(',')} is not a Schakel entity`);
  const id = String(props.id);
  const label = typeof props.label === 'string' && props.label ? props.label : id;
  // No subtitle: it is written where it is read, in the reader's language (shared-values/entity-subtitle.ts).
  return { id, type, label, ...provenanceOf(props), properties: props };
}

/** A relationship as the renderer sees it; source/target are the entities' stable ids, not element ids. */
export function toLink(rel: { type: string; properties: Record<string, unknown> }, sourceId: string, targetId: string): LinkSummary {
  if (!isRelationshipType(rel.type)) throw new Error(`Relationship type ${rel.type} is not on the allow-list`);
  const props = toProperties(rel.properties);
  const id = typeof props.id === 'string' ? props.id : `${rel.type}:${sourceId}->${targetId}`;
  const str = (key: string) => (typeof props[key] === 'string' ? (props[key] as string) : undefined);
  return {
    id,
    type: rel.type,
    source: sourceId,
    target: targetId,
    at: str('at'),
    from: str('from'),
    until: str('until'),
    count: typeof props.count === 'number' ? props.count : undefined,
    ...provenanceOf(props),
    properties: props,
  };
}
