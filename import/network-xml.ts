// GraphML and GEXF network files seen as a table, so they go through the same mapping, rejects file, dry run
// and progress as every other import: one row per node (node, label), then one per edge (source, target,
// type, weight, time, directed), numbered in file order after a notional header row. The XML is read with
// the same untrusted-XML reader as chart files (no DTDs, size and element caps).
import fs from 'node:fs';
import path from 'node:path';
import { ExportError } from '../export/errors';
import { children, firstChild, parseUntrustedXml, type XmlElement } from '../export/xml-read';
import { ImportError } from './errors';
import { NETWORK_XML_HEADERS } from './mapping/network';
import type { SourceRow, TabularFile } from './tabular-file';

type Row = Record<(typeof NETWORK_XML_HEADERS)[number], string>;

const attribute = (element: XmlElement, name: string): string => element['@']?.[name] ?? '';
const text = (element: XmlElement | undefined): string => (element?.['#text'] ?? '').trim();

/** GraphML data keys by what they mean to us: weight, label, type, time, matched on the key's attr.name. */
function graphmlKeys(root: XmlElement): Map<string, string> {
  const meaning = new Map<string, string>();
  for (const key of children(root, 'key')) {
    const name = (attribute(key, 'attr.name') || attribute(key, 'id')).toLowerCase();
    const id = attribute(key, 'id');
    if (['weight', 'value', 'count'].includes(name)) meaning.set(id, 'weight');
    else if (['label', 'name'].includes(name)) meaning.set(id, 'label');
    else if (['type', 'kind', 'relationship', 'relation'].includes(name)) meaning.set(id, 'type');
    else if (['time', 'date', 'timestamp', 'start'].includes(name)) meaning.set(id, 'time');
  }
  return meaning;
}

function graphmlRows(root: XmlElement): Row[] {
  const graph = firstChild(root, 'graph');
  if (!graph) throw new ImportError('FILE_FORMAT', 'NETWORK_NO_GRAPH', { format: 'GraphML' });
  const keys = graphmlKeys(root);
  const dataOf = (element: XmlElement) => {
    const values: Record<string, string> = {};
    for (const data of children(element, 'data')) {
      const meaning = keys.get(attribute(data, 'key'));
      if (meaning && values[meaning] === undefined) values[meaning] = text(data);
    }
    return values;
  };
  const directedByDefault = attribute(graph, 'edgedefault') !== 'undirected';
  const rows: Row[] = [];
  for (const node of children(graph, 'node')) {
    rows.push({ node: attribute(node, 'id'), label: dataOf(node).label ?? '', source: '', target: '', type: '', weight: '', time: '', directed: '' });
  }
  for (const edge of children(graph, 'edge')) {
    const data = dataOf(edge);
    const directedAttribute = attribute(edge, 'directed');
    const directed = directedAttribute ? directedAttribute === 'true' : directedByDefault;
    rows.push({ node: '', label: '', source: attribute(edge, 'source'), target: attribute(edge, 'target'), type: data.type ?? '', weight: data.weight ?? '', time: data.time ?? '', directed: String(directed) });
  }
  return rows;
}

function gexfRows(root: XmlElement): Row[] {
  const graph = firstChild(root, 'graph');
  if (!graph) throw new ImportError('FILE_FORMAT', 'NETWORK_NO_GRAPH', { format: 'GEXF' });
  const directedByDefault = attribute(graph, 'defaultedgetype') !== 'undirected';
  const rows: Row[] = [];
  for (const node of children(firstChild(graph, 'nodes'), 'node')) {
    rows.push({ node: attribute(node, 'id'), label: attribute(node, 'label'), source: '', target: '', type: '', weight: '', time: '', directed: '' });
  }
  for (const edge of children(firstChild(graph, 'edges'), 'edge')) {
    // GEXF's `type` is the edge's direction; its kind of relation is `kind` (1.3) or `label`.
    const direction = attribute(edge, 'type');
    const directed = direction ? direction !== 'undirected' : directedByDefault;
    rows.push({
      node: '',
      label: '',
      source: attribute(edge, 'source'),
      target: attribute(edge, 'target'),
      type: attribute(edge, 'kind') || attribute(edge, 'label'),
      weight: attribute(edge, 'weight'),
      time: attribute(edge, 'start') || attribute(edge, 'timestamp'),
      directed: String(directed),
    });
  }
  return rows;
}

export function isNetworkXmlName(filePath: string): 'graphml' | 'gexf' | null {
  const extension = path.extname(filePath).toLowerCase();
  return extension === '.graphml' ? 'graphml' : extension === '.gexf' ? 'gexf' : null;
}

/** Reads a GraphML or GEXF file whole (up to the chart-file limit) and offers its nodes and edges as rows. */
export async function openNetworkXmlFile(filePath: string, totalBytes: number, format: 'graphml' | 'gexf'): Promise<TabularFile> {
  const fileName = path.basename(filePath);
  const formatName = format === 'graphml' ? 'GraphML' : 'GEXF';
  let rows: Row[];
  try {
    const bytes = await fs.promises.readFile(filePath);
    const document = parseUntrustedXml(bytes, { formatName });
    const root = firstChild(document, format === 'graphml' ? 'graphml' : 'gexf');
    if (!root) throw new ImportError('FILE_FORMAT', 'NOT_A_NETWORK_FILE', { file: fileName, format: formatName, element: format });
    rows = format === 'graphml' ? graphmlRows(root) : gexfRows(root);
  } catch (error) {
    if (error instanceof ExportError) throw new ImportError(error.code === 'FILE_TOO_LARGE' ? 'FILE_TOO_LARGE' : 'FILE_FORMAT', 'NETWORK_FILE_REFUSED', { file: fileName, detail: error.message, hint: error.hint ?? '' });
    if (error instanceof ImportError) throw error;
    throw new ImportError('FILE_UNREADABLE', 'NETWORK_FILE_UNREADABLE', { file: fileName, error: String((error as Error)?.message ?? error).slice(0, 160) });
  }
  let consumed = 0;
  async function* iterate(): AsyncGenerator<SourceRow> {
    for (const [index, row] of rows.entries()) {
      consumed = index + 1;
      yield { number: index + 2, cells: NETWORK_XML_HEADERS.map((header) => row[header]), problems: [] };
    }
  }
  return {
    format,
    fileName,
    totalBytes,
    headers: [...NETWORK_XML_HEADERS],
    rows: iterate(),
    bytesRead: () => (rows.length === 0 ? totalBytes : Math.round((totalBytes * consumed) / rows.length)),
    close: async () => undefined,
  };
}
