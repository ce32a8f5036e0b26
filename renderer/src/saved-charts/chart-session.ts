// The chart being worked on as a saved document: its id, title and database version, and whether the
// database has every change. Every change goes to the local draft at once; once the chart has been saved to
// the database, changes follow there too after a short idle delay (autosave). No React and no Cytoscape here:
// the session gets a snapshot function and an API, so its rules are tested without a page.
import { t } from '../i18n';
import { localiseError } from '../i18n/errors';
import type { ChartListing } from '../../../contract/api';
import type { ChartDocument } from '../../../contract/chart';
import { toClientError, type WorkbenchClientError } from '../api/client-error';
import type { ChartMeta } from './chart-document';
import type { ChartDraft, DraftStore } from './draft-store';

export const DRAFT_DELAY_MS = 300;
export const AUTOSAVE_IDLE_MS = 2_500;
/** After the database was unreachable, try again this often (changes keep going to the draft meanwhile). */
export const RETRY_DELAY_MS = 15_000;

export type SaveStatus =
  /** Nothing drawn yet and never saved. */
  | { kind: 'new' }
  /** Changes the database does not have (the draft has them). */
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** The database could not be reached; the draft on this computer has everything. */
  | { kind: 'local-only'; at: Date }
  /** A colleague saved a newer version; autosave stops until the analyst chooses. */
  | { kind: 'conflict'; message: string }
  /** Saving failed for another reason (read-only database, …): `error` says what to do. */
  | { kind: 'failed'; error: WorkbenchClientError };

export interface ChartSessionState {
  meta: ChartMeta;
  /** Database version this chart is based on; undefined when it was never saved to the database. */
  version?: number;
  status: SaveStatus;
}

export interface ChartSessionDeps {
  saveChart(chart: ChartDocument, expectedVersion?: number): Promise<ChartListing>;
  /** The chart on screen as a document with this meta. */
  snapshot(meta: ChartMeta): ChartDocument;
  isEmpty(): boolean;
  drafts: DraftStore;
  newChartId(): string;
  onStateChange(state: ChartSessionState): void;
  /** A local draft could not be written: the analyst should know the safety net is gone. */
  onDraftError(error: unknown): void;
  timers?: { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (handle: unknown) => void };
  now?: () => Date;
}

export const UNTITLED = 'Untitled chart';

/** A chart's title as the analyst reads it: a chart nobody named yet is "untitled" in the interface language. */
export function shownTitle(title: string | undefined): string {
  return !title || title === UNTITLED ? t('savedCharts:untitled') : title;
}

const UNREACHABLE_CODES = new Set(['NETWORK', 'DB_UNAVAILABLE', 'DB_STARTING']);

export class ChartSession {
  private state: ChartSessionState;
  private dirty = false;
  /** Counts changes, so a save that raced a change does not mark the chart clean. */
  private changeCount = 0;
  private draftTimer: unknown;
  private autosaveTimer: unknown;
  private saving: Promise<boolean> | undefined;
  private readonly timers: NonNullable<ChartSessionDeps['timers']>;
  private readonly now: () => Date;

  constructor(private readonly deps: ChartSessionDeps) {
    this.timers = deps.timers ?? {
      setTimeout: (fn, ms) => setTimeout(fn, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.now = deps.now ?? (() => new Date());
    this.state = { meta: { id: deps.newChartId(), title: UNTITLED }, status: { kind: 'new' } };
  }

  get current(): ChartSessionState {
    return this.state;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  /** Elements, positions or element state changed: keep a draft, and autosave if the chart lives in the database. */
  contentChanged(): void {
    this.dirty = true;
    this.changeCount += 1;
    if (this.state.status.kind !== 'conflict' && this.state.status.kind !== 'saving') this.update({ status: { kind: 'unsaved' } });
    this.scheduleDraft();
    this.scheduleAutosave(AUTOSAVE_IDLE_MS);
  }

  /** Pan or zoom: worth keeping in the draft, not worth a database save on its own. */
  viewChanged(): void {
    this.scheduleDraft();
  }

  /**
   * Saves to the database now. A chart never saved before needs a title first: returns 'needs-title' and the
   * caller asks for one (Save as). Resolves to whether the database has the chart afterwards.
   */
  async save(): Promise<boolean | 'needs-title'> {
    if (this.state.version === undefined && this.state.meta.title === UNTITLED) return 'needs-title';
    return this.saveNow();
  }

  /** Saves the chart on screen as a new chart (new id) under `title`. */
  async saveAs(title: string): Promise<boolean> {
    await this.saving;
    this.update({ meta: { id: this.deps.newChartId(), title, carried: this.state.meta.carried }, version: undefined });
    this.dirty = true;
    return this.saveNow();
  }

  /** After a conflict: keep the colleague's version and save ours beside it. */
  async saveAsCopy(): Promise<boolean> {
    return this.saveAs(t('savedCharts:open.copyOf', { title: shownTitle(this.state.meta.title) }));
  }

  /** A chart was put on screen from the database (version known) or a file / draft (version undefined). */
  opened(meta: ChartMeta, version: number | undefined, options: { dirty?: boolean; savedAt?: Date } = {}): void {
    this.cancelTimers();
    this.dirty = options.dirty ?? false;
    const status: SaveStatus = this.dirty ? { kind: 'unsaved' } : version === undefined ? { kind: 'new' } : { kind: 'saved', at: options.savedAt ?? this.now() };
    this.update({ meta, version, status });
    this.scheduleDraft();
    if (this.dirty) this.scheduleAutosave(AUTOSAVE_IDLE_MS);
  }

  /** An empty, unsaved chart (after "New chart"). */
  startNew(): void {
    this.opened({ id: this.deps.newChartId(), title: UNTITLED }, undefined);
  }

  /** The chart was renamed in the database (possibly the one on screen). */
  renamed(listing: ChartListing): void {
    if (listing.id !== this.state.meta.id) return;
    // Rename bumps the version by one; only follow it when ours was the version renamed.
    const version = this.state.version !== undefined && this.state.version + 1 === listing.version ? listing.version : this.state.version;
    this.update({ meta: { ...this.state.meta, title: listing.title }, version });
    this.scheduleDraft();
  }

  /** A chart was deleted from the database; if it is the one on screen, the screen keeps it as an unsaved chart. */
  deleted(id: string): void {
    if (id !== this.state.meta.id) return;
    this.update({ meta: { ...this.state.meta, id: this.deps.newChartId() }, version: undefined });
    this.contentChanged();
  }

  /** Writes any pending draft at once (page hidden or closing). */
  async flushDraft(): Promise<void> {
    if (this.draftTimer === undefined) return;
    this.timers.clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    await this.writeDraft();
  }

  dispose(): void {
    this.cancelTimers();
  }

  private async saveNow(): Promise<boolean> {
    if (this.saving) {
      // One save at a time; a request during a save means "save again afterwards" (the chart may have changed).
      await this.saving;
      if (!this.dirty) return true;
    }
    this.saving = this.runSave();
    try {
      return await this.saving;
    } finally {
      this.saving = undefined;
    }
  }

  private async runSave(): Promise<boolean> {
    this.cancelAutosave();
    const changeCountAtStart = this.changeCount;
    const document = this.deps.snapshot(this.state.meta);
    this.update({ status: { kind: 'saving' } });
    try {
      const listing = await this.deps.saveChart(document, this.state.version);
      if (this.changeCount === changeCountAtStart) this.dirty = false;
      const savedAt = this.now();
      this.update({
        meta: { ...this.state.meta, title: listing.title },
        version: listing.version,
        status: this.dirty ? { kind: 'unsaved' } : { kind: 'saved', at: savedAt },
      });
      this.scheduleDraft();
      if (this.dirty) this.scheduleAutosave(AUTOSAVE_IDLE_MS);
      return true;
    } catch (caught) {
      const error = toClientError(caught);
      if (error.code === 'CONFLICT') {
        this.update({ status: { kind: 'conflict', message: error.message } });
      } else if (UNREACHABLE_CODES.has(error.code)) {
        this.update({ status: { kind: 'local-only', at: this.now() } });
        this.scheduleAutosave(RETRY_DELAY_MS);
      } else {
        this.update({ status: { kind: 'failed', error } });
      }
      this.scheduleDraft();
      return false;
    }
  }

  private scheduleDraft(): void {
    if (this.draftTimer !== undefined) this.timers.clearTimeout(this.draftTimer);
    this.draftTimer = this.timers.setTimeout(() => {
      this.draftTimer = undefined;
      void this.writeDraft();
    }, DRAFT_DELAY_MS);
  }

  private async writeDraft(): Promise<void> {
    const draft: ChartDraft = {
      document: this.deps.snapshot(this.state.meta),
      ...(this.state.version !== undefined ? { savedVersion: this.state.version } : {}),
      dirty: this.dirty,
      writtenAt: this.now().toISOString(),
    };
    try {
      await this.deps.drafts.save(draft);
    } catch (error) {
      this.deps.onDraftError(error);
    }
  }

  /**
   * Autosave only charts that already live in the database, never while a conflict waits for the analyst, and
   * never an emptied chart: clearing the screen should not wipe the team's copy without an explicit Save.
   */
  private scheduleAutosave(delay: number): void {
    this.cancelAutosave();
    if (this.state.version === undefined || this.state.status.kind === 'conflict') return;
    this.autosaveTimer = this.timers.setTimeout(() => {
      this.autosaveTimer = undefined;
      if (!this.dirty || this.state.status.kind === 'conflict' || this.deps.isEmpty()) return;
      void this.saveNow();
    }, delay);
  }

  private cancelAutosave(): void {
    if (this.autosaveTimer !== undefined) this.timers.clearTimeout(this.autosaveTimer);
    this.autosaveTimer = undefined;
  }

  private cancelTimers(): void {
    this.cancelAutosave();
    if (this.draftTimer !== undefined) this.timers.clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
  }

  private update(patch: Partial<ChartSessionState>): void {
    this.state = { ...this.state, ...patch };
    this.deps.onStateChange(this.state);
  }
}

/** The status line next to the chart title. */
export function describeSaveStatus(status: SaveStatus): string {
  switch (status.kind) {
    case 'new':
      return t('savedCharts:status.new');
    case 'unsaved':
      return t('savedCharts:status.unsaved');
    case 'saving':
      return t('savedCharts:status.saving');
    case 'saved':
      return t('savedCharts:status.saved', { time: clockTime(status.at) });
    case 'local-only':
      return t('savedCharts:status.localOnly');
    case 'conflict':
      return t('savedCharts:status.conflict');
    case 'failed':
      return t('savedCharts:status.failed', { reason: localiseError(status.error).message });
  }
}

export function clockTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
