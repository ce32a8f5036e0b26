// What analysts assert and write down: analyst links between any two entities, notes on entities and
// links, their grading and handling, versioned edits and retractions. Validates against the workbench's
// grading scheme and the database (mentioned entities must exist), stamps the analyst on every write, and
// keeps a change made while the database is unreachable in the local pending-writes queue.
import { randomUUID } from 'node:crypto';
import { ApiError, type ParsedRequestOf } from '../../contract/api';
import {
  gradingProblem,
  mentionedIds,
  type AnnotationChange,
  type AnnotationRecord,
  type AnnotationWriteResult,
  type Grading,
} from '../../contract/annotations';
import type { LinkSummary } from '../../contract/model';
import * as store from '../../graph-queries/annotations';
import type { QueryContext } from '../../graph-queries/run';
import type { IdentityService } from '../identity/identity';
import { Reachability } from '../audit/reachability';
import { PendingWrites, type QueuedWrite } from './pending-writes';

const MAX_MENTIONS = 50;

export interface AnnotationServiceOptions {
  context: () => QueryContext;
  identity: IdentityService;
  dataDir: string;
  /** Shared with the audit log: once the database is known to be away, writes queue at once. */
  reachability?: Reachability;
  log?: (message: string) => void;
  now?: () => Date;
}

interface Actor {
  name: string;
  at: string;
}

/** The database did not answer (as opposed to: it answered no). */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof ApiError) return error.code === 'DB_UNAVAILABLE' || error.code === 'DB_STARTING';
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = String((error as { message?: unknown })?.message ?? '');
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code === 'Neo.TransientError.Database.DatabaseUnavailable' ||
    /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ETIMEDOUT|Connection was closed|Failed to connect|Pool is closed|has been closed/i.test(message)
  );
}

const OFFLINE_MESSAGE =
  'The database cannot be reached: your change is kept on this computer and will be written as soon as the connection is back.';

type CreateLink = ParsedRequestOf<'createAnalystLink'>;
type AddNote = ParsedRequestOf<'addNote'>;
type Update = ParsedRequestOf<'updateAnnotation'>;
type Retract = ParsedRequestOf<'retractAnnotation'>;

export class AnnotationService {
  readonly pendingWrites: PendingWrites;
  private readonly now: () => Date;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private readonly reachability: Reachability;

  constructor(private readonly options: AnnotationServiceOptions) {
    this.pendingWrites = new PendingWrites(options.dataDir);
    this.reachability = options.reachability ?? new Reachability(async () => undefined);
    this.now = options.now ?? (() => new Date());
  }

  // ---- Writes (serialised, so the pending queue keeps its order) -----------------------------------

  createLink(request: CreateLink): Promise<AnnotationWriteResult> {
    const queued = this.queuedWrite('createAnalystLink', { ...request, id: `AL-${randomUUID()}` }, `Link ${request.fromId} → ${request.toId} (${request.status})`);
    return this.write(queued, () => this.offlineLinkResult(queued));
  }

  addNote(request: AddNote): Promise<AnnotationWriteResult> {
    const queued = this.queuedWrite('addNote', { ...request, id: `AN-${randomUUID()}` }, `Note on ${request.targetId}: "${excerpt(request.text)}"`);
    return this.write(queued, () => ({ annotation: null, pending: true, message: OFFLINE_MESSAGE }));
  }

  update(request: Update): Promise<AnnotationWriteResult> {
    const fields = Object.keys(request.changes).join(', ');
    const queued = this.queuedWrite('updateAnnotation', request, `Change ${fields} of ${request.id} (from version ${request.expectedVersion})`);
    return this.write(queued, () => ({ annotation: null, pending: true, message: OFFLINE_MESSAGE }));
  }

  retract(request: Retract): Promise<AnnotationWriteResult> {
    const queued = this.queuedWrite('retractAnnotation', request, `Retract ${request.id} (version ${request.expectedVersion})`);
    return this.write(queued, () => ({ annotation: null, pending: true, message: OFFLINE_MESSAGE }));
  }

  /** Writes what waited while the database was away; safe to call any time. */
  catchUp(): Promise<{ written: number; notSaved: number }> {
    return this.enqueue(() => this.replayPending());
  }

  startCatchUpTimer(intervalMs = 5_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.pendingWrites.pending().length === 0) return;
      void (async () => {
        if (this.reachability.isDown() && !(await this.reachability.check())) return;
        await this.catchUp().catch(() => undefined);
      })();
    }, intervalMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.queue.catch(() => undefined);
  }

  // ---- Reads -----------------------------------------------------------------------------------------

  list(targetId: string) {
    return store.listAnnotations(this.options.context(), targetId);
  }

  async history(id: string) {
    return { revisions: await store.annotationHistory(this.options.context(), id) };
  }

  // ---- Internals -------------------------------------------------------------------------------------

  private queuedWrite(operation: string, request: object, summary: string): QueuedWrite {
    const at = this.now().toISOString();
    return { id: `PW-${randomUUID()}`, operation, summary, queuedAt: at, at, by: this.options.identity.name(), request: { ...request } };
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private write(queued: QueuedWrite, offline: () => AnnotationWriteResult): Promise<AnnotationWriteResult> {
    return this.enqueue(async () => {
      if (!this.reachability.isDown()) {
        if (this.pendingWrites.pending().length > 0) await this.replayPending().catch(() => undefined);
        if (this.pendingWrites.pending().length === 0) {
          try {
            return await this.apply(queued);
          } catch (error) {
            if (!isUnreachable(error)) throw error;
            this.reachability.markDown();
          }
        }
      }
      // Checks that need no database still apply offline: a bad grading is refused now, not at replay.
      this.checkGrading(queued.request as Partial<Grading>);
      this.pendingWrites.queue(queued);
      this.options.log?.(`Database unreachable: ${queued.summary} kept in ${this.pendingWrites.pendingFile}.`);
      return offline();
    });
  }

  private async replayPending(): Promise<{ written: number; notSaved: number }> {
    const outcome = await this.pendingWrites.replay(async (write) => {
      await this.apply(write);
    }, isUnreachable);
    if (this.pendingWrites.pending().length > 0) this.reachability.markDown();
    return outcome;
  }

  private apply(write: QueuedWrite): Promise<AnnotationWriteResult> {
    const actor: Actor = { name: write.by, at: write.at };
    const request = write.request;
    switch (write.operation) {
      case 'createAnalystLink':
        return this.applyCreateLink(request as CreateLink & { id: string }, actor);
      case 'addNote':
        return this.applyAddNote(request as AddNote & { id: string }, actor);
      case 'updateAnnotation':
        return this.applyUpdate(request as Update, actor);
      case 'retractAnnotation':
        return this.applyRetract(request as Retract, actor);
      default:
        throw new ApiError({ code: 'BAD_REQUEST', message: `Unknown queued change "${write.operation}".`, hint: 'It was not saved; make the change again.' });
    }
  }

  private checkGrading(grading: Partial<Grading>): void {
    const problem = gradingProblem(this.options.identity.gradingScheme(), {
      sourceReliability: grading.sourceReliability,
      informationReliability: grading.informationReliability,
      handling: grading.handling,
    });
    if (problem) throw new ApiError({ code: 'BAD_REQUEST', message: problem, hint: 'Pick the grading from the lists in the form.' });
  }

  private async checkMentions(ctx: QueryContext, text: string): Promise<string[]> {
    const ids = mentionedIds(text);
    if (ids.length > MAX_MENTIONS) {
      throw new ApiError({ code: 'BAD_REQUEST', message: `A note can mention at most ${MAX_MENTIONS} entities; this one mentions ${ids.length}.`, hint: 'Split it into several notes.' });
    }
    const missing = ids.length ? await store.missingEntities(ctx, ids) : [];
    if (missing.length) {
      throw new ApiError({ code: 'BAD_REQUEST', message: `The note mentions ${missing.join(', ')}, which does not exist (any more).`, hint: 'Remove that mention, or search for the entity and mention it again.' });
    }
    return ids;
  }

  private async applyCreateLink(request: CreateLink & { id: string }, actor: Actor): Promise<AnnotationWriteResult> {
    this.checkGrading(request);
    const ctx = this.options.context();
    const mentions = await this.checkMentions(ctx, request.note);
    const scheme = this.options.identity.gradingScheme();
    const created = await store.createAnalystLink(ctx, {
      id: request.id,
      fromId: request.fromId,
      toId: request.toId,
      props: {
        status: request.status,
        ...(request.linkKind ? { linkKind: request.linkKind } : {}),
        ...(request.linkLabel ? { linkLabel: request.linkLabel } : {}),
        note: request.note,
        mentions,
        sourceReliability: request.sourceReliability,
        informationReliability: request.informationReliability,
        handling: request.handling,
        gradingScheme: scheme,
        createdBy: actor.name,
        createdAt: actor.at,
        updatedBy: actor.name,
        updatedAt: actor.at,
      },
      revision: {
        by: actor.name,
        at: actor.at,
        changes: (['status', 'linkKind', 'linkLabel', 'note', 'sourceReliability', 'informationReliability', 'handling'] as const)
          .filter((field) => request[field] !== undefined && request[field] !== '')
          .map((field) => ({ field, before: null, after: request[field] })),
      },
    });
    if (!created) {
      const missing = await store.missingEntities(ctx, [request.fromId, request.toId]);
      throw new ApiError({ code: 'NOT_FOUND', message: `Cannot link: ${missing.join(' and ') || 'an entity'} does not exist (any more).`, hint: 'Search for the entities again and retry.' });
    }
    return { annotation: created.record, link: created.link, pending: false };
  }

  private async applyAddNote(request: AddNote & { id: string }, actor: Actor): Promise<AnnotationWriteResult> {
    this.checkGrading(request);
    const ctx = this.options.context();
    const exists = request.targetKind === 'entity' ? (await store.missingEntities(ctx, [request.targetId])).length === 0 : await store.linkExists(ctx, request.targetId);
    if (!exists) {
      throw new ApiError({ code: 'NOT_FOUND', message: `Cannot add the note: ${request.targetKind} "${request.targetId}" does not exist (any more).`, hint: 'It may have been deleted or retracted; refresh the chart.' });
    }
    const mentions = await this.checkMentions(ctx, request.text);
    const grading = Object.fromEntries((['sourceReliability', 'informationReliability', 'handling'] as const).filter((key) => request[key]).map((key) => [key, request[key]]));
    const record = await store.createNote(ctx, {
      id: request.id,
      targetId: request.targetId,
      props: {
        targetId: request.targetId,
        targetKind: request.targetKind,
        text: request.text,
        mentions,
        ...grading,
        ...(Object.keys(grading).length ? { gradingScheme: this.options.identity.gradingScheme() } : {}),
        createdBy: actor.name,
        createdAt: actor.at,
        updatedBy: actor.name,
        updatedAt: actor.at,
      },
      revision: { by: actor.name, at: actor.at, changes: [{ field: 'text', before: null, after: request.text }, ...Object.entries(grading).map(([field, after]) => ({ field, before: null, after }))] },
    });
    return { annotation: record, pending: false };
  }

  private async current(ctx: QueryContext, id: string): Promise<{ record: AnnotationRecord; link?: LinkSummary }> {
    const found = await store.getAnnotation(ctx, id);
    if (found) return found;
    const retraction = await store.lastRetraction(ctx, id);
    throw new ApiError(
      retraction
        ? { code: 'NOT_FOUND', message: `This was retracted by ${retraction.by} at ${retraction.at.replace('T', ' ').slice(0, 16)}; it cannot be changed any more.`, hint: 'Its history stays available; create a new one if needed.' }
        : { code: 'NOT_FOUND', message: `No analyst link or note with id "${id}" exists.`, hint: 'Refresh the chart: it may have been removed.' },
    );
  }

  private conflict(theirs: AnnotationRecord, expectedVersion: number, changes: Record<string, unknown>): ApiError {
    const what = theirs.kind === 'link' ? 'analyst link' : 'note';
    return new ApiError({
      code: 'CONFLICT',
      message: `${theirs.updatedBy} changed this ${what} at ${theirs.updatedAt.replace('T', ' ').slice(0, 16)} (now version ${theirs.version}) after you opened version ${expectedVersion}; your change was not saved.`,
      hint: 'Compare their version with yours, then make your change again on top of theirs.',
      conflict: { theirs, yours: { expectedVersion, changes } },
    });
  }

  private async applyUpdate(request: Update, actor: Actor): Promise<AnnotationWriteResult> {
    const ctx = this.options.context();
    const { record: current, link } = await this.current(ctx, request.id);
    if (current.version !== request.expectedVersion) throw this.conflict(current, request.expectedVersion, request.changes);
    const { text, ...rest } = request.changes;
    if (current.kind === 'note' && (rest.status !== undefined || rest.linkKind !== undefined || rest.linkLabel !== undefined)) {
      throw new ApiError({ code: 'BAD_REQUEST', message: 'A note has no status, kind or label; only analyst links do.', hint: 'Change the text or the grading of the note.' });
    }
    this.checkGrading({ ...current, ...rest } as Partial<Grading>);
    const textField = current.kind === 'link' ? 'note' : 'text';
    const wanted: Record<string, unknown> = { ...rest, ...(text !== undefined ? { [textField]: text } : {}) };
    const changes: AnnotationChange[] = [];
    const props: Record<string, unknown> = {};
    for (const [field, after] of Object.entries(wanted)) {
      if (after === undefined) continue;
      const before = (current as unknown as Record<string, unknown>)[field] ?? null;
      if (before === after || (before === null && after === '')) continue;
      changes.push({ field, before, after });
      // An emptied kind or label is removed from the link rather than kept as an empty string.
      props[field] = after === '' && (field === 'linkKind' || field === 'linkLabel') ? null : after;
    }
    if (text !== undefined) props.mentions = await this.checkMentions(ctx, text);
    if (changes.length === 0) return { annotation: current, ...(link ? { link } : {}), pending: false, message: 'Nothing changed.' };
    if (rest.sourceReliability || rest.informationReliability || rest.handling) props.gradingScheme = this.options.identity.gradingScheme();
    const updated = await store.updateAnnotation(ctx, current, props, { by: actor.name, at: actor.at, changes });
    if (!updated) {
      const { record: theirs } = await this.current(ctx, request.id);
      throw this.conflict(theirs, request.expectedVersion, request.changes);
    }
    return { annotation: updated.record, ...(updated.link ? { link: updated.link } : {}), pending: false };
  }

  private async applyRetract(request: Retract, actor: Actor): Promise<AnnotationWriteResult> {
    const ctx = this.options.context();
    const { record: current } = await this.current(ctx, request.id);
    if (current.version !== request.expectedVersion) throw this.conflict(current, request.expectedVersion, { retract: true });
    const before = current.kind === 'link' ? current.status : 'active';
    const done = await store.retractAnnotation(ctx, current, {
      by: actor.name,
      at: actor.at,
      changes: [{ field: 'status', before, after: 'retracted' }],
      ...(request.reason ? { reason: request.reason } : {}),
    });
    if (!done) {
      const { record: theirs } = await this.current(ctx, request.id);
      throw this.conflict(theirs, request.expectedVersion, { retract: true });
    }
    return { annotation: { ...current, version: current.version + 1, updatedBy: actor.name, updatedAt: actor.at, ...(current.kind === 'link' ? { status: current.status } : {}) }, pending: false, message: 'Retracted; it stays in the history.' };
  }

  private offlineLinkResult(queued: QueuedWrite): AnnotationWriteResult {
    const request = queued.request as CreateLink & { id: string };
    const record = {
      kind: 'link' as const,
      id: request.id,
      fromId: request.fromId,
      toId: request.toId,
      status: request.status,
      ...(request.linkKind ? { linkKind: request.linkKind } : {}),
      ...(request.linkLabel ? { linkLabel: request.linkLabel } : {}),
      note: request.note,
      mentions: mentionedIds(request.note),
      sourceReliability: request.sourceReliability,
      informationReliability: request.informationReliability,
      handling: request.handling,
      gradingScheme: this.options.identity.gradingScheme(),
      createdBy: queued.by,
      createdAt: queued.at,
      updatedBy: queued.by,
      updatedAt: queued.at,
      version: 1,
    };
    const link: LinkSummary = {
      id: record.id,
      type: 'ANALYST_LINK',
      source: record.fromId,
      target: record.toId,
      sourceReliability: record.sourceReliability as LinkSummary['sourceReliability'],
      informationReliability: record.informationReliability as LinkSummary['informationReliability'],
      handling: record.handling as LinkSummary['handling'],
      properties: { id: record.id, status: record.status, ...(record.linkKind ? { linkKind: record.linkKind } : {}), ...(record.linkLabel ? { linkLabel: record.linkLabel } : {}), note: record.note, createdBy: record.createdBy, createdAt: record.createdAt, version: 1, pending: true },
    };
    return { annotation: record, link, pending: true, message: OFFLINE_MESSAGE };
  }
}

function excerpt(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
