// The local draft: every change to the chart is written here first, so nothing drawn is lost when the app
// crashes or the database goes away. IndexedDB (through idb-keyval) rather than localStorage because a big
// chart is several megabytes, beyond localStorage's quota.
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { ChartDocument } from '../../../contract/chart';

export interface ChartDraft {
  document: ChartDocument;
  /** Database version the draft was based on; absent when the chart was never saved to the database. */
  savedVersion?: number;
  /** True while the draft holds changes the database does not have. */
  dirty: boolean;
  /** ISO-8601, when the draft was written. */
  writtenAt: string;
}

export interface DraftStore {
  load(): Promise<ChartDraft | undefined>;
  save(draft: ChartDraft): Promise<void>;
  clear(): Promise<void>;
}

const DRAFT_KEY = 'current-chart';

export function indexedDbDraftStore(): DraftStore {
  let store: UseStore | undefined;
  const db = () => (store ??= createStore('schakel-drafts', 'charts'));
  return {
    load: async () => (await get<ChartDraft>(DRAFT_KEY, db())) ?? undefined,
    save: (draft) => set(DRAFT_KEY, draft, db()),
    clear: () => del(DRAFT_KEY, db()),
  };
}

/** For tests and for pages where IndexedDB is unavailable: a draft that lives as long as the page. */
export function memoryDraftStore(): DraftStore {
  let current: ChartDraft | undefined;
  return {
    load: async () => (current ? structuredClone(current) : undefined),
    save: async (draft) => {
      current = structuredClone(draft);
    },
    clear: async () => {
      current = undefined;
    },
  };
}

export function browserDraftStore(): DraftStore {
  return typeof indexedDB === 'undefined' ? memoryDraftStore() : indexedDbDraftStore();
}
