// The analyst's own layer in the details panel: analyst links and notes of the selected entity or link,
// their grading, who made them and their history; retracted ones stay listed.
import { useTranslation } from 'react-i18next';
import { useCallback, useState } from 'react';
import type { AnnotationWriteResult, IdentityInfo } from '../../../contract/annotations';
import type { WorkbenchApi } from '../../../contract/api';
import type { LinkSummary } from '../../../contract/model';
import type { ChartController } from '../chart/chart-controller';
import { formatDateTime, gradingCode } from '../ui/format';
import { AnalystLinkDialog } from './AnalystLinkDialog';
import { AnalystLinkEditor } from './AnalystLinkEditor';
import { useChartMentionCandidates } from './chart-mentions';
import { putLinkOnChart, removeLinkFromChart } from './chart-sync';
import { ChartMentionCandidates } from './MentionTextarea';
import { RevisionLine } from './HistoryList';
import { NotesBlock } from './NotesBlock';
import { useAnnotations } from './use-annotations';

export type AnnotatedSelection = { kind: 'entity'; id: string; label: string } | { kind: 'link'; link: LinkSummary };

interface Props {
  api: WorkbenchApi;
  chart: ChartController | undefined;
  selection: AnnotatedSelection;
  identity: IdentityInfo | undefined;
  onError: (error: unknown) => void;
}

export function AnnotationsSection({ api, chart, selection, identity, onError }: Props) {
  const { t } = useTranslation('annotations');
  const targetId = selection.kind === 'entity' ? selection.id : selection.link.id;
  const { list, reload } = useAnnotations(api, targetId, onError);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string>();
  const readOnly = identity?.mayAnnotate === false;
  const scheme = identity?.gradingScheme ?? 'eu-4x4';
  const mentionCandidates = useChartMentionCandidates(chart);

  const afterWrite = useCallback(
    async (result: AnnotationWriteResult) => {
      setNotice(result.pending ? result.message : undefined);
      if (result.link && chart && chart.entity(result.link.source) && chart.entity(result.link.target)) await putLinkOnChart(chart, result.link);
      reload();
    },
    [chart, reload],
  );

  /** Selecting the link shows its editor and history in this panel. */
  const selectOnChart = (id: string) => {
    if (!chart) return;
    chart.cy.elements(':selected').unselect();
    chart.cy.getElementById(id).select();
  };
  const labelOf = (id: string) => chart?.entity(id)?.label ?? list?.mentionLabels[id] ?? id;
  const analystLink = selection.kind === 'link' && selection.link.type === 'ANALYST_LINK' ? list?.links.find((l) => l.id === selection.link.id) : undefined;

  return (
    <ChartMentionCandidates.Provider value={mentionCandidates}>
    <div className="annotations-section">
      {notice ? (
        <p className="annotation-notice" role="status">
          {notice}
        </p>
      ) : null}
      {analystLink ? (
        <AnalystLinkEditor
          api={api}
          record={analystLink}
          scheme={scheme}
          readOnly={readOnly}
          onSaved={(result) => void afterWrite(result)}
          onRetracted={(id, result) => {
            setNotice(result.pending ? result.message : t('editor.retracted'));
            if (chart) removeLinkFromChart(chart, id);
          }}
        />
      ) : null}
      {selection.kind === 'entity' ? (
        <section aria-label={t('section.links')}>
          <h3>{t('section.links')}</h3>
          {list?.links.length ? (
            <ul className="analyst-link-list">
              {list.links.map((link) => {
                const other = link.fromId === selection.id ? link.toId : link.fromId;
                return (
                  <li key={link.id}>
                    {link.fromId === selection.id ? '→' : '←'} {labelOf(other)} · {t(`status.${link.status}`)} · {gradingCode(link.sourceReliability, link.informationReliability)} {link.handling} · {link.createdBy}{' '}
                    {chart?.link(link.id) ? (
                      <button type="button" aria-label={t('section.openLinkTo', { label: labelOf(other) })} onClick={() => selectOnChart(link.id)}>
                        {t('section.open')}
                      </button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="muted">{list ? t('section.noLinks') : t('common:loading')}</p>
          )}
          {readOnly ? null : (
            <button type="button" onClick={() => setCreating(true)}>
              {t('section.newLink')}
            </button>
          )}
          {creating ? (
            <AnalystLinkDialog api={api} scheme={scheme} from={{ id: selection.id, label: selection.label }} onClose={() => setCreating(false)} onCreated={(result) => void afterWrite(result)} />
          ) : null}
        </section>
      ) : null}
      {list ? (
        <NotesBlock
          api={api}
          targetId={targetId}
          targetKind={selection.kind}
          notes={list.notes}
          labels={list.mentionLabels}
          readOnly={readOnly}
          onChanged={(result) => void afterWrite(result)}
          onMention={(id) => chart?.selectEntity(id)}
        />
      ) : null}
      {list?.retracted.length ? (
        <section aria-label={t('section.retracted')}>
          <h3>{t('section.retracted')}</h3>
          <ol className="revision-list">
            {list.retracted.map((revision) => (
              <RevisionLine key={`${revision.annotationId}-${revision.version}`} revision={{ ...revision, changes: [{ field: revision.kind === 'link' ? t('section.analystLink') : t('section.note'), before: revision.annotationId, after: t('section.retractedAt', { at: formatDateTime(revision.at) }) }] }} />
            ))}
          </ol>
        </section>
      ) : null}
    </div>
    </ChartMentionCandidates.Provider>
  );
}
