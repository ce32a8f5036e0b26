// What the rest of the backend tells the audit log (EU Directive 2016/680 Art. 25 categories). The audit
// module (backend/audit/) implements it; handlers only describe what happened.
import type { AuditCategory } from '../contract/operations';

export type { AuditCategory };

export interface AuditEvent {
  category: AuditCategory;
  /** The operation, e.g. "search", "expand", "export", "annotation.update". */
  action: string;
  /** Ids of the entities (and links) concerned. */
  entityIds?: string[];
  /** Required for disclosure; asked for at that moment. */
  justification?: string;
  recipient?: string;
  /** Small, non-sensitive detail such as the search text or the formats exported. */
  details?: Record<string, unknown>;
}

export interface AuditSink {
  record(event: AuditEvent): Promise<void>;
}
