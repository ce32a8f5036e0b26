// Bulk decisions in the review queue: confirm or reject every candidate of the current status and type scoring
// at least a chosen score, with one justification (audited once, stored on each decision). The bar says how
// many candidates that is before anything is decided; each decision stays undoable on its own card.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkbenchApi } from '../../../contract/api';
import type { BulkDecision, MatchStatus, MatchType } from '../../../contract/resolution';


interface Props {
  api: WorkbenchApi;
  status: MatchStatus;
  type: MatchType | '';
  busy: boolean;
  /** Bumped by the panel whenever the queue changed, so the count is read again. */
  revision: number;
  onDecided: (message: string) => Promise<void>;
  onError: (error: unknown) => void;
}

export function BulkDecisionBar({ api, status, type, busy, revision, onDecided, onError }: Props) {
  const { t } = useTranslation('review');
  const [minScore, setMinScore] = useState('');
  const [justification, setJustification] = useState('');
  const [count, setCount] = useState<number | null>(null);
  const [working, setWorking] = useState(false);
  const score = minScore.trim() === '' ? NaN : Number(minScore);
  const decidable = status === 'pending' || status === 'deferred';

  useEffect(() => {
    if (!decidable || !Number.isFinite(score)) {
      setCount(null);
      return;
    }
    let current = true;
    api
      .listMatchCandidates({ status, ...(type ? { type } : {}), minScore: score, limit: 1, offset: 0 })
      .then((result) => current && setCount(result.total))
      .catch(onError);
    return () => {
      current = false;
    };
  }, [api, status, type, score, decidable, revision, onError]);

  if (!decidable) return null;
  const ready = !busy && !working && Number.isFinite(score) && (count ?? 0) > 0 && justification.trim().length >= 3;

  const decide = async (decision: BulkDecision) => {
    if (status !== 'pending' && status !== 'deferred') return;
    setWorking(true);
    try {
      const result = await api.decideMatches({ decision, justification, status, ...(type ? { type } : {}), minScore: score });
      setJustification('');
      await onDecided(t(decision === 'confirm' ? 'bulkConfirmed' : 'bulkRejected', { count: result.decided }));
    } catch (error) {
      onError(error);
    } finally {
      setWorking(false);
    }
  };

  return (
    <fieldset className="review-bulk">
      <legend>{t('bulkLegend')}</legend>
      <label>
        {t('bulkMinScore')} <input type="number" step="0.5" value={minScore} onChange={(e) => setMinScore(e.target.value)} />
      </label>
      <label>
        {t('bulkJustification')} <input value={justification} onChange={(e) => setJustification(e.target.value)} />
      </label>
      {count !== null ? <span className="review-bulk-count">{t('bulkCount', { count, score: minScore })}</span> : null}
      <button type="button" disabled={!ready} onClick={() => void decide('confirm')}>
        {t('confirmAll')}
      </button>
      <button type="button" disabled={!ready} onClick={() => void decide('reject')}>
        {t('rejectAll')}
      </button>
    </fieldset>
  );
}
