// What a query plan may not contain, and the few justified exceptions (all of them here, in one place).
import { ENTITY_TYPES } from '../../contract/model';
import { ENTITY_LABEL } from '../../graph-queries/migrations';

export interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  identifiers: string[];
  children: PlanNode[];
}

/** Labels that grow with the evidence or with every analyst's work: never read whole. */
export const GUARDED_LABELS = new Set<string>([...ENTITY_TYPES, ENTITY_LABEL, 'AuditEntry', 'SavedChart', 'AnalystNote', 'AnnotationRevision', 'MatchCandidate', 'QueryTemplate']);

const LABEL_SCANS = /^(NodeByLabelScan|IntersectionNodeByLabelsScan|UnionNodeByLabelsScan|SubtractionNodeByLabelsScan|PartitionedNodeByLabelScan)$/;
const ALL_NODES = /^(Partitioned)?AllNodesScan$/;
const RELATIONSHIP_SCANS = /^(Partitioned)?(Directed|Undirected)(AllRelationshipsScan|RelationshipTypeScan|UnionRelationshipTypesScan)$/;

/**
 * Statement fragment → why its scan is acceptable. A statement containing the fragment may use the scans
 * listed for it; nothing else is exempt.
 */
export const JUSTIFIED_SCANS: Record<string, { operators: RegExp; why: string }> = {
  // Not justified at scale, only tolerated until the audit rewrite lands: it replaces this head read (a
  // label scan sorted by seq, through READ routing) with a locked head node read in the write transaction.
  // Delete this entry when graph-queries/audit.ts no longer contains the statement.
  'MATCH (e:AuditEntry) RETURN e.seq AS seq, e.hash AS hash ORDER BY e.seq DESC LIMIT 1': {
    operators: /^NodeByLabelScan$/,
    why: 'audit head read, replaced by the audit design on its own branch',
  },
};

export function planProblems(plan: PlanNode, cypher: string): string[] {
  const exemptions = Object.entries(JUSTIFIED_SCANS).filter(([fragment]) => cypher.includes(fragment)).map(([, rule]) => rule.operators);
  const problems: string[] = [];
  const visit = (node: PlanNode) => {
    const operator = node.operatorType.replace(/@.*$/, '');
    const details = String(node.arguments?.Details ?? node.arguments?.details ?? '');
    let problem: string | undefined;
    if (ALL_NODES.test(operator) || RELATIONSHIP_SCANS.test(operator)) problem = `${operator}(${details})`;
    if (LABEL_SCANS.test(operator)) {
      const labels = [...details.matchAll(/:\s*`?(\w+)`?/g)].map((match) => match[1]);
      if (labels.some((label) => GUARDED_LABELS.has(label))) problem = `${operator}(${details})`;
    }
    if (problem && !exemptions.some((allowed) => allowed.test(operator))) problems.push(problem);
    node.children?.forEach(visit);
  };
  visit(plan);
  return problems;
}
