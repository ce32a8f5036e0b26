// "Export…" (Ctrl+E): the court-ready export. Asks what a disclosure needs — justification and recipient
// (required), the cover sheet (title, case reference, author, organisation, classification, comments), the
// formats and paper — shows the items with handling code H1/H2 and lets the analyst leave them out, stop,
// or record the provider's permission. Afterwards it lists the files with their SHA-256 for download and
// verification (ExportResult).
import { i18n } from '../i18n';
import { useTranslation } from 'react-i18next';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useModalDialog } from '../ui/use-modal-dialog';
import type { WorkbenchApi } from '../../../contract/api';
import type { ChartDocument } from '../../../contract/chart';
import type { ExportLanguage, ExportLanguageChoice, ServerExportFormat } from '../../../contract/export-requests';
import { toClientError, type WorkbenchClientError } from '../api/client-error';
import type { EntitySummary } from '../../../contract/model';
import type { ChartMeta } from '../saved-charts/chart-document';
import { shownTitle, UNTITLED } from '../saved-charts/chart-session';
import { caseReferenceOf, equivalentMarking, languageMemory, proposedLanguage, withMergedRecords } from './export-choices';
import { PNG_RESOLUTIONS } from './paper';
import { restrictedItems } from './restricted-items';
import { runCourtExport, type ExportForm, type ExportOutcome } from './run-export';
import { ExportResult } from './ExportResult';

interface Props {
  api: WorkbenchApi;
  open: boolean;
  /** The chart as shown (the detailed chart, or the WebGL overview while it is shown) as a document. */
  snapshotOf: (meta: ChartMeta) => ChartDocument | undefined;
  /** The chart's identity when it was saved or opened; otherwise an unsaved chart. */
  chartMeta?: { id: string; title: string };
  /** Collapsed duplicates on the chart, with the records each stands for. */
  merged?: ReadonlyMap<string, { records: EntitySummary[] }>;
  selectedIds: readonly string[];
  onClose: () => void;
}


const NO_MERGED: ReadonlyMap<string, { records: EntitySummary[] }> = new Map();
/** The marking level proposed for a new export: "Vertrouwelijk / Confidentiel" (index 1 of each set). */
const DEFAULT_MARKING_LEVEL = 1;

const FORMAT_CHOICES: (ServerExportFormat | 'png')[] = ['pdf', 'svg', 'png', 'graphml', 'anx', 'json'];

/** Until the backend has listed the export languages and their markings. */
const FALLBACK_MARKINGS = ['VERTROUWELIJK', 'CONFIDENTIEL', 'CONFIDENTIAL', 'GEHEIM', 'SECRET', 'BEPERKTE VERSPREIDING', 'DIFFUSION RESTREINTE'];

const PREFERENCES: Pick<ExportForm, 'formats' | 'png' | 'pngDpi' | 'pageSize' | 'orientation' | 'fit' | 'mapPage'> = {
  formats: ['pdf', 'svg', 'graphml', 'anx', 'json'],
  png: true,
  pngDpi: 150,
  pageSize: 'A4',
  orientation: 'landscape',
  fit: 'fit',
  mapPage: false,
};

/**
 * The form for one export of one chart: what belongs to the chart (title, case reference) comes from it,
 * what belongs to a disclosure (justification, recipient, permission) starts empty every time, and only
 * the analyst's preferences (formats, paper, resolution) carry over from the previous export.
 */
function formFor(chart: { title: string; caseReference: string; language: ExportLanguage; classification: string }, preferences = PREFERENCES): ExportForm {
  return {
    ...preferences,
    title: chart.title,
    caseReference: chart.caseReference,
    author: '',
    organisation: '',
    classification: chart.classification,
    comments: '',
    justification: '',
    recipient: '',
    selectionOnly: false,
    restrictedMode: 'omit',
    permissionGiven: false,
    permissionBy: '',
    permissionReference: '',
    language: chart.language,
  };
}

function markingsOf(languages: readonly ExportLanguageChoice[], language: ExportLanguage): string[] {
  return languages.find((choice) => choice.language === language)?.markings ?? FALLBACK_MARKINGS;
}

export function ExportDialog({ api, open, snapshotOf, chartMeta, merged = NO_MERGED, selectedIds, onClose }: Props) {
  const { t } = useTranslation('courtExport');
  const ids = useId();
  const chart = chartMeta ?? { id: 'unsaved-chart', title: UNTITLED };
  const meta = { ...chart, title: shownTitle(chart.title) };
  const memory = useMemo(() => languageMemory(), []);
  const [form, setForm] = useState<ExportForm>(() => formFor({ title: meta.title, caseReference: '', language: 'en', classification: FALLBACK_MARKINGS[0]! }));
  const [snapshot, setSnapshot] = useState<ChartDocument>();
  const [exportsFolder, setExportsFolder] = useState<string>();
  const [languages, setLanguages] = useState<ExportLanguageChoice[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<WorkbenchClientError>();
  const [outcome, setOutcome] = useState<ExportOutcome>();

  const set = <K extends keyof ExportForm>(key: K, value: ExportForm[K]) => setForm((current) => ({ ...current, [key]: value }));

  // Only on opening: the snapshot must not change under the analyst's hands.
  const dialogRef = useModalDialog(open, () => {
    // A snapshot of the chart as it is now: what the dialog shows is what gets exported.
    const shown = snapshotOf(meta);
    const document = shown ? withMergedRecords(shown, merged) : undefined;
    setSnapshot(document);
    setOutcome(undefined);
    setError(undefined);
    const caseReference = document ? caseReferenceOf(document) : '';
    const proposeFor = (offered: ExportLanguageChoice[]) => {
      const language = document ? proposedLanguage(document, memory.get(caseReference), offered) : 'en';
      return { language, classification: markingsOf(offered, language)[DEFAULT_MARKING_LEVEL] ?? FALLBACK_MARKINGS[0]! };
    };
    const proposal = proposeFor(languages);
    setForm((current) => formFor({ title: meta.title, caseReference, ...proposal }, current));
    void prefillAuthor(api).then(({ author, folder, languages: offered }) => {
      setExportsFolder(folder);
      if (offered.length > 0 && languages.length === 0) {
        setLanguages(offered);
        const first = proposeFor(offered);
        // Only what the analyst has not changed yet follows the backend's list.
        setForm((current) =>
          current.language === proposal.language && current.classification === proposal.classification ? { ...current, ...first } : current,
        );
      }
      if (author) setForm((current) => (current.author ? current : { ...current, author }));
    });
  });

  const selection = useMemo(() => (form.selectionOnly && selectedIds.length > 0 ? new Set(selectedIds) : undefined), [form.selectionOnly, selectedIds]);
  const restricted = useMemo(() => (snapshot ? restrictedItems(snapshot, selection) : []), [snapshot, selection]);

  const toggleFormat = (format: ServerExportFormat | 'png', on: boolean) => {
    if (format === 'png') return set('png', on);
    set('formats', on ? [...form.formats.filter((f) => f !== format), format] : form.formats.filter((f) => f !== format));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!snapshot) return;
    setPending(true);
    setError(undefined);
    try {
      memory.remember(form.caseReference, form.language);
      setOutcome(await runCourtExport(api, snapshot, form, selectedIds));
    } catch (caught) {
      setError(toClientError(caught));
    } finally {
      setPending(false);
    }
  };

  const chooseLanguage = (language: ExportLanguage) =>
    setForm((current) => ({
      ...current,
      language,
      classification: equivalentMarking(current.classification, markingsOf(languages, current.language), markingsOf(languages, language), DEFAULT_MARKING_LEVEL),
    }));
  const markings = markingsOf(languages, form.language);

  const nothingChosen = form.formats.length === 0 && !form.png;
  const permissionIncomplete = form.permissionGiven && (!form.permissionBy.trim() || !form.permissionReference.trim());

  return (
    <dialog
      ref={dialogRef}
      className="connection-dialog export-dialog"
      aria-labelledby={`${ids}-title`}
      onClose={onClose}
      onCancel={onClose}
      onKeyDown={(event) => {
        // Handled here: the chart's own Esc shortcut (clear the selection) would otherwise swallow it.
        if (event.key !== 'Escape' || pending) return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      {outcome ? (
        <ExportResult api={api} outcome={outcome} onClose={onClose} titleId={`${ids}-title`} />
      ) : (
        <form onSubmit={(event) => void submit(event)} className="dialog-form export-form">
          <h2 id={`${ids}-title`}>{i18n.t('courtExport:dialogTitle')}</h2>
          <p className="dialog-intro">
            {snapshot ? t('chartSize', { entities: t('common:entityCount', { count: snapshot.entities.length }), links: t('common:linkCount', { count: snapshot.links.length }) }) : t('noChart')}{' '}
            {exportsFolder ? t('disclosureIntroFolder', { folder: exportsFolder }) : t('disclosureIntro')}
          </p>

          <fieldset className="export-section">
            <legend>{t('disclosure')}</legend>
            <label htmlFor={`${ids}-justification`}>{t('justification')}</label>
            <textarea id={`${ids}-justification`} value={form.justification} onChange={(e) => set('justification', e.target.value)} required rows={2} />
            <label htmlFor={`${ids}-recipient`}>{t('recipient')}</label>
            <input id={`${ids}-recipient`} value={form.recipient} onChange={(e) => set('recipient', e.target.value)} required />
          </fieldset>

          {restricted.length > 0 ? (
            <fieldset className="export-section export-restricted">
              <legend>{t('restrictedLegend')}</legend>
              <p>{t('restrictedIntro', { count: restricted.length })}</p>
              <ul aria-label={t('restrictedItems')}>
                {restricted.slice(0, 50).map((item) => (
                  <li key={item.id}>
                    {item.label} ({item.handling})
                  </li>
                ))}
                {restricted.length > 50 ? <li>{t('andMore', { count: restricted.length - 50 })}</li> : null}
              </ul>
              <label className="checkbox">
                <input type="radio" name={`${ids}-mode`} checked={form.restrictedMode === 'omit'} onChange={() => set('restrictedMode', 'omit')} />
                {t('restrictedOmit')}
              </label>
              <label className="checkbox">
                <input type="radio" name={`${ids}-mode`} checked={form.restrictedMode === 'stop'} onChange={() => set('restrictedMode', 'stop')} />
                {t('restrictedStop')}
              </label>
              <label className="checkbox">
                <input type="checkbox" checked={form.permissionGiven} onChange={(e) => set('permissionGiven', e.target.checked)} />
                {t('permissionGiven')}
              </label>
              {form.permissionGiven ? (
                <>
                  <label htmlFor={`${ids}-permission-by`}>{t('permissionBy')}</label>
                  <input id={`${ids}-permission-by`} value={form.permissionBy} onChange={(e) => set('permissionBy', e.target.value)} required />
                  <label htmlFor={`${ids}-permission-ref`}>{t('permissionReference')}</label>
                  <input id={`${ids}-permission-ref`} value={form.permissionReference} onChange={(e) => set('permissionReference', e.target.value)} required />
                </>
              ) : null}
            </fieldset>
          ) : null}

          <fieldset className="export-section export-columns">
            <legend>{t('coverSheet')}</legend>
            <label htmlFor={`${ids}-language`}>{t('documentLanguage')}</label>
            <select id={`${ids}-language`} value={form.language} onChange={(e) => chooseLanguage(e.target.value as ExportLanguage)} aria-describedby={`${ids}-language-hint`}>
              {(languages.length > 0 ? languages : [{ language: form.language, name: form.language, markings: [] }]).map((choice) => (
                <option key={choice.language} value={choice.language} lang={choice.language}>
                  {choice.name}
                </option>
              ))}
            </select>
            <p id={`${ids}-language-hint`} className="dialog-intro">
              {t('documentLanguageHint')}
            </p>
            <label htmlFor={`${ids}-title-field`}>{t('title')}</label>
            <input id={`${ids}-title-field`} value={form.title} onChange={(e) => set('title', e.target.value)} required />
            <label htmlFor={`${ids}-classification`}>{t('classification')}</label>
            <input id={`${ids}-classification`} list={`${ids}-classifications`} value={form.classification} onChange={(e) => set('classification', e.target.value)} required />
            <datalist id={`${ids}-classifications`}>
              {markings.map((marking) => (
                <option key={marking} value={marking} />
              ))}
            </datalist>
            <label htmlFor={`${ids}-case`}>{t('caseReference')}</label>
            <input id={`${ids}-case`} value={form.caseReference} onChange={(e) => set('caseReference', e.target.value)} />
            <label htmlFor={`${ids}-author`}>{t('author')}</label>
            <input id={`${ids}-author`} value={form.author} onChange={(e) => set('author', e.target.value)} />
            <label htmlFor={`${ids}-organisation`}>{t('organisation')}</label>
            <input id={`${ids}-organisation`} value={form.organisation} onChange={(e) => set('organisation', e.target.value)} />
            <label htmlFor={`${ids}-comments`}>{t('comments')}</label>
            <textarea id={`${ids}-comments`} value={form.comments} onChange={(e) => set('comments', e.target.value)} rows={2} />
          </fieldset>

          <fieldset className="export-section">
            <legend>{t('formats')}</legend>
            {FORMAT_CHOICES.map((format) => (
              <label key={format} className="checkbox">
                <input
                  type="checkbox"
                  checked={format === 'png' ? form.png : form.formats.includes(format)}
                  onChange={(e) => toggleFormat(format, e.target.checked)}
                />
                {t(`format_${format}`)}
              </label>
            ))}
          </fieldset>

          <fieldset className="export-section export-paper">
            <legend>{t('paperAndScope')}</legend>
            <label htmlFor={`${ids}-size`}>{t('pageSize')}</label>
            <select id={`${ids}-size`} value={form.pageSize} onChange={(e) => set('pageSize', e.target.value as ExportForm['pageSize'])}>
              <option value="A4">A4</option>
              <option value="A3">A3</option>
            </select>
            <label htmlFor={`${ids}-orientation`}>{t('orientation')}</label>
            <select id={`${ids}-orientation`} value={form.orientation} onChange={(e) => set('orientation', e.target.value as ExportForm['orientation'])}>
              <option value="landscape">{t('landscape')}</option>
              <option value="portrait">{t('portrait')}</option>
            </select>
            <label htmlFor={`${ids}-fit`}>{t('chartOnPaper')}</label>
            <select id={`${ids}-fit`} value={form.fit} onChange={(e) => set('fit', e.target.value as ExportForm['fit'])}>
              <option value="fit">{t('fitOnePage')}</option>
              <option value="split">{t('splitPages')}</option>
            </select>
            <label htmlFor={`${ids}-dpi`}>{t('pngResolution')}</label>
            <select id={`${ids}-dpi`} value={form.pngDpi} onChange={(e) => set('pngDpi', Number(e.target.value))} disabled={!form.png}>
              {PNG_RESOLUTIONS.map((dpi) => (
                <option key={dpi} value={dpi}>
                  {t('dpi', { dpi })}
                </option>
              ))}
            </select>
            <label className="checkbox">
              <input type="checkbox" checked={form.mapPage} disabled={!form.formats.includes('pdf')} onChange={(e) => set('mapPage', e.target.checked)} />
              {t('mapPage')}
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={form.selectionOnly} disabled={selectedIds.length === 0} onChange={(e) => set('selectionOnly', e.target.checked)} />
              {t('selectionOnly', { count: selectedIds.length })}
            </label>
          </fieldset>

          {error ? (
            <div className="dialog-error" role="alert">
              <strong>{error.message}</strong>
              {error.hint ? <span> {error.hint}</span> : null}
            </div>
          ) : null}
          <div className="dialog-buttons">
            <span className="spacer" />
            <button type="button" onClick={onClose} disabled={pending}>
              {t('cancel')}
            </button>
            <button type="submit" className="primary" disabled={pending || !snapshot || nothingChosen || permissionIncomplete}>
              {pending ? t('exporting') : t('exportButton')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

/** The author is the analyst's confirmed identity when there is one, else the backend's user name. */
async function prefillAuthor(api: WorkbenchApi): Promise<{ author?: string; folder?: string; languages: ExportLanguageChoice[] }> {
  const defaults = await api.getExportDefaults({}).catch(() => undefined);
  const identity = await api.getIdentity({}).catch(() => undefined);
  return { author: identity?.name || defaults?.author, folder: defaults?.exportsFolder, languages: defaults?.languages ?? [] };
}
