// Notices about the chart itself (what a reopened chart is missing, a save conflict, an unsaved draft, a path
// that does not exist): plain sentences with the actions that resolve them, shown above the chart until
// dismissed. API failures go to the alert area instead.
import { useCallback, useMemo, useState } from 'react';

export interface NoticeAction {
  label: string;
  run: () => void | Promise<unknown>;
}

export interface ChartNotice {
  /** A notice with the same key replaces the previous one (e.g. the latest path result). */
  key: string;
  tone: 'info' | 'warning';
  text: string;
  actions?: NoticeAction[];
}

export interface ChartNotices {
  notices: ChartNotice[];
  show: (notice: ChartNotice) => void;
  dismiss: (key: string) => void;
}

export function useChartNotices(): ChartNotices {
  const [notices, setNotices] = useState<ChartNotice[]>([]);
  const show = useCallback((notice: ChartNotice) => {
    setNotices((current) => [...current.filter((n) => n.key !== notice.key), notice]);
  }, []);
  const dismiss = useCallback((key: string) => setNotices((current) => current.filter((n) => n.key !== key)), []);
  return useMemo(() => ({ notices, show, dismiss }), [notices, show, dismiss]);
}
