// Saved charts live in Neo4j so a team shares them. The document is stored whole as JSON (it is the
// analyst's work product, read and written as one piece); a version number makes concurrent saves safe.
import type { Node } from 'neo4j-driver';
import { ApiError, type ChartListing } from '../contract/api';
import { chartDocumentSchema, type ChartDocument } from '../contract/chart';
import { toProperties } from './mapper';
import { int, readRows, writeRows, type QueryContext } from './run';

export const SAVED_CHART_LABEL = 'SavedChart';

function listingOf(node: Node): ChartListing {
  const props = toProperties(node.properties, ['document']);
  return {
    id: String(props.id),
    title: String(props.title),
    version: Number(props.version),
    updatedAt: String(props.updatedAt),
    updatedBy: typeof props.updatedBy === 'string' ? props.updatedBy : undefined,
    entityCount: Number(props.entityCount),
    linkCount: Number(props.linkCount),
  };
}

/** Newest first along the updatedAt index; `before` (the updatedAt of a page's last chart) reads the next page. */
export async function listCharts(ctx: QueryContext, page: { before?: string; limit?: number } = {}): Promise<ChartListing[]> {
  const rows = await readRows(
    ctx,
    `MATCH (c:${SAVED_CHART_LABEL}) WHERE c.updatedAt < $before RETURN c ORDER BY c.updatedAt DESC LIMIT $limit`,
    // Every save sets updatedAt, an ISO time; '~' sorts after any of them.
    { before: page.before ?? '~', limit: int(page.limit ?? 1000) },
  );
  return rows.map((row) => listingOf(row.c as Node));
}

/**
 * Creates or updates a chart. With expectedVersion, the save only goes through if nobody saved a newer
 * version meanwhile; otherwise the analyst gets a conflict instead of silently overwriting a colleague.
 */
export async function saveChart(ctx: QueryContext, chart: ChartDocument, user: string | undefined, expectedVersion?: number): Promise<ChartListing> {
  const rows = await writeRows(
    ctx,
    `MERGE (c:${SAVED_CHART_LABEL} {id: $id})
     ON CREATE SET c.version = 0, c.createdAt = datetime(), c.createdBy = $user
     WITH c, c.version AS current
     WHERE $expected IS NULL OR current = $expected
     SET c.version = current + 1, c.title = $title, c.document = $document, c.updatedAt = toString(datetime()),
         c.updatedBy = $user, c.entityCount = $entityCount, c.linkCount = $linkCount
     RETURN c`,
    {
      id: chart.id,
      title: chart.title,
      document: JSON.stringify(chart),
      user: user ?? null,
      expected: expectedVersion === undefined ? null : int(expectedVersion),
      entityCount: int(chart.entities.length),
      linkCount: int(chart.links.length),
    },
  );
  if (!rows[0]) {
    throw new ApiError({
      code: 'CONFLICT',
      message: `Someone saved "${chart.title}" after you opened it.`,
      hint: 'Save yours under a new name (Duplicate), or reopen the chart to see their version.',
    });
  }
  return listingOf(rows[0].c as Node);
}

export async function loadChart(ctx: QueryContext, id: string): Promise<{ chart: ChartDocument; version: number } | null> {
  const rows = await readRows(ctx, `MATCH (c:${SAVED_CHART_LABEL} {id: $id}) RETURN c.document AS document, c.version AS version`, { id });
  if (!rows[0]) return null;
  const parsed = chartDocumentSchema.safeParse(safeJson(String(rows[0].document)));
  if (!parsed.success) {
    throw new ApiError({ code: 'BAD_REQUEST', message: `The saved chart "${id}" is damaged and cannot be opened.`, hint: 'Open an exported copy of it, or ask who saved it last.' });
  }
  return { chart: parsed.data, version: Number(toProperties({ v: rows[0].version }).v) };
}

export async function renameChart(ctx: QueryContext, id: string, title: string): Promise<ChartListing | null> {
  const loaded = await loadChart(ctx, id);
  if (!loaded) return null;
  const rows = await writeRows(
    ctx,
    `MATCH (c:${SAVED_CHART_LABEL} {id: $id})
     SET c.title = $title, c.document = $document, c.version = c.version + 1, c.updatedAt = toString(datetime())
     RETURN c`,
    { id, title, document: JSON.stringify({ ...loaded.chart, title }) },
  );
  return rows[0] ? listingOf(rows[0].c as Node) : null;
}

export async function deleteChart(ctx: QueryContext, id: string): Promise<boolean> {
  const rows = await writeRows(ctx, `MATCH (c:${SAVED_CHART_LABEL} {id: $id}) DETACH DELETE c RETURN count(*) AS deleted`, { id });
  return Number(toProperties({ d: rows[0]?.deleted ?? 0 }).d) > 0;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
