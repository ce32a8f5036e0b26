// The categories of the audit log (what kind of processing an entry records), as the log, its viewer and
// its filters name them.

export const AUDIT_CATEGORIES = ['consultation', 'collection', 'alteration', 'disclosure', 'erasure', 'combination'] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];
