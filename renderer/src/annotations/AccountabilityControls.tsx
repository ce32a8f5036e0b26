// The few pieces of the annotation layer that sit in the app's frame: who is working (top bar) with the
// audit log viewer, and the chart tools (link the two selected entities; filter by grading).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { AnnotationWriteResult, IdentityInfo } from '../../../contract/annotations';
import type { WorkbenchApi } from '../../../contract/api';
import type { ChartController } from '../chart/chart-controller';
import { AuditViewer } from '../audit/AuditViewer';
import { AnalystLinkDialog } from './AnalystLinkDialog';
import { useChartMentionCandidates } from './chart-mentions';
import { putLinkOnChart } from './chart-sync';
import { ChartMentionCandidates } from './MentionTextarea';
import { GradingFilter } from './GradingFilter';

/** Where the name and role come from: never typed in, so the chip explains it instead of offering an edit. */
function identityTitle(identity: IdentityInfo, t: TFunction<'annotations'>): string {
  return t('identity.origin', {
    name: t(`identity.nameSource.${identity.source}`),
    role: t(`identity.role.${identity.role}`),
    roleSource: t(`identity.roleSource.${identity.roleSource}`),
  });
}

export function IdentityAndAudit({ api, identity }: { api: WorkbenchApi; identity: IdentityInfo | undefined }) {
  const [auditOpen, setAuditOpen] = useState(false);
  const { t } = useTranslation('annotations');
  return (
    <>
      {identity ? (
        <span className="identity-chip" aria-label={t('workingAs')} title={identityTitle(identity, t)}>
          {identity.name}
          {identity.role !== 'analyst' ? t('roleSuffix', { role: t(`identity.role.${identity.role}`) }) : ''}
        </span>
      ) : null}
      <button type="button" onClick={() => setAuditOpen(true)}>
        {t('auditLog')}
      </button>
      {auditOpen ? <AuditViewer api={api} open={auditOpen} onClose={() => setAuditOpen(false)} /> : null}
    </>
  );
}

interface ChartToolsProps {
  api: WorkbenchApi;
  chart: ChartController | undefined;
  identity: IdentityInfo | undefined;
  selectedIds: string[];
  contentKey: unknown;
  onCreated: (result: AnnotationWriteResult) => void;
}

export function AnnotationChartTools({ api, chart, identity, selectedIds, contentKey, onCreated }: ChartToolsProps) {
  const [linking, setLinking] = useState<[string, string]>();
  const { t } = useTranslation('annotations');
  const scheme = identity?.gradingScheme ?? 'eu-4x4';
  const canLink = selectedIds.length === 2 && identity?.mayAnnotate === true;
  const end = (id: string) => ({ id, label: chart?.entity(id)?.label ?? id });
  const mentionCandidates = useChartMentionCandidates(chart);
  return (
    <div className="annotation-chart-tools">
      <button type="button" disabled={!canLink} onClick={() => setLinking([selectedIds[0], selectedIds[1]])} title={t('linkSelectedTitle')}>
        {t('linkSelected')}
      </button>
      <GradingFilter chart={chart} scheme={scheme} contentKey={contentKey} />
      {linking ? (
        <ChartMentionCandidates.Provider value={mentionCandidates}>
        <AnalystLinkDialog
          api={api}
          scheme={scheme}
          from={end(linking[0])}
          to={end(linking[1])}
          onClose={() => setLinking(undefined)}
          onCreated={(result) => {
            if (result.link && chart) void putLinkOnChart(chart, result.link).then(() => chart.cy.getElementById(result.link!.id).select());
            onCreated(result);
          }}
        />
        </ChartMentionCandidates.Provider>
      ) : null}
    </div>
  );
}
