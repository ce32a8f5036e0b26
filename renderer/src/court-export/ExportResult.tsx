// What an export wrote: each file with its size and SHA-256 (the values in the manifest), a download for
// each, what was withheld, and a check of the files against the manifest.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('courtExport');
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
      <h2 id={titleId}>{t('written')}</h2>
      <p className="dialog-intro">
        {t('writtenSize', { entities: t('common:entityCount', { count: response.entityCount }), links: t('common:linkCount', { count: response.linkCount }) })} <code>{response.folder}</code>. {t('disclosureLogged')}
      </p>
      <table className="export-files" aria-label={t('exportedFiles')}>
        <thead>
          <tr>
            <th scope="col">{t('file')}</th>
            <th scope="col">{t('size')}</th>
            <th scope="col">SHA-256</th>
            <th scope="col">
              <span className="visually-hidden">{t('download')}</span>
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
                <button type="button" onClick={() => void download(file)} disabled={busy !== undefined} aria-label={t('downloadFile', { file: file.name })}>
                  {busy === file.name ? t('preparing') : t('download')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {response.withheld.length > 0 ? (
        <div className="export-withheld">
          <strong>{t('withheld', { count: response.withheld.length })}</strong> {t('withheldWhere')}
          <ul aria-label={t('withheldItems')}>
            {response.withheld.slice(0, 50).map((item) => (
              <li key={item.id}>
                {item.label} ({item.handling ?? t('attachedToWithheld')})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {response.disclosedUnderPermission.length > 0 ? (
        <p>{t('underPermission', { count: response.disclosedUnderPermission.length })}</p>
      ) : null}
      {notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
      {verification ? (
        <p className={verification.ok ? 'export-verified' : 'dialog-error'} role="status" aria-label={t('verification')}>
          {verification.ok ? t('verified') : t('notVerified')}{' '}
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
          {busy === 'verify' ? t('verifying') : t('verifyFiles')}
        </button>
        <span className="spacer" />
        <button type="button" className="primary" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
