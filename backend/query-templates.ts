// The query-template operations: saving, listing and deleting the team's templates (in the workspace
// database, beside saved charts) and running a reviewed shape against the evidence database.
import { randomUUID } from 'node:crypto';
import { ApiError, type WorkbenchHandlers } from '../contract/api';
import type { TemplateQuery } from '../contract/query-templates';
import * as templates from '../graph-queries/query-templates';
import type { QueryContext } from '../graph-queries/run';

type QueryTemplateOperations = Pick<WorkbenchHandlers, 'listQueryTemplates' | 'saveQueryTemplate' | 'deleteQueryTemplate' | 'runQueryTemplate'>;

export interface QueryTemplateDependencies {
  /** Where the evidence is read. */
  context: () => QueryContext;
  /** Where Schakel's own records (templates, charts, audit) are kept. */
  workspaceContext: () => QueryContext;
  userName: () => string;
}

/** What the schema cannot see field by field: a period that ends before it starts, two parameters naming one entity. */
function queryProblem(query: TemplateQuery): string | null {
  if (query.shape === 'calls-between-persons') {
    const { from, until, personAId, personBId } = query.parameters;
    if (Date.parse(until) < Date.parse(from)) return 'The period ends before it starts: choose an end date after the start date.';
    if (personAId === personBId) return 'Choose two different persons.';
  }
  return null;
}

function refuseInvalid(query: TemplateQuery): void {
  const problem = queryProblem(query);
  if (problem) throw new ApiError({ code: 'BAD_REQUEST', message: problem, hint: 'Change the parameters and try again.' });
}

export function createQueryTemplateHandlers(deps: QueryTemplateDependencies): QueryTemplateOperations {
  return {
    async listQueryTemplates() {
      return { templates: await templates.listQueryTemplates(deps.workspaceContext(), deps.userName()) };
    },
    async saveQueryTemplate(request) {
      refuseInvalid(request.query);
      return templates.saveQueryTemplate(deps.workspaceContext(), { id: `qt-${randomUUID()}`, ...request }, deps.userName());
    },
    async deleteQueryTemplate(request) {
      const owner = await templates.queryTemplateOwner(deps.workspaceContext(), request.id);
      if (owner === null) {
        throw new ApiError({ code: 'NOT_FOUND', message: `No saved query template with id "${request.id}" exists.`, hint: 'It may have been deleted already; refresh the list.' });
      }
      if (owner !== deps.userName()) {
        throw new ApiError({ code: 'FORBIDDEN', message: `Only ${owner || 'the analyst who saved it'} can delete this query template.`, hint: 'Ask them to delete it, or save your own copy under another name.' });
      }
      return { deleted: await templates.deleteQueryTemplate(deps.workspaceContext(), request.id, owner) };
    },
    async runQueryTemplate(request) {
      refuseInvalid(request.query);
      return templates.runTemplateQuery(deps.context(), request.query);
    },
  };
}
