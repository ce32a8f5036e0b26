import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCaviarRecords, CaviarFileError, caviarPhaseWindow, readCaviarPhases } from './caviar';

const phases = readCaviarPhases();

describe('readCaviarPhases', () => {
  it('reads eleven square matrices with player 1 in every phase', () => {
    expect(phases.map((p) => p.phase)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const { players, matrix } of phases) {
      expect(matrix).toHaveLength(players.length);
      for (const row of matrix) expect(row).toHaveLength(players.length);
      expect(players).toContain(1);
    }
    expect(phases[0].players).toHaveLength(15);
    expect(phases[0].matrix.flat().reduce((a, b) => a + b, 0)).toBe(59);
  });

  it('says which file and row is broken', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'caviar-'));
    try {
      for (let i = 1; i <= 11; i++) fs.copyFileSync(path.join(import.meta.dirname, '..', 'datasets', 'caviar', `phase${i}.csv`), path.join(dir, `phase${i}.csv`));
      fs.writeFileSync(path.join(dir, 'phase3.csv'), '"players","1","2"\n"1",0,x\n"2",1,0\n');
      expect(() => readCaviarPhases(dir)).toThrow(CaviarFileError);
      expect(() => readCaviarPhases(dir)).toThrow(/phase3\.csv row 2/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('buildCaviarRecords', () => {
  const { nodes, relationships } = buildCaviarRecords(phases);

  it('makes one person and one phone per player, one case and a wiretap source per phase', () => {
    const players = new Set(phases.flatMap((p) => p.players));
    expect(nodes.filter((n) => n.type === 'Person')).toHaveLength(players.size);
    expect(nodes.filter((n) => n.type === 'Phone')).toHaveLength(players.size);
    expect(nodes.filter((n) => n.type === 'Source').map((s) => s.props.kind)).toEqual(Array(11).fill('wiretap'));
    const kase = nodes.find((n) => n.type === 'Case')!;
    expect(kase.props.country).toBeUndefined();
    expect(kase.props.reference).toBe('CAVIAR');
    expect(nodes.find((n) => n.id === 'CAVIAR-P1')?.props.label).toBe('Player 1');
  });

  it('keeps each phase’s call counts, row to column, inside the phase window', () => {
    for (const { phase, matrix } of phases) {
      const calls = relationships.filter((r) => r.type === 'CALLED' && r.props.phase === phase);
      expect(calls.reduce((sum, r) => sum + Number(r.props.count), 0)).toBe(matrix.flat().reduce((a, b) => a + b, 0));
      for (const call of calls) expect(call.props).toMatchObject(caviarPhaseWindow(phase));
    }
    const p1 = phases[0];
    const j = p1.players.indexOf(89);
    const call = relationships.find((r) => r.id === 'CAVIAR-C1-1-89');
    expect(call?.props.count).toBe(p1.matrix[p1.players.indexOf(1)][j]);
    expect(call?.from).toBe('CAVIAR-PH1');
  });

  it('uses consecutive two-month windows from March 1994', () => {
    expect(caviarPhaseWindow(1)).toEqual({ from: '1994-03-01T00:00:00Z', until: '1994-04-30T23:59:59Z' });
    expect(caviarPhaseWindow(11)).toEqual({ from: '1995-11-01T00:00:00Z', until: '1995-12-31T23:59:59Z' });
  });
});
