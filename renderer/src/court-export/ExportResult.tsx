// What an export wrote: each file with its size and SHA-256 (the values in the manifest), a download for
// each, what was withheld, and a check of the files against the manifest.
import { useState } from 'react';
import type { WorkbenchApi } from '../../../contract/api';
import type { ExportVerification, ExportedFileInfo } from '../../../contract/export-requests';
import { toClientError, type WorkbenchClientError } from '../api/client-error';
import { offerDownload } from './downloads';
import type { ExportOutcome } from './run-export';

interface Props {
  api: WorkbenchApi;
  outcome: ExportOutcome;
  titleId: string;
  onClose: () => void;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function ExportResult({ api, outcome, titleId, onClose }: Props) {
  const { response, files, manifest, notices } = outcome;
  const [error, setError] = useState<WorkbenchClientError>();
  const [verification, setVerification] = useState<ExportVerification>();
  const [busy, setBusy] = useState<string>();

  const download = async (file: ExportedFileInfo) => {
    setBusy(file.name);
    setError(undefined);
    try {
      const content = await api.readExportFile({ path: file.path });
      offerDownload(content.name, content.mediaType, content.base64);
    } catch (caught) {
      setError(toClientError(caught));
    } finally {
      setBusy(undefined);
    }
  };

  const verify = async () => {
    setBusy('verify');
    setError(undefined);
    try {
      setVerification(await api.verifyExport({ exportId: response.exportId }));
    } catch (caught) {
      setError(toClientError(caught));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="dialog-form export-result">
      <h2 id={titleId}>Export written</h2>
      <p className="dialog-intro">
        {response.entityCount} entities and {response.linkCount} links in <code>{response.folder}</code>. The disclosure was logged.
      </p>
      <table className="export-files" aria-label="Exported files">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            <th scope="col">SHA-256</th>
            <th scope="col">
              <span className="visually-hidden">Download</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...files, manifest].map((file) => (
            <tr key={file.name}>
              <td>{file.name}</td>
              <td>{formatBytes(file.bytes)}</td>
              <td>
                <code className="sha256">{file.sha256}</code>
              </td>
              <td>
                <button type="button" onClick={() => void download(file)} disabled={busy !== undefined} aria-label={`Download ${file.name}`}>
                  {busy === file.name ? 'Preparing…' : 'Download'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {response.withheld.length > 0 ? (
        <div className="export-withheld">
          <strong>{response.withheld.length} item(s) withheld under H1/H2</strong> (listed in the manifest, not in the files):
          <ul aria-label="Withheld items">
            {response.withheld.slice(0, 50).map((item) => (
              <li key={item.id}>
                {item.label} ({item.handling ?? 'attached to a withheld entity'})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {response.disclosedUnderPermission.length > 0 ? (
        <p>{response.disclosedUnderPermission.length} restricted item(s) included under the recorded permission.</p>
      ) : null}
      {notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
      {verification ? (
        <p className={verification.ok ? 'export-verified' : 'dialog-error'} role="status" aria-label="Verification">
          {verification.ok ? 'Verified: ' : 'Not verified: '}
          {verification.message}
        </p>
      ) : null}
      {error ? (
        <div className="dialog-error" role="alert">
          <strong>{error.message}</strong>
          {error.hint ? <span> {error.hint}</span> : null}
        </div>
      ) : null}
      <div className="dialog-buttons">
        <button type="button" onClick={() => void verify()} disabled={busy !== undefined}>
          {busy === 'verify' ? 'Verifying…' : 'Verify files'}
        </button>
        <span className="spacer" />
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
