// "Import records…": choose a CSV or XLSX file, check the preview and what was detected (encoding,
// delimiter), pick or paste an import specification and the case the records belong to, import with a
// progress bar and Cancel, then read the summary and go to the new match candidates. The import itself runs
// in the backend (backend/imports); this dialog only follows it.
import { currentLanguage, t } from '../i18n';
import { importLanguageOf } from '../i18n/languages';
import { localiseError } from '../i18n/errors';
import { formatNumber } from '../ui/format';
import { useId, useState, type FormEvent } from 'react';
import { useModalDialog } from '../ui/use-modal-dialog';
import type { WorkbenchApi } from '../../../contract/api';
import type { ImportJobStatus, ImportPreview } from '../../../contract/imports';
import { readFilePayload, type FilePayload } from './file-payload';
import { caseFieldsOf, parseSpecText, specToText, withCaseFields, type CaseFields } from './spec-text';
import { useImportJob } from './use-import-job';
import './import-dialog.css';

interface Props {
  api: WorkbenchApi;
  open: boolean;
  onClose: () => void;
  /** Opens the review queue (after an import found new match candidates). */
  onReview: () => void;
}

type Problem = { message: string; hint?: string };

const PREVIEW_ROWS_SHOWN = 10;
const CUSTOM = '';

function problemOf(error: unknown): Problem {
  const { code, message, hint, language } = error as { code?: string; message?: string; hint?: string; language?: string };
  if (code && message) return localiseError({ code, message, hint, language });
  return { message: message || t('imports:somethingWrong'), hint };
}

function describeDelimiter(delimiter: string | undefined): string {
  if (delimiter === '\t') return t('imports:tab');
  return delimiter ? `"${delimiter}"` : t('imports:notApplicable');
}

function detectedLine(preview: ImportPreview): string {
  if (preview.format === 'graphml' || preview.format === 'gexf') return t('imports:network', { format: preview.format === 'graphml' ? 'GraphML' : 'GEXF' });
  if (preview.format === 'xlsx') return t('imports:xlsx', { sheet: preview.sheet ?? t('imports:firstSheet'), columns: preview.headers.length });
  return t('imports:csv', { encoding: preview.encoding?.toUpperCase() ?? t('imports:unknown'), delimiter: describeDelimiter(preview.delimiter), columns: preview.headers.length });
}


export function ImportDialog({ api, open, onClose, onReview }: Props) {
  const ids = useId();
  const [file, setFile] = useState<FilePayload>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [exampleFile, setExampleFile] = useState(CUSTOM);
  const [specText, setSpecText] = useState('');
  const [caseFields, setCaseFields] = useState<CaseFields>({ id: '', reference: '', country: 'NL', agency: '' });
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const job = useImportJob(api, (error) => setProblem(problemOf(error)));
  const status = job.status;
  const running = status?.state === 'running';

  const dialogRef = useModalDialog(open);

  const chooseFile = async (chosen: File | undefined) => {
    setProblem(undefined);
    setPreview(undefined);
    job.reset();
    if (!chosen) return;
    setBusy(true);
    try {
      const payload = await readFilePayload(chosen);
      setFile(payload);
      setPreview(await api.previewImport({ name: payload.name, base64: payload.base64, language: importLanguageOf(currentLanguage()) }));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const chooseExample = (fileName: string) => {
    setExampleFile(fileName);
    const example = preview?.examples.find((candidate) => candidate.file === fileName);
    if (!example) return;
    setSpecText(specToText(example.spec));
    setCaseFields(caseFieldsOf(example.spec));
  };

  const editSpecText = (text: string) => {
    setSpecText(text);
    const parsed = parseSpecText(text);
    if (parsed.ok) setCaseFields(caseFieldsOf(parsed.spec));
  };

  const startImport = async (event: FormEvent | undefined, fromRow?: number) => {
    event?.preventDefault();
    if (!file) return;
    const parsed = parseSpecText(specText);
    if (!parsed.ok) {
      setProblem({ message: parsed.message, hint: t('imports:examplesHint') });
      return;
    }
    setProblem(undefined);
    setBusy(true);
    try {
      await job.start({
        name: file.name,
        base64: file.base64,
        spec: withCaseFields(parsed.spec, caseFields),
        language: importLanguageOf(currentLanguage()),
        ...(fromRow ? { fromRow } : {}),
      });
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    if (!running) job.reset();
    onClose();
  };

  const setCase = (key: keyof CaseFields, value: string) => setCaseFields((current) => ({ ...current, [key]: value }));

  return (
    <dialog ref={dialogRef} className="connection-dialog import-dialog" aria-labelledby={`${ids}-title`} onClose={close} onCancel={close}>
      <form className="dialog-form" onSubmit={startImport}>
        <h2 id={`${ids}-title`}>{t('imports:title')}</h2>
        <p className="dialog-intro">{t('imports:intro')}</p>

        <label htmlFor={`${ids}-file`}>{t('imports:file')}</label>
        <input id={`${ids}-file`} type="file" accept=".csv,.txt,.tsv,.xlsx,.graphml,.gexf" disabled={busy || running} onChange={(e) => void chooseFile(e.target.files?.[0])} />

        {preview ? (
          <>
            <p className="import-detected" aria-label={t('imports:detectedName')}>
              {t('imports:detected', { file: preview.fileName, line: detectedLine(preview) })}
            </p>
            {preview.notice ? (
              <div className="import-warning" role="alert">
                <strong>{preview.notice.message}</strong>
                <div>{preview.notice.hint}</div>
              </div>
            ) : null}
            <div className="import-preview-scroll">
              <table className="import-preview" aria-label={t('imports:preview')}>
                <thead>
                  <tr>
                    <th scope="col">{t('imports:row')}</th>
                    {preview.headers.map((header, index) => (
                      <th scope="col" key={index}>
                        {header}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.slice(0, PREVIEW_ROWS_SHOWN).map((row) => (
                    <tr key={row.number}>
                      <td>{row.number}</td>
                      {preview.headers.map((_, index) => (
                        <td key={index}>{row.cells[index] ?? ''}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>

            <label htmlFor={`${ids}-example`}>{t('imports:spec')}</label>
            <select id={`${ids}-example`} value={exampleFile} disabled={running} onChange={(e) => chooseExample(e.target.value)}>
              <option value={CUSTOM}>{t('imports:ownSpec')}</option>
              {preview.examples.map((example) => (
                <option key={example.file} value={example.file}>
                  {example.name} ({example.kind})
                </option>
              ))}
            </select>
            <label htmlFor={`${ids}-spec`}>{t('imports:specJson')}</label>
            <textarea id={`${ids}-spec`} className="import-spec-text" rows={8} spellCheck={false} value={specText} disabled={running} onChange={(e) => editSpecText(e.target.value)} />

            <fieldset className="import-case" disabled={running}>
              <legend>{t('imports:case')}</legend>
              <label>
                {t('imports:caseId')} <input value={caseFields.id} onChange={(e) => setCase('id', e.target.value)} />
              </label>
              <label>
                {t('imports:caseReference')} <input value={caseFields.reference} onChange={(e) => setCase('reference', e.target.value)} />
              </label>
              <label>
                {t('imports:country')}
                <select value={caseFields.country} onChange={(e) => setCase('country', e.target.value)}>
                  <option value="NL">{t('common:countryWithCode.NL')}</option>
                  <option value="BE">{t('common:countryWithCode.BE')}</option>
                </select>
              </label>
              <label>
                {t('imports:agency')} <input value={caseFields.agency} onChange={(e) => setCase('agency', e.target.value)} />
              </label>
            </fieldset>
          </>
        ) : null}

        {status ? <ImportProgressView status={status} onCancel={() => void job.cancel()} onReview={onReview} onResume={(row) => void startImport(undefined, row)} /> : null}

        {problem ? (
          <div className="dialog-error" role="alert">
            <strong>{problem.message}</strong>
            {problem.hint ? <div>{problem.hint}</div> : null}
          </div>
        ) : null}

        <div className="dialog-buttons">
          <button type="button" onClick={close}>
            {t('imports:close')}
          </button>
          <span className="spacer" />
          <button type="submit" className="primary" disabled={!preview || busy || running || !specText.trim()}>
            {t('imports:import')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function ImportProgressView({ status, onCancel, onReview, onResume }: { status: ImportJobStatus; onCancel: () => void; onReview: () => void; onResume: (fromRow: number) => void }) {
  const counts = status.counts;
  const resolution = status.resolution;
  return (
    <section className="import-progress" aria-label={t('imports:summary')}>
      <p role="status">
        {t(`imports:state.${status.state}`)}
        {status.state === 'running' && status.phase === 'resolving' ? t('imports:resolving') : ''}
      </p>
      {status.state === 'running' ? (
        <div className="import-progress-bar">
          <progress aria-label={t('imports:progress')} max={1} value={status.fraction} />
          <span>
            {t('imports:progressText', { read: formatNumber(status.rowsRead), rejected: formatNumber(status.rowsRejected) })}
          </span>
          <button type="button" onClick={onCancel}>
            {t('imports:cancel')}
          </button>
        </div>
      ) : null}
      {status.error ? (
        <div className="dialog-error">
          <strong>{status.error.message}</strong>
          <div>{status.error.hint}</div>
        </div>
      ) : null}
      {counts ? (
        <dl className="import-counts">
          <dt>{t('imports:rowsRead')}</dt>
          <dd>{formatNumber(counts.rowsRead)}</dd>
          <dt>{t('imports:rowsImported')}</dt>
          <dd>{formatNumber(counts.rowsImported)}</dd>
          <dt>{t('imports:created')}</dt>
          <dd>{t('imports:recordsAndLinks', { records: formatNumber(counts.nodesCreated), links: formatNumber(counts.linksCreated) })}</dd>
          <dt>{t('imports:matchedExisting')}</dt>
          <dd>{t('imports:matchedExistingCounts', { records: formatNumber(counts.nodesMatched), links: formatNumber(counts.linksMatched) })}</dd>
          <dt>{t('imports:repeatedInFile')}</dt>
          <dd>{t('imports:recordsAndLinks', { records: formatNumber(counts.nodesRepeated), links: formatNumber(counts.linksRepeated) })}</dd>
          <dt>{t('imports:rejected')}</dt>
          <dd>{formatNumber(counts.rowsRejected)}</dd>
          <dt>{t('imports:rejectsFile')}</dt>
          <dd>{status.rejectsFile ? <span title={status.rejectsFile.path}>{status.rejectsFile.path}</span> : t('imports:noRejects')}</dd>
        </dl>
      ) : null}
      {status.resumeFromRow !== undefined ? (
        <p>
          {t('imports:resumeWritten', { row: status.resumeFromRow })}{' '}
          <button type="button" onClick={() => onResume(status.resumeFromRow!)}>
            {t('imports:resume', { row: status.resumeFromRow })}
          </button>
        </p>
      ) : null}
      {status.warnings.map((warning) => (
        <p key={warning} className="import-warning">
          {warning}
        </p>
      ))}
      {resolution && 'error' in resolution ? <p className="import-warning">{resolution.error}</p> : null}
      {resolution && 'added' in resolution ? (
        <p className="import-resolution">
          {t('imports:candidates', { count: resolution.added })}{' '}
          <button type="button" onClick={onReview}>
            {t('imports:review')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
