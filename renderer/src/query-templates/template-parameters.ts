// Between the template form's text inputs and a typed template query: every value an <input> holds is a
// string; the catalogue says which parameters are numbers. The backend validates the result again.
import type { TemplateQuery } from '../../../contract/query-templates';
import type { EntitySummary } from '../../../contract/model';
import { QUERY_SHAPE_PARAMETERS, type QueryShape } from '../../../shared-values/query-shapes';

export type ParameterValues = Record<string, string>;

/** Values the form starts with: a selected chart entity of the right type, 30 days, the last month. */
export function initialValues(shape: QueryShape, selected: readonly EntitySummary[], today = new Date()): ParameterValues {
  const values: ParameterValues = {};
  const used = new Set<string>();
  const isoDay = (date: Date) => date.toISOString().slice(0, 10);
  for (const spec of QUERY_SHAPE_PARAMETERS[shape]) {
    if (spec.kind === 'entity') {
      const match = selected.find((entity) => entity.type === spec.entityType && !used.has(entity.id));
      if (match) used.add(match.id);
      values[spec.name] = match?.id ?? '';
    } else if (spec.kind === 'days') values[spec.name] = '30';
    else values[spec.name] = spec.name === 'until' ? isoDay(today) : isoDay(new Date(today.getTime() - 30 * 86_400_000));
  }
  return values;
}

export function valuesOf(query: TemplateQuery): ParameterValues {
  return Object.fromEntries(Object.entries(query.parameters).map(([name, value]) => [name, String(value)]));
}

export function queryOf(shape: QueryShape, values: ParameterValues): TemplateQuery {
  const parameters = Object.fromEntries(
    QUERY_SHAPE_PARAMETERS[shape].map((spec) => [spec.name, spec.kind === 'days' ? Number(values[spec.name]) : (values[spec.name] ?? '').trim()]),
  );
  // The shape and its parameter names come from the catalogue itself; the backend checks every value.
  return { shape, parameters } as TemplateQuery;
}

export function isComplete(shape: QueryShape, values: ParameterValues): boolean {
  return QUERY_SHAPE_PARAMETERS[shape].every((spec) => (values[spec.name] ?? '').trim() !== '');
}
