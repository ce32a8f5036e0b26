// "Review matches": the entity-resolution queue. Each candidate pair is shown side by side with the fields
// that agreed (green) or disagreed (red), the evidence weights and both records' sources; the analyst confirms,
// rejects or defers it with a reason, and can undo a decision. Confirming creates a reversible SAME_AS link.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { entityTypeName } from '../i18n/vocabulary';
import { useCallback, useEffect, useState } from 'react';
import type { EntitySummary, WorkbenchApi } from '../../../contract/api';
import type { MatchCandidateView, MatchDecision, MatchStatus, MatchType, ResolutionRunMark } from '../../../contract/resolution';
import { BulkDecisionBar } from './BulkDecisionBar';
import { EvidenceList } from './EvidenceList';
import { CountryBadge } from '../ui/CountryBadge';
import { formatDateTime, formatNumber, formatValue, propertyName } from '../ui/format';

const STATUSES: MatchStatus[] = ['pending', 'deferred', 'confirmed', 'rejected'];
const TYPES: (MatchType | '')[] = ['', 'Person', 'Vehicle', 'Phone'];
const SHOWN_FIELDS: Record<MatchType, string[]> = {
  Person: ['givenName', 'familyName', 'dateOfBirth', 'gender', 'nationalNumber', 'bsn', 'identifierValid', 'nationality'],
  Vehicle: ['plate', 'plateCountry', 'vin', 'make', 'model', 'colour', 'stolen'],
  Phone: ['number', 'e164', 'imei', 'imsi', 'kind'],
};
/** Evidence fields → the record properties they speak about, for highlighting. */
const EVIDENCE_FIELDS: Record<string, string[]> = {
  name: ['givenName', 'familyName'],
  number: ['number', 'e164'],
};

/** The run time in the analyst's language and Brussels time, like every other time on screen. */
function lastRunLine(t: TFunction<'review'>, run: ResolutionRunMark): string {
  const values = { at: formatDateTime(run.at), candidates: t('candidateCount', { count: run.proposed }), added: formatNumber(run.added) };
  return run.mode === 'new-records' ? t('lastRanImport', values) : t('lastRan', values);
}

interface Props {
  api: WorkbenchApi;
  onError: (error: unknown) => void;
  /** Puts both records of a pair (and their SAME_AS link, once confirmed) on the chart. */
  onShowOnChart?: (records: EntitySummary[]) => void;
  onClose: () => void;
}

export function ReviewPanel({ api, onError, onShowOnChart, onClose }: Props) {
  const { t } = useTranslation('review');
  const [status, setStatus] = useState<MatchStatus>('pending');
  const [type, setType] = useState<MatchType | ''>('');
  const [candidates, setCandidates] = useState<MatchCandidateView[]>([]);
  const [total, setTotal] = useState(0);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [lastRun, setLastRun] = useState<ResolutionRunMark | undefined>();
  const [loaded, setLoaded] = useState(false);
  const [revision, setRevision] = useState(0);

  const load = useCallback(async () => {
    try {
      const result = await api.listMatchCandidates({ status, ...(type ? { type } : {}), limit: 25, offset: 0 });
      setCandidates(result.candidates);
      setTotal(result.total);
      setLastRun(result.lastRun);
      setLoaded(true);
      setRevision((r) => r + 1);
    } catch (error) {
      onError(error);
    }
  }, [api, status, type, onError]);

  useEffect(() => {
    void load();
  }, [load]);

  const run = async () => {
    setBusy(true);
    try {
      const result = await api.runResolution({});
      const compared = Object.values(result.byType).reduce((n, byType) => n + (byType?.compared ?? 0), 0);
      setMessage(t('ran', { compared: formatNumber(compared), proposed: formatNumber(result.proposed), added: formatNumber(result.added), threshold: formatNumber(result.threshold) }));
      await load();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const act = async (candidate: MatchCandidateView, action: MatchDecision | 'undo', reason: string) => {
    setBusy(true);
    try {
      const updated = action === 'undo' ? await api.undoMatchDecision({ id: candidate.id, reason }) : await api.decideMatch({ id: candidate.id, decision: action, reason });
      setMessage(t('decided', { pair: `${candidate.left.entity.label} ~ ${candidate.right.entity.label}`, status: t(`statusName.${updated.status}`) }));
      await load();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="review-panel" aria-label={t('panel')}>
      <header className="review-header">
        <h2>{t('title')}</h2>
        <label>
          {t('status')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as MatchStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`statusName.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('type')}{' '}
          <select value={type} onChange={(e) => setType(e.target.value as MatchType | '')}>
            {TYPES.map((option) => (
              <option key={option} value={option}>
                {option ? entityTypeName(option) : t('allTypes')}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void run()} disabled={busy}>
          {t('find')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common:close')}
        </button>
      </header>
      <p className="review-status" role="status">
        {message || (loaded ? t('count', { count: total, status: t(`statusName.${status}`) }) : '')}
      </p>
      {loaded ? <p className="review-last-run">{lastRun ? lastRunLine(t, lastRun) : t('neverRan')}</p> : null}
      <BulkDecisionBar
        api={api}
        status={status}
        type={type}
        busy={busy}
        revision={revision}
        onError={onError}
        onDecided={async (done) => {
          setMessage(done);
          await load();
        }}
      />
      <ol className="review-list">
        {candidates.map((candidate) => (
          <CandidateCard key={candidate.id} candidate={candidate} busy={busy} onAct={act} onShowOnChart={onShowOnChart} />
        ))}
      </ol>
    </section>
  );
}

function CandidateCard({
  candidate,
  busy,
  onAct,
  onShowOnChart,
}: {
  candidate: MatchCandidateView;
  busy: boolean;
  onAct: (candidate: MatchCandidateView, action: MatchDecision | 'undo', reason: string) => Promise<void>;
  onShowOnChart?: (records: EntitySummary[]) => void;
}) {
  const { t } = useTranslation('review');
  const [reason, setReason] = useState('');
  const verdict = new Map<string, 'agree' | 'disagree'>();
  for (const e of candidate.evidence) {
    for (const field of EVIDENCE_FIELDS[e.field] ?? [e.field]) verdict.set(field, e.weight >= 0 ? 'agree' : 'disagree');
  }
  const title = `${candidate.left.entity.label} ~ ${candidate.right.entity.label}`;
  const decided = candidate.status === 'confirmed' || candidate.status === 'rejected' || candidate.status === 'deferred';
  return (
    <li className="review-card" aria-label={t('candidate', { title })}>
      <div className="review-score">
        {entityTypeName(candidate.type)} · {t('score')} <strong>{formatNumber(Math.round(candidate.score * 10) / 10)}</strong>
        {candidate.decidedBy ? t('decidedBy', { status: t(`statusName.${candidate.status}`), by: candidate.decidedBy }) : ''}
        {candidate.decidedBy && candidate.reason ? `: ${candidate.reason}` : ''}
      </div>
      <table className="review-records">
        <thead>
          <tr>
            <th scope="col">{t('field')}</th>
            {[candidate.left, candidate.right].map((side) => (
              <th scope="col" key={side.entity.id}>
                {side.entity.label} <CountryBadge country={side.entity.country} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {SHOWN_FIELDS[candidate.type].map((field) => {
            const a = candidate.left.entity.properties[field];
            const b = candidate.right.entity.properties[field];
            if ((a === undefined || a === null) && (b === undefined || b === null)) return null;
            const state = verdict.get(field);
            return (
              <tr key={field} className={state ? `review-${state}` : undefined}>
                <th scope="row">{propertyName(field)}</th>
                <td>{a === undefined || a === null ? '—' : formatValue(a)}</td>
                <td>{b === undefined || b === null ? '—' : formatValue(b)}</td>
              </tr>
            );
          })}
          <tr className="review-sources">
            <th scope="row">{t('source')}</th>
            {[candidate.left, candidate.right].map((side) => (
              <td key={side.entity.id}>
                {side.provenance.map((p) => `${p.country ?? ''} ${p.agency ?? ''} · ${p.caseReference ?? p.caseId ?? ''} · ${p.file ?? p.kind ?? ''}${p.row ? ` ${t('row', { row: p.row })}` : ''}`).join('; ') || '—'}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <EvidenceList evidence={candidate.evidence} className="review-evidence" label={t('evidence')} />
      <div className="review-actions">
        <label>
          {t('reason')} <input value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('reasonFor', { title })} />
        </label>
        {decided && candidate.status !== 'deferred' ? (
          <button type="button" disabled={busy} onClick={() => void onAct(candidate, 'undo', reason)}>
            {t('undo')}
          </button>
        ) : (
          <>
            <button type="button" disabled={busy} onClick={() => void onAct(candidate, 'confirm', reason)}>
              {t('confirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => void onAct(candidate, 'reject', reason)}>
              {t('reject')}
            </button>
            {candidate.status === 'pending' ? (
              <button type="button" disabled={busy} onClick={() => void onAct(candidate, 'defer', reason)}>
                {t('defer')}
              </button>
            ) : null}
          </>
        )}
        {onShowOnChart ? (
          <button type="button" onClick={() => onShowOnChart([candidate.left.entity, candidate.right.entity])}>
            {t('showOnChart')}
          </button>
        ) : null}
      </div>
    </li>
  );
}
