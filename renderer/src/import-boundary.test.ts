// The renderer is a sandboxed web page: it must not pull in Electron, Node built-ins, the database driver,
// zod or backend code, and may take only *types* from contract/ (whose runtime part drags zod and schemas
// in). Values it shares with the backend and the exports come from shared-values/, which imports nothing.
// test/e2e/renderer-bundle.test.ts checks the built bundle as well.
// The files are read through Vite's import.meta.glob (as raw text) rather than node:fs, because this test is
// type-checked with the renderer's tsconfig, which deliberately has no Node types.
import { describe, expect, it } from 'vitest';

const SOURCES = import.meta.glob(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts', '!./**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

const FORBIDDEN: { pattern: RegExp; why: string }[] = [
  { pattern: /^electron(\/|$)/, why: 'Electron APIs belong in electron/ and reach the page only through the preload' },
  { pattern: /^node:/, why: 'Node built-ins do not exist in the sandboxed page' },
  { pattern: /^neo4j-driver(\/|$)/, why: 'the driver runs in the backend only' },
  { pattern: /(^|\/)backend(\/|$)/, why: 'backend code runs in the main process / web server' },
  { pattern: /graph-queries/, why: 'Cypher lives in the backend' },
  { pattern: /^zod(\/|$)/, why: 'validation runs in the backend; zod stays out of the page' },
];

/** Every import/export-from/dynamic import/require specifier in a source file, with whether it is type-only. */
export function findImports(source: string): { specifier: string; typeOnly: boolean }[] {
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const staticImport = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(staticImport)) {
    const clause = match[3] ?? '';
    const typeOnly = Boolean(match[2]) || isAllInlineTypes(clause);
    found.push({ specifier: match[4], typeOnly });
  }
  for (const match of source.matchAll(/(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]/g)) {
    found.push({ specifier: match[1], typeOnly: false });
  }
  for (const match of source.matchAll(/\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push({ specifier: match[1], typeOnly: false });
  }
  return found;
}

/** `{ type A, type B }` imports nothing at run time (with isolatedModules the import is erased). */
function isAllInlineTypes(clause: string): boolean {
  const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
  if (!braces) return false;
  const names = braces[1].split(',').map((n) => n.trim()).filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

export function boundaryViolations(file: string, source: string): string[] {
  const problems: string[] = [];
  for (const { specifier, typeOnly } of findImports(source)) {
    for (const rule of FORBIDDEN) {
      if (rule.pattern.test(specifier)) problems.push(`${file}: imports "${specifier}" (${rule.why})`);
    }
    if (/(^|\/)contract(\/|$)/.test(specifier) && !typeOnly) {
      problems.push(`${file}: imports "${specifier}" at run time; use "import type" for the contract`);
    }
  }
  return problems;
}

describe('renderer import boundary', () => {
  it('renderer sources import no Electron, Node, driver or backend code, and only types from contract/', () => {
    const files = Object.entries(SOURCES);
    expect(files.length).toBeGreaterThan(10);
    expect(Object.keys(SOURCES)).toEqual(expect.arrayContaining(['./App.tsx', './chart/chart-controller.ts', './api/http-transport.ts']));
    const problems = files.flatMap(([file, source]) => boundaryViolations(file, source));
    expect(problems).toEqual([]);
  });

  it('the scanner itself catches each kind of violation', () => {
    const bad = [
      "import { ipcRenderer } from 'electron';",
      "import fs from 'node:fs';",
      "import neo4j from 'neo4j-driver';",
      "import { createWorkbench } from '../../backend/workbench';",
      "import { cypher } from '../../graph-queries/search';",
      "import { requestSchemas } from '../../contract/api';",
      "import { type EntityType, ENTITY_TYPES } from '../../contract/model';",
      "export { OPERATION_NAMES } from '../../contract/api';",
      "const m = await import('node:path');",
      "import { z } from 'zod';",
    ];
    for (const line of bad) expect(boundaryViolations('x.ts', line), line).toHaveLength(1);
    const good = [
      "import type { WorkbenchApi } from '../../contract/api';",
      "import { type EntityType, type Country } from '../../contract/model';",
      "import cytoscape from 'cytoscape';",
      "import { ENTITY_TYPE_STYLES } from '../../../shared-values/chart-style';",
    ];
    for (const line of good) expect(boundaryViolations('x.ts', line), line).toEqual([]);
  });
});
