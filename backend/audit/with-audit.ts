// The one place every operation is audited: wraps the workbench handlers so each call (also a refused or
// failed one) leaves an entry with its category, the entities concerned and, for disclosures, the
// justification and recipient given at that moment. Handlers themselves stay unaware of auditing.
import { ApiError, type OperationName, type WorkbenchHandlers } from '../../contract/api';
import type { AuditEvent } from '../audit-sink';
import { auditUnavailable, type AuditLog } from './audit-log';
import { toWellFormed } from './chain';
import { policyFor } from './classify';

const MAX_IDS = 500;

type Json = Record<string, unknown>;

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function idsOf(list: unknown): string[] {
  return Array.isArray(list) ? list.map((item) => asObject(item).id).filter((id): id is string => typeof id === 'string') : [];
}

/** Charts are not entities: their id goes into the details, their contents into entityIds. */
const CHART_OPERATIONS = new Set(['saveChart', 'loadChart', 'renameChart', 'duplicateChart', 'deleteChart']);

/** Which entities (and links, annotations) an operation concerned, from its request and its result. */
export function entitiesConcerned(operation: string, request: unknown, result: unknown): string[] {
  const req = asObject(request);
  const res = asObject(result);
  const ids: string[] = [];
  if (!CHART_OPERATIONS.has(operation)) ids.push(...strings(req.id));
  for (const key of ['ids', 'fromId', 'toId', 'targetId', 'entityId']) ids.push(...strings(req[key]));
  ids.push(...idsOf(res.hits), ...idsOf(res.nodes), ...strings(res.candidateIds));
  const entity = asObject(res.entity).id;
  if (typeof entity === 'string') ids.push(entity);
  const annotation = asObject(res.annotation);
  for (const key of ['id', 'fromId', 'toId', 'targetId']) ids.push(...strings(annotation[key]));
  const chart = asObject(req.chart ?? res.chart);
  ids.push(...idsOf(chart.entities));
  // A query template's entity parameters (gangId, vehicleId, personAId, …).
  for (const [name, value] of Object.entries(asObject(asObject(req.query).parameters))) if (name.endsWith('Id')) ids.push(...strings(value));
  return [...new Set(ids)].slice(0, MAX_IDS);
}

/** A few words of context; never whole documents. */
function detailsOf(operation: string, request: unknown, result: unknown): Json {
  const req = asObject(request);
  const res = asObject(result);
  const details: Json = {};
  if (typeof req.query === 'string') details.query = req.query;
  const templateQuery = asObject(req.query);
  if (typeof templateQuery.shape === 'string') details.templateShape = templateQuery.shape;
  if (typeof req.templateId === 'string') details.templateId = req.templateId;
  if (typeof req.name === 'string' && operation === 'saveQueryTemplate') details.templateName = req.name;
  if (Array.isArray(res.hits)) details.hits = res.hits.length;
  if (Array.isArray(res.nodes)) details.returned = res.nodes.length;
  const chart = asObject(req.chart ?? res.chart);
  const chartId = typeof chart.id === 'string' ? chart.id : CHART_OPERATIONS.has(operation) ? req.id : undefined;
  if (typeof chartId === 'string') details.chartId = chartId;
  if (typeof chart.title === 'string') details.chartTitle = chart.title;
  if (Array.isArray(req.formats)) details.formats = req.formats;
  const annotation = asObject(res.annotation);
  if (typeof annotation.id === 'string') details.annotationId = annotation.id;
  if (typeof req.status === 'string') details.status = req.status;
  const changes = asObject(req.changes);
  if (Object.keys(changes).length) details.changed = Object.keys(changes).sort();
  if (typeof req.expectedVersion === 'number') details.expectedVersion = req.expectedVersion;
  if (typeof annotation.version === 'number') details.version = annotation.version;
  if (res.pending === true) details.pendingLocally = true;
  if (typeof res.decided === 'number') details.decided = res.decided;
  if (typeof res.batchId === 'string') details.batchId = res.batchId;
  if (typeof req.minScore === 'number') details.minScore = req.minScore;
  if (typeof req.decision === 'string') details.decision = req.decision;
  for (const key of ['linkKind', 'sourceReliability', 'informationReliability', 'handling'] as const) {
    const value = req[key] ?? changes[key];
    if (typeof value === 'string') details[key] = value;
  }
  return details;
}

/** Disclosure: justification and recipient from the request, or from the export engine's own audit entry. */
function disclosureOf(request: unknown, result: unknown): Pick<AuditEvent, 'justification' | 'recipient'> {
  const req = asObject(request);
  const fromEngine = asObject(asObject(result).auditEntry);
  const pick = (key: string) => (typeof req[key] === 'string' ? (req[key] as string) : typeof fromEngine[key] === 'string' ? (fromEngine[key] as string) : undefined);
  const justification = pick('justification');
  const recipient = pick('recipient');
  return { ...(justification ? { justification } : {}), ...(recipient ? { recipient } : {}) };
}

function outcomeOf(error: unknown): string {
  if (error instanceof ApiError) return error.code;
  const code = asObject(error).code;
  return typeof code === 'string' && /^[A-Z_]+$/.test(code) ? code : 'ERROR';
}

/** For the entry that records a refused answer: lone surrogates become U+FFFD, so that entry can be kept. */
function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return toWellFormed(value);
  if (Array.isArray(value)) return value.map(wellFormed);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [toWellFormed(key), wellFormed(inner)]));
  return value;
}

export function withAudit(handlers: WorkbenchHandlers, audit: AuditLog, log: (message: string) => void = () => undefined): WorkbenchHandlers {
  const wrapped: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const [operation, handler] of Object.entries(handlers) as [OperationName, (request: unknown) => Promise<unknown>][]) {
    const { category, selfAudited } = policyFor(operation);
    if (!category) {
      wrapped[operation] = handler;
      continue;
    }
    const eventFor = (request: unknown, result: unknown): AuditEvent => ({
      category,
      action: operation,
      entityIds: entitiesConcerned(operation, request, result),
      details: detailsOf(operation, request, result),
      ...disclosureOf(request, result),
    });
    const auditedCall = async (request: unknown) => {
      let result: unknown;
      try {
        result = await handler(request);
      } catch (error) {
        // The failure is on record too; if even that cannot be saved, the caller still gets the error.
        await audit.record(eventFor(request, undefined), { outcome: outcomeOf(error) }).catch((auditError: unknown) => {
          log(`AUDIT ENTRY LOST for a failed ${operation}: ${(auditError as Error).message ?? auditError}`);
        });
        throw error;
      }
      if (selfAudited) return result;
      try {
        await audit.record(eventFor(request, result), { outcome: 'ok' });
      } catch (error) {
        // Fail closed: no entry, no answer. Keep the refused attempt on record if its text can be made safe.
        const event = eventFor(request, undefined);
        await audit
          .record({ ...event, entityIds: wellFormed(event.entityIds) as string[], details: { ...(wellFormed(event.details) as Json), answerWithheld: true } }, { outcome: 'AUDIT_UNAVAILABLE' })
          .catch(() => log(`AUDIT ENTRY LOST for ${operation}; the answer was withheld.`));
        throw error instanceof ApiError && error.code === 'AUDIT_UNAVAILABLE' ? error : auditUnavailable('the audit log did not take it');
      }
      return result;
    };
    wrapped[operation] = async (request: unknown) => {
      const end = audit.beginOperation();
      try {
        return await auditedCall(request);
      } finally {
        end();
      }
    };
  }
  return wrapped as WorkbenchHandlers;
}
