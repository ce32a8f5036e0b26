// "Import records…": choose a CSV or XLSX file, check the preview and what was detected (encoding,
// delimiter), pick or paste an import specification and the case the records belong to, import with a
// progress bar and Cancel, then read the summary and go to the new match candidates. The import itself runs
// in the backend (backend/imports); this dialog only follows it.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
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
  const { message, hint } = error as { message?: string; hint?: string };
  return { message: message || 'Something went wrong.', hint };
}

function describeDelimiter(delimiter: string | undefined): string {
  if (delimiter === '\t') return 'tab';
  return delimiter ? `"${delimiter}"` : 'not applicable';
}

function detectedLine(preview: ImportPreview): string {
  if (preview.format === 'xlsx') return `Excel workbook, sheet "${preview.sheet ?? 'first'}", ${preview.headers.length} columns`;
  if (preview.format === 'graphml' || preview.format === 'gexf') return `${preview.format === 'graphml' ? 'GraphML' : 'GEXF'} network, one row per node and per edge`;
  return `CSV, encoding ${preview.encoding?.toUpperCase() ?? 'unknown'}, delimiter ${describeDelimiter(preview.delimiter)}, ${preview.headers.length} columns`;
}

const STATE_TEXT: Record<ImportJobStatus['state'], string> = {
  running: 'Importing…',
  done: 'Import completed.',
  failed: 'Import stopped.',
  cancelled: 'Import cancelled.',
};

export function ImportDialog({ api, open, onClose, onReview }: Props) {
  const ids = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
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

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  const chooseFile = async (chosen: File | undefined) => {
    setProblem(undefined);
    setPreview(undefined);
    job.reset();
    if (!chosen) return;
    setBusy(true);
    try {
      const payload = await readFilePayload(chosen);
      setFile(payload);
      setPreview(await api.previewImport({ name: payload.name, base64: payload.base64 }));
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
      setProblem({ message: parsed.message, hint: 'The examples in docs/import-specs/ show the expected shape.' });
      return;
    }
    setProblem(undefined);
    setBusy(true);
    try {
      await job.start({ name: file.name, base64: file.base64, spec: withCaseFields(parsed.spec, caseFields), ...(fromRow ? { fromRow } : {}) });
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
        <h2 id={`${ids}-title`}>Import records</h2>
        <p className="dialog-intro">
          A CSV or Excel (.xlsx) file from a Dutch or Belgian source (registers, call records, ANPR hits, gang lists), or a network: an edge list, an
          adjacency matrix, GraphML or GEXF (pick a "Network" example specification).
        </p>

        <label htmlFor={`${ids}-file`}>File to import</label>
        <input id={`${ids}-file`} type="file" accept=".csv,.txt,.tsv,.xlsx,.graphml,.gexf" disabled={busy || running} onChange={(e) => void chooseFile(e.target.files?.[0])} />

        {preview ? (
          <>
            <p className="import-detected" aria-label="Detected format">
              {preview.fileName}: {detectedLine(preview)}
            </p>
            {preview.notice ? (
              <div className="import-warning" role="alert">
                <strong>{preview.notice.message}</strong>
                <div>{preview.notice.hint}</div>
              </div>
            ) : null}
            <div className="import-preview-scroll">
              <table className="import-preview" aria-label="File preview">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
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

            <label htmlFor={`${ids}-example`}>Import specification</label>
            <select id={`${ids}-example`} value={exampleFile} disabled={running} onChange={(e) => chooseExample(e.target.value)}>
              <option value={CUSTOM}>My own (paste or edit below)</option>
              {preview.examples.map((example) => (
                <option key={example.file} value={example.file}>
                  {example.name} ({example.kind})
                </option>
              ))}
            </select>
            <label htmlFor={`${ids}-spec`}>Specification (JSON)</label>
            <textarea id={`${ids}-spec`} className="import-spec-text" rows={8} spellCheck={false} value={specText} disabled={running} onChange={(e) => editSpecText(e.target.value)} />

            <fieldset className="import-case" disabled={running}>
              <legend>Case the records belong to</legend>
              <label>
                Case id <input value={caseFields.id} onChange={(e) => setCase('id', e.target.value)} />
              </label>
              <label>
                Case reference <input value={caseFields.reference} onChange={(e) => setCase('reference', e.target.value)} />
              </label>
              <label>
                Country
                <select value={caseFields.country} onChange={(e) => setCase('country', e.target.value)}>
                  <option value="NL">NL</option>
                  <option value="BE">BE</option>
                </select>
              </label>
              <label>
                Agency <input value={caseFields.agency} onChange={(e) => setCase('agency', e.target.value)} />
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
            Close
          </button>
          <span className="spacer" />
          <button type="submit" className="primary" disabled={!preview || busy || running || !specText.trim()}>
            Import
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
    <section className="import-progress" aria-label="Import summary">
      <p role="status">
        {STATE_TEXT[status.state]}
        {status.state === 'running' && status.phase === 'resolving' ? ' Looking for matches with existing records…' : ''}
      </p>
      {status.state === 'running' ? (
        <div className="import-progress-bar">
          <progress aria-label="Import progress" max={1} value={status.fraction} />
          <span>
            {status.rowsRead.toLocaleString()} rows read, {status.rowsRejected.toLocaleString()} rejected
          </span>
          <button type="button" onClick={onCancel}>
            Cancel
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
          <dt>Rows read</dt>
          <dd>{counts.rowsRead.toLocaleString()}</dd>
          <dt>Rows imported</dt>
          <dd>{counts.rowsImported.toLocaleString()}</dd>
          <dt>Created</dt>
          <dd>
            {counts.nodesCreated.toLocaleString()} records, {counts.linksCreated.toLocaleString()} links
          </dd>
          <dt>Matched existing</dt>
          <dd>
            {counts.nodesMatched.toLocaleString()} records, {counts.linksMatched.toLocaleString()} links (already in the database)
          </dd>
          <dt>Repeated in file</dt>
          <dd>
            {counts.nodesRepeated.toLocaleString()} records, {counts.linksRepeated.toLocaleString()} links
          </dd>
          <dt>Rejected</dt>
          <dd>{counts.rowsRejected.toLocaleString()}</dd>
          <dt>Rejects file</dt>
          <dd>{status.rejectsFile ? <span title={status.rejectsFile.path}>{status.rejectsFile.path}</span> : 'none (no row was rejected)'}</dd>
        </dl>
      ) : null}
      {status.resumeFromRow !== undefined ? (
        <p>
          Rows before row {status.resumeFromRow} are written.{' '}
          <button type="button" onClick={() => onResume(status.resumeFromRow!)}>
            Resume from row {status.resumeFromRow}
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
          {resolution.added === 1 ? '1 new match candidate' : `${resolution.added.toLocaleString()} new match candidates`}{' '}
          <button type="button" onClick={onReview}>
            Review
          </button>
        </p>
      ) : null}
    </section>
  );
}
