import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChartListing } from '../../../contract/api';
import type { ChartDocument } from '../../../contract/chart';
import { AUTOSAVE_IDLE_MS, ChartSession, DRAFT_DELAY_MS, RETRY_DELAY_MS, UNTITLED, describeSaveStatus, shownTitle, type ChartSessionState } from './chart-session';
import { i18n } from '../i18n';
import { memoryDraftStore } from './draft-store';

/** A stand-in for the saveChart operation with the database's version rule (the real one is tested in integration). */
function fakeDatabase() {
  const versions = new Map<string, number>();
  let reachable = true;
  const saves: { chart: ChartDocument; expectedVersion?: number }[] = [];
  return {
    saves,
    setReachable: (value: boolean) => (reachable = value),
    bumpByColleague: (id: string) => versions.set(id, (versions.get(id) ?? 0) + 1),
    async saveChart(chart: ChartDocument, expectedVersion?: number): Promise<ChartListing> {
      if (!reachable) throw { code: 'DB_UNAVAILABLE', message: 'The database is not reachable.' };
      const current = versions.get(chart.id) ?? 0;
      if (expectedVersion !== undefined && expectedVersion !== current) throw { code: 'CONFLICT', message: `Someone saved "${chart.title}" after you opened it.` };
      versions.set(chart.id, current + 1);
      saves.push({ chart, expectedVersion });
      return { id: chart.id, title: chart.title, version: current + 1, updatedAt: '', entityCount: chart.entities.length, linkCount: 0 };
    },
  };
}

function setup() {
  const db = fakeDatabase();
  const drafts = memoryDraftStore();
  let entities = 0;
  let nextId = 1;
  const states: ChartSessionState[] = [];
  const session = new ChartSession({
    saveChart: db.saveChart,
    snapshot: (meta) => ({ format: 'schakel-chart', version: 1, id: meta.id, title: meta.title, entities: Array.from({ length: entities }, (_, i) => ({ id: `E${i}`, type: 'Person', label: '', properties: {} })), links: [] }),
    isEmpty: () => entities === 0,
    drafts,
    newChartId: () => `chart-${nextId++}`,
    onStateChange: (state) => states.push(state),
    onDraftError: () => undefined,
    now: () => new Date(2024, 4, 1, 14, 2),
  });
  const draw = (count = 1) => {
    entities += count;
    session.contentChanged();
  };
  const clearChart = () => {
    entities = 0;
    session.contentChanged();
  };
  return { db, drafts, session, draw, clearChart, status: () => describeSaveStatus(session.current.status) };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ChartSession', () => {
  it('keeps every change in the local draft, and asks for a title before the first database save', async () => {
    const { session, drafts, draw, db, status } = setup();
    expect(status()).toBe('Not saved yet');
    draw(2);
    expect(status()).toBe('Unsaved changes');
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    expect((await drafts.load())?.document.entities).toHaveLength(2);
    expect((await drafts.load())?.dirty).toBe(true);
    // Never saved: no autosave to the database, and Save needs a title.
    await vi.advanceTimersByTimeAsync(AUTOSAVE_IDLE_MS * 2);
    expect(db.saves).toHaveLength(0);
    expect(await session.save()).toBe('needs-title');
    expect(await session.saveAs('Cel Antwerpen')).toBe(true);
    expect(session.current).toMatchObject({ meta: { title: 'Cel Antwerpen' }, version: 1 });
    expect(status()).toBe('Saved 14:02');
    await vi.advanceTimersByTimeAsync(DRAFT_DELAY_MS);
    expect((await drafts.load())?.dirty).toBe(false);
  });

  it('autosaves a saved chart after an idle delay, with the version it is based on', async () => {
    const { session, draw, db } = setup();
    draw();
    await session.saveAs('Cel');
    draw();
    draw();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_IDLE_MS - 1);
    expect(db.saves).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(db.saves).toHaveLength(2);
    expect(db.saves[1].expectedVersion).toBe(1);
    expect(db.saves[1].chart.entities).toHaveLength(3);
    expect(session.current.version).toBe(2);
  });

  it('says the chart is saved locally when the database is unreachable, and retries', async () => {
    const { session, draw, db, status, drafts } = setup();
    draw();
    await session.saveAs('Cel');
    db.setReachable(false);
    draw();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_IDLE_MS);
    expect(status()).toBe('Saved locally — database unreachable');
    expect((await drafts.load())?.document.entities).toHaveLength(2);
    db.setReachable(true);
    await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS);
    expect(status()).toBe('Saved 14:02');
    expect(db.saves.at(-1)?.chart.entities).toHaveLength(2);
  });

  it('stops on a colleague’s newer save and can save a copy instead', async () => {
    const { session, draw, db, status } = setup();
    draw();
    await session.saveAs('Gedeeld');
    const id = session.current.meta.id;
    db.bumpByColleague(id);
    draw();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_IDLE_MS);
    expect(status()).toBe('Not saved — a colleague saved a newer version');
    draw();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_IDLE_MS * 3);
    expect(db.saves).toHaveLength(1); // no autosave while the conflict waits
    expect(await session.saveAsCopy()).toBe(true);
    expect(session.current.meta).toMatchObject({ title: 'Gedeeld (copy)' });
    expect(session.current.meta.id).not.toBe(id);
    expect(status()).toBe('Saved 14:02');
  });

  it('names the copy and an unnamed chart in the interface language', async () => {
    await i18n.changeLanguage('fr-BE');
    try {
      expect(shownTitle(UNTITLED)).toBe('Graphique sans titre');
      expect(shownTitle('Gedeeld')).toBe('Gedeeld');
      const { session, draw, db } = setup();
      draw();
      await session.saveAs('Gedeeld');
      db.bumpByColleague(session.current.meta.id);
      draw();
      await vi.advanceTimersByTimeAsync(AUTOSAVE_IDLE_MS);
      expect(await session.saveAsCopy()).toBe(true);
      expect(session.current.meta).toMatchObject({ title: 'Gedeeld (copie)' });
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('does not autosave an emptied chart over the database copy', async () => {
    const { session, draw, clearChart, db } = setup();
    draw(3);
    await session.saveAs('Cel');
    clearChart();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_IDLE_MS * 2);
    expect(db.saves).toHaveLength(1);
    expect(session.hasUnsavedChanges).toBe(true);
  });

  it('follows a rename of the chart on screen and detaches from a deleted one', async () => {
    const { session, draw } = setup();
    draw();
    await session.saveAs('Oud');
    session.renamed({ id: session.current.meta.id, title: 'Nieuw', version: 2, updatedAt: '', entityCount: 1, linkCount: 0 });
    expect(session.current).toMatchObject({ meta: { title: 'Nieuw' }, version: 2 });
    const id = session.current.meta.id;
    session.deleted(id);
    expect(session.current.version).toBeUndefined();
    expect(session.current.meta.id).not.toBe(id);
    expect(session.current.meta.title).toBe('Nieuw');
  });
});
