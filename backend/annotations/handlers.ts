// The contract's identity, annotation and audit-viewer operations, bound to their services. The workbench
// spreads these into its handler table; auditing and the read-only guard wrap them there like any other.
import type { AnnotationResponseTypes } from '../../contract/annotations';
import type { ParsedRequestOf } from '../../contract/api';
import { searchAuditEntries } from '../../graph-queries/audit';
import { displayNames } from '../../graph-queries/display-names';
import type { QueryContext } from '../../graph-queries/run';
import type { AuditLog } from '../audit/audit-log';
import type { IdentityService } from '../identity/identity';
import type { AnnotationService } from './service';

type AnnotationOperation = keyof AnnotationResponseTypes;
export type AnnotationHandlers = {
  [K in AnnotationOperation]: (request: ParsedRequestOf<K>) => Promise<AnnotationResponseTypes[K]>;
};

export interface AnnotationHandlerDeps {
  /** The evidence database: entities, their names. */
  context: () => QueryContext;
  /** Where the audit log lives (the workspace database when one is configured). */
  auditContext: () => QueryContext;
  identity: IdentityService;
  annotations: AnnotationService;
  audit: AuditLog;
}

export function createAnnotationHandlers({ context, auditContext, identity, annotations, audit }: AnnotationHandlerDeps): AnnotationHandlers {
  return {
    async getIdentity() {
      return identity.current();
    },
    async setIdentity(request) {
      return identity.setName(request.name);
    },
    createAnalystLink: (request) => annotations.createLink(request),
    addNote: (request) => annotations.addNote(request),
    updateAnnotation: (request) => annotations.update(request),
    retractAnnotation: (request) => annotations.retract(request),
    listAnnotations: (request) => annotations.list(request.targetId),
    getAnnotationHistory: (request) => annotations.history(request.id),
    async getPendingWrites() {
      const store = annotations.pendingWrites;
      return {
        pending: store.pending().map(({ request: _request, at: _at, ...listed }) => listed),
        notSaved: store.notSaved(),
      };
    },
    async listAuditEntries(request) {
      // Whatever waits in the local journal is written first, so the viewer shows the whole chain.
      await audit.catchUp().catch(() => 0);
      // The seals are for audit:verify; the viewer shows the entry itself. Entries live where the log is
      // written (the workspace database, when there is one); the names of entities in the evidence database.
      const entries = (await searchAuditEntries(auditContext(), request)).map(({ seals: _seals, ...entry }) => entry);
      const names = await displayNames(context(), entries.flatMap((entry) => entry.entityIds));
      return { entries, journalPending: audit.pendingCount(), entityNames: names };
    },
  };
}
