// "Query templates…": the team's saved templates (shared in Neo4j) and a form over the catalogue of reviewed
// query shapes. The analyst picks a shape or a saved template, fills its typed parameters (entities default
// to what is selected on the chart), runs it — the results land on the chart as one undoable step — or
// saves it under a name for colleagues. Only the analyst who saved a template sees its Delete button.
import { useCallback, useId, useState, type FormEvent } from 'react';
import { useModalDialog } from '../ui/use-modal-dialog';
import { useTranslation } from 'react-i18next';
import type { WorkbenchApi } from '../../../contract/api';
import type { QueryTemplate } from '../../../contract/query-templates';
import { QUERY_SHAPE_PARAMETERS, QUERY_SHAPES, type QueryShape } from '../../../shared-values/query-shapes';
import type { ChartController } from '../chart/chart-controller';
import { toClientError, type WorkbenchClientError } from '../api/client-error';
import { localiseError } from '../i18n/errors';
import { entityTypeName } from '../i18n/vocabulary';
import { formatDateTime } from '../ui/format';
import { initialValues, isComplete, queryOf, valuesOf, type ParameterValues } from './template-parameters';
import './query-templates.css';

interface Props {
  api: WorkbenchApi;
  chart: ChartController | undefined;
  open: boolean;
  onClose: () => void;
}

export function QueryTemplatesDialog({ api, chart, open, onClose }: Props) {
  const { t } = useTranslation('queries');
  const ids = useId();
  const [templates, setTemplates] = useState<QueryTemplate[]>();
  const [shape, setShape] = useState<QueryShape>(QUERY_SHAPES[0]);
  const [values, setValues] = useState<ParameterValues>({});
  const [fromTemplate, setFromTemplate] = useState<QueryTemplate>();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string>();
  // Shown in the dialog itself: the alert area sits behind a modal dialog.
  const [error, setError] = useState<WorkbenchClientError>();
  const onError = useCallback((caught: unknown) => setError(toClientError(caught)), []);

  const selectedEntities = useCallback(
    () => (chart?.selectedEntityIds() ?? []).map((id) => chart?.entity(id)).filter((entity) => entity !== undefined),
    [chart],
  );
  const refresh = useCallback(() => {
    api.listQueryTemplates({}).then((result) => setTemplates(result.templates), onError);
  }, [api, onError]);

  const dialogRef = useModalDialog(open, () => {
    setOutcome(undefined);
    setError(undefined);
    setFromTemplate(undefined);
    setValues(initialValues(shape, selectedEntities()));
    refresh();
  });

  const chooseShape = (next: QueryShape) => {
    setShape(next);
    setFromTemplate(undefined);
    setValues(initialValues(next, selectedEntities()));
  };
  const applyTemplate = (template: QueryTemplate) => {
    setShape(template.query.shape);
    setValues(valuesOf(template.query));
    setFromTemplate(template);
    setOutcome(undefined);
  };

  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (!chart) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.runQueryTemplate({ query: queryOf(shape, values), ...(fromTemplate ? { templateId: fromTemplate.id } : {}) });
      const label = fromTemplate?.name ?? t(`shape.${shape}.name`);
      const added = await chart.addExpansion(result, t('history', { name: label }));
      setOutcome(
        result.nodes.length === 0
          ? t('noResults')
          : t('added', { entities: t('common:entityCount', { count: added.entities.length }), links: t('common:linkCount', { count: added.links.length }) }) +
              (result.omitted > 0 ? ` ${t('omitted', { count: result.omitted })}` : ''),
      );
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.saveQueryTemplate({ name: name.trim(), description: description.trim(), query: queryOf(shape, values) });
      setFromTemplate(saved);
      setName('');
      setDescription('');
      setOutcome(t('saved', { name: saved.name }));
      refresh();
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  const remove = async (template: QueryTemplate) => {
    if (!globalThis.confirm(t('confirmDelete', { name: template.name }))) return;
    try {
      await api.deleteQueryTemplate({ id: template.id });
      if (fromTemplate?.id === template.id) setFromTemplate(undefined);
      refresh();
    } catch (error) {
      onError(error);
    }
  };

  const complete = isComplete(shape, values);
  const chartEntities = chart?.entities() ?? [];
  return (
    <dialog ref={dialogRef} className="chart-dialog query-templates-dialog" aria-labelledby={`${ids}-title`} onClose={onClose} onCancel={onClose}>
      <div className="dialog-form">
        <h2 id={`${ids}-title`}>{t('title')}</h2>
        <p className="dialog-intro">{t('intro')}</p>
        <section aria-label={t('savedList')}>
          <h3>{t('savedList')}</h3>
          {templates === undefined ? (
            <p className="muted">{t('loading')}</p>
          ) : templates.length === 0 ? (
            <p className="muted">{t('noneSaved')}</p>
          ) : (
            <ul className="query-template-list">
              {templates.map((template) => (
                <li key={template.id} aria-current={fromTemplate?.id === template.id ? 'true' : undefined}>
                  <div className="query-template-text">
                    <strong>{template.name}</strong>
                    <span className="muted">{template.description || t(`shape.${template.query.shape}.description`)}</span>
                    <span className="muted">{t('savedBy', { user: template.createdBy, when: formatDateTime(template.createdAt) })}</span>
                  </div>
                  <button type="button" aria-label={t('useNamed', { name: template.name })} onClick={() => applyTemplate(template)}>
                    {t('use')}
                  </button>
                  {template.mine ? (
                    <button type="button" aria-label={t('deleteNamed', { name: template.name })} onClick={() => void remove(template)}>
                      {t('delete')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <form onSubmit={(event) => void run(event)} aria-label={t('queryForm')}>
          <label htmlFor={`${ids}-shape`}>{t('shapeLabel')}</label>
          <select id={`${ids}-shape`} value={shape} onChange={(event) => chooseShape(event.target.value as QueryShape)}>
            {QUERY_SHAPES.map((option) => (
              <option key={option} value={option}>
                {t(`shape.${option}.name`)}
              </option>
            ))}
          </select>
          <p className="muted">{fromTemplate ? t('fromTemplate', { name: fromTemplate.name }) : t(`shape.${shape}.description`)}</p>
          {QUERY_SHAPE_PARAMETERS[shape].map((spec) => {
            const inputId = `${ids}-${spec.name}`;
            const set = (value: string) => setValues((current) => ({ ...current, [spec.name]: value }));
            const value = values[spec.name] ?? '';
            return (
              <div key={spec.name} className="query-parameter">
                <label htmlFor={inputId}>
                  {t(`parameter.${spec.name}`)}
                  {spec.kind === 'entity' ? <span className="muted"> ({entityTypeName(spec.entityType)})</span> : null}
                </label>
                {spec.kind === 'entity' ? (
                  <>
                    <input id={inputId} value={value} list={`${inputId}-options`} onChange={(event) => set(event.target.value)} placeholder={t('entityPlaceholder')} required />
                    <datalist id={`${inputId}-options`}>
                      {chartEntities
                        .filter((entity) => entity.type === spec.entityType)
                        .map((entity) => (
                          <option key={entity.id} value={entity.id}>
                            {entity.label}
                          </option>
                        ))}
                    </datalist>
                  </>
                ) : spec.kind === 'days' ? (
                  <input id={inputId} type="number" min={spec.min} max={spec.max} step={1} value={value} onChange={(event) => set(event.target.value)} required />
                ) : (
                  <input id={inputId} type="date" value={value} onChange={(event) => set(event.target.value)} required />
                )}
              </div>
            );
          })}
          {outcome ? (
            <p role="status" aria-label={t('outcome')} className="query-outcome">
              {outcome}
            </p>
          ) : null}
          {error ? (
            <div className="dialog-error" role="alert">
              <strong title={localiseError(error).detail}>{localiseError(error).message}</strong>
              {localiseError(error).hint ? <span> {localiseError(error).hint}</span> : null}
            </div>
          ) : null}
          <div className="dialog-buttons">
            <button type="button" onClick={onClose}>
              {t('common:close')}
            </button>
            <span className="spacer" />
            <button type="submit" className="primary" disabled={busy || !complete || !chart}>
              {t('run')}
            </button>
          </div>
          <fieldset className="query-save">
            <legend>{t('saveLegend')}</legend>
            <label htmlFor={`${ids}-name`}>{t('name')}</label>
            <input id={`${ids}-name`} value={name} maxLength={120} onChange={(event) => setName(event.target.value)} />
            <label htmlFor={`${ids}-description`}>{t('description')}</label>
            <textarea id={`${ids}-description`} value={description} maxLength={1000} rows={2} onChange={(event) => setDescription(event.target.value)} />
            <button type="button" disabled={busy || !complete || !name.trim()} onClick={() => void save()}>
              {t('save')}
            </button>
          </fieldset>
        </form>
      </div>
    </dialog>
  );
}
