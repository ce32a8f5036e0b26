// The CAVIAR wiretap network (Montreal, 1994–1996): eleven phases of intercepted communications between
// players, loaded as Person -USES-> Phone and Phone -CALLED {count, phase}-> Phone per phase, each phase a
// wiretap Source of one Canadian Case. See datasets/caviar/README.md for the data and Schakel's assumptions.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Driver } from 'neo4j-driver';
import { searchTextFor } from '../identifiers';
import { applyMigrations } from '../graph-queries/migrations';
import { writeCaviar } from '../graph-queries/caviar-writes';
import type { NodeRecord, RelationshipRecord, WritableValue } from '../graph-queries/seed-writes';

export const CAVIAR_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'datasets', 'caviar');
export const CAVIAR_PHASES = 11;
export const CAVIAR_CASE_ID = 'CASE-CAVIAR';
const AGENCY = 'Montreal police / RCMP (Project Caviar)';

export interface CaviarPhase {
  phase: number;
  /** Player ids in the order of the matrix rows and columns. */
  players: number[];
  /** matrix[i][j]: communications from players[i] to players[j] (row → column). */
  matrix: number[][];
}

export class CaviarFileError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'CaviarFileError';
  }
}

/** Parses datasets/caviar/phase1.csv … phase11.csv and checks each is a square matrix of counts. */
export function readCaviarPhases(dir: string = CAVIAR_DIR): CaviarPhase[] {
  const phases: CaviarPhase[] = [];
  for (let phase = 1; phase <= CAVIAR_PHASES; phase++) {
    const file = path.join(dir, `phase${phase}.csv`);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new CaviarFileError(`Cannot read ${file}.`, 'The CAVIAR files ship in datasets/caviar/; restore them from the repository.');
    }
    phases.push(parsePhase(phase, file, text));
  }
  return phases;
}

function parsePhase(phase: number, file: string, text: string): CaviarPhase {
  const parsed = Papa.parse<string[]>(text.trim(), { header: false, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw new CaviarFileError(`${path.basename(file)} row ${(first.row ?? 0) + 1}: ${first.message}.`, 'Restore the file from the repository.');
  }
  const [header, ...rows] = parsed.data;
  const players = header.slice(1).map((id) => toCount(id, file, 1));
  if (rows.length !== players.length) {
    throw new CaviarFileError(`${path.basename(file)} has ${players.length} player columns but ${rows.length} rows.`, 'Each phase must be a square matrix; restore the file.');
  }
  const matrix = rows.map((row, i) => {
    const rowNumber = i + 2;
    if (toCount(row[0], file, rowNumber) !== players[i]) {
      throw new CaviarFileError(`${path.basename(file)} row ${rowNumber} is for player ${row[0]}, expected ${players[i]}.`, 'Rows must list the players in the same order as the columns.');
    }
    if (row.length !== players.length + 1) {
      throw new CaviarFileError(`${path.basename(file)} row ${rowNumber} has ${row.length - 1} counts, expected ${players.length}.`, 'Restore the file from the repository.');
    }
    return row.slice(1).map((cell) => toCount(cell, file, rowNumber));
  });
  return { phase, players, matrix };
}

function toCount(cell: string | undefined, file: string, rowNumber: number): number {
  const value = Number(cell);
  if (cell === undefined || cell.trim() === '' || !Number.isInteger(value) || value < 0) {
    throw new CaviarFileError(`${path.basename(file)} row ${rowNumber} has "${cell ?? ''}" where a whole number is expected.`, 'Restore the file from the repository.');
  }
  return value;
}

/**
 * The time window of a phase. The real dates are not published; Schakel assumes consecutive two-month
 * windows from 1 March 1994 (documented in datasets/caviar/README.md).
 */
export function caviarPhaseWindow(phase: number): { from: string; until: string } {
  const start = new Date(Date.UTC(1994, 2 + 2 * (phase - 1), 1));
  const next = new Date(Date.UTC(1994, 2 + 2 * phase, 1));
  return { from: start.toISOString().replace('.000Z', 'Z'), until: new Date(next.getTime() - 1000).toISOString().replace('.000Z', 'Z') };
}

const GRADING = { sourceReliability: 'A', informationReliability: '1', handling: 'H0' } as const;

/** Pure: the nodes and relationships the CAVIAR phases become. */
export function buildCaviarRecords(phases: CaviarPhase[]): { nodes: NodeRecord[]; relationships: RelationshipRecord[] } {
  const nodes: NodeRecord[] = [];
  const relationships: RelationshipRecord[] = [];
  const provenance = (sourceId: string): Record<string, WritableValue> => ({ caseId: CAVIAR_CASE_ID, sourceId, agency: AGENCY, ...GRADING, dataset: 'caviar' });
  const withSearch = (type: NodeRecord['type'], id: string, props: Record<string, WritableValue>): NodeRecord => ({
    id,
    type,
    props: { ...props, searchText: searchTextFor(type, { id, ...props }) },
  });

  // No `country`: the case is Canadian, and the data model's country is NL or BE only.
  nodes.push(
    withSearch('Case', CAVIAR_CASE_ID, {
      label: 'CAVIAR – Project Caviar (Montreal, 1994–1996)',
      reference: 'CAVIAR',
      title: 'Project Caviar: hashish and cocaine importation network (Montreal, 1994–1996)',
      agency: AGENCY,
      opened: caviarPhaseWindow(1).from.slice(0, 10),
      caseId: CAVIAR_CASE_ID,
      dataset: 'caviar',
    }),
  );

  const phasesOf = new Map<number, number[]>();
  for (const { phase, players } of phases) {
    const sourceId = `S-CAVIAR-PHASE-${phase}`;
    const window = caviarPhaseWindow(phase);
    nodes.push(
      withSearch('Source', sourceId, {
        label: `phase${phase}.csv (wiretap phase ${phase})`,
        kind: 'wiretap',
        file: `phase${phase}.csv`,
        phase,
        recordedAt: window.until,
        ...provenance(sourceId),
      }),
    );
    relationships.push(link(`CAVIAR-PO-${phase}`, 'PART_OF', sourceId, 'Source', CAVIAR_CASE_ID, 'Case', provenance(sourceId)));
    for (const player of players) phasesOf.set(player, [...(phasesOf.get(player) ?? []), phase]);
  }

  for (const [player, seen] of [...phasesOf.entries()].sort(([a], [b]) => a - b)) {
    const firstSource = `S-CAVIAR-PHASE-${seen[0]}`;
    const personId = `CAVIAR-P${player}`;
    const phoneId = `CAVIAR-PH${player}`;
    nodes.push(
      withSearch('Person', personId, {
        label: `Player ${player}`,
        fullName: `Player ${player}`,
        ...(player === 1 ? { role: 'principal trafficker' } : {}),
        phases: seen,
        ...provenance(firstSource),
      }),
      withSearch('Phone', phoneId, { label: `Line of player ${player}`, phases: seen, ...provenance(firstSource) }),
    );
    relationships.push(
      link(`CAVIAR-U${player}`, 'USES', personId, 'Person', phoneId, 'Phone', {
        from: caviarPhaseWindow(seen[0]).from,
        until: caviarPhaseWindow(seen[seen.length - 1]).until,
        ...provenance(firstSource),
      }),
    );
    for (const phase of seen) {
      const sourceId = `S-CAVIAR-PHASE-${phase}`;
      relationships.push(
        link(`CAVIAR-RI-P${player}-${phase}`, 'RECORDED_IN', personId, 'Person', sourceId, 'Source', provenance(sourceId)),
        link(`CAVIAR-RI-PH${player}-${phase}`, 'RECORDED_IN', phoneId, 'Phone', sourceId, 'Source', provenance(sourceId)),
      );
    }
  }

  for (const { phase, players, matrix } of phases) {
    const sourceId = `S-CAVIAR-PHASE-${phase}`;
    const window = caviarPhaseWindow(phase);
    players.forEach((caller, i) =>
      players.forEach((callee, j) => {
        const count = matrix[i][j];
        if (count === 0 || caller === callee) return;
        relationships.push(
          link(`CAVIAR-C${phase}-${caller}-${callee}`, 'CALLED', `CAVIAR-PH${caller}`, 'Phone', `CAVIAR-PH${callee}`, 'Phone', {
            count,
            phase,
            from: window.from,
            until: window.until,
            ...provenance(sourceId),
          }),
        );
      }),
    );
  }
  return { nodes, relationships };
}

function link(
  id: string,
  type: RelationshipRecord['type'],
  from: string,
  fromType: RelationshipRecord['fromType'],
  to: string,
  toType: RelationshipRecord['toType'],
  props: Record<string, WritableValue>,
): RelationshipRecord {
  return { id, type, from, fromType, to, toType, props };
}

export interface LoadCaviarOptions {
  database?: string;
  dir?: string;
  onProgress?: (msg: string) => void;
}

export async function loadCaviar(driver: Driver, opts: LoadCaviarOptions = {}): Promise<{ nodes: number; relationships: number; phases: number; elapsedMs: number }> {
  const started = performance.now();
  const phases = readCaviarPhases(opts.dir);
  const { nodes, relationships } = buildCaviarRecords(phases);
  await applyMigrations(driver, opts.database);
  opts.onProgress?.(`Writing CAVIAR: ${nodes.length} nodes, ${relationships.length} relationships from ${phases.length} phases…`);
  const written = await writeCaviar(driver, nodes, relationships, { database: opts.database, phases: phases.length });
  return { ...written, phases: phases.length, elapsedMs: Math.round(performance.now() - started) };
}
