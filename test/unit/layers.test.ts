// The layer table (README, "Which folder may import which"): every import of every source file, read with
// the TypeScript compiler, checked against what its top-level folder may import; and Cypher only in
// graph-queries/. Tests (*.test.ts and test/) and tooling (bench/, scripts/, build/, config files) may
// import anything; the benchmarks' baselines are bare Cypher by design.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');

type Folder =
  | 'shared-values'
  | 'contract'
  | 'identifiers'
  | 'graph-queries'
  | 'export'
  | 'import'
  | 'resolution'
  | 'demo-data'
  | 'local-neo4j'
  | 'backend'
  | 'electron'
  | 'web-server'
  | 'renderer';

interface Layer {
  /** Project folders this one may import (its own files always). */
  folders: Folder[];
  /** Folders it may take only types from (erased at build time). */
  typesFrom?: Folder[];
  /** May it import npm packages, Node built-ins and the repository's package.json? */
  packages: 'none' | 'any' | RegExp[];
  nodeBuiltins: boolean;
  packageJson?: boolean;
}

const BELOW_BACKEND: Folder[] = ['resolution', 'import', 'export', 'demo-data', 'graph-queries', 'contract', 'shared-values', 'identifiers', 'local-neo4j'];
/** Packages only the Electron main process and preload may use. */
const ELECTRON_ONLY = /^electron(\/|$)/;

export const LAYERS: Record<Folder, Layer> = {
  'shared-values': { folders: [], packages: 'none', nodeBuiltins: false },
  contract: { folders: ['shared-values'], packages: [/^zod$/], nodeBuiltins: false },
  identifiers: { folders: ['shared-values', 'contract'], packages: 'any', nodeBuiltins: false },
  'graph-queries': { folders: ['contract', 'shared-values', 'identifiers'], packages: 'any', nodeBuiltins: true },
  export: { folders: ['contract', 'shared-values', 'identifiers'], packages: 'any', nodeBuiltins: true, packageJson: true },
  // import/ reads GraphML and GEXF networks with export/'s hardened XML reader (no DTDs, size and element caps).
  import: { folders: ['graph-queries', 'export', 'contract', 'shared-values', 'identifiers', 'local-neo4j'], packages: 'any', nodeBuiltins: true, packageJson: true },
  resolution: { folders: ['graph-queries', 'contract', 'shared-values', 'identifiers', 'local-neo4j', 'demo-data'], packages: 'any', nodeBuiltins: true, packageJson: true },
  'demo-data': { folders: ['graph-queries', 'contract', 'shared-values', 'identifiers', 'local-neo4j'], packages: 'any', nodeBuiltins: true, packageJson: true },
  'local-neo4j': { folders: ['contract', 'shared-values'], packages: 'any', nodeBuiltins: true, packageJson: true },
  backend: { folders: BELOW_BACKEND, packages: 'any', nodeBuiltins: true, packageJson: true },
  electron: { folders: ['backend', ...BELOW_BACKEND], packages: 'any', nodeBuiltins: true, packageJson: true },
  'web-server': { folders: ['backend', ...BELOW_BACKEND], packages: 'any', nodeBuiltins: true, packageJson: true },
  renderer: { folders: ['shared-values'], typesFrom: ['contract'], packages: [/^(?!electron(\/|$)|neo4j-driver(\/|$)|zod(\/|$))/], nodeBuiltins: false },
};

/** Where Cypher may appear besides graph-queries/: the benchmarks (bare-driver baselines) and the tests. */
const CYPHER_ALLOWED = [/^graph-queries\//, /^bench\//, /^test\//, /\.test\.tsx?$/];
const CYPHER = /\b(?:OPTIONAL\s+MATCH|MATCH|MERGE|CREATE)\s*\(|\bRETURN\s+(?:DISTINCT\s+)?[\w$*(]+(?:\s+AS\b|\s*,|\s*$)|\bDETACH\s+DELETE\b|\bUNWIND\s+\$/m;

const SKIP_DIRS = new Set(['node_modules', 'dist', 'out', 'coverage', '.git', '.schakel-data', 'launcher', 'datasets', 'docs']);

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|cts|mjs|cjs|js)$/.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

/** The layer a file belongs to, or undefined for tests and tooling. */
function layerOf(file: string): Folder | undefined {
  if (/\.test\.tsx?$/.test(file)) return undefined;
  if (file.startsWith('renderer/')) return file.startsWith('renderer/src/') ? 'renderer' : undefined;
  const top = file.split('/')[0];
  return top in LAYERS ? (top as Folder) : undefined;
}

export interface ImportSite {
  specifier: string;
  typeOnly: boolean;
}

/** Every import, export-from, dynamic import and require in a source text, with whether it is erased at build. */
export function importsOf(fileName: string, text: string): ImportSite[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKind(fileName));
  const found: ImportSite[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = Boolean(clause && (clause.isTypeOnly || (!clause.name && named && named.length > 0 && named.every((element) => element.isTypeOnly))));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly || Boolean(named && named.length > 0 && named.every((element) => element.isTypeOnly)) });
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        found.push({ specifier: node.arguments[0].text, typeOnly: false });
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function scriptKind(fileName: string): ts.ScriptKind {
  return fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : /\.[mc]?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/** The text of every string and template literal (template parts joined, substitutions as `$x`). */
export function stringsOf(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKind(fileName));
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      found.push([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('$x'));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** What is wrong with one file's imports under the table, in words. */
export function layerViolations(file: string, text: string): string[] {
  const layer = layerOf(file);
  if (!layer) return [];
  const rules = LAYERS[layer];
  const problems: string[] = [];
  for (const { specifier, typeOnly } of importsOf(file, text)) {
    const problem = importProblem(file, layer, rules, specifier, typeOnly);
    if (problem) problems.push(`${file}: imports "${specifier}": ${problem}`);
  }
  return problems;
}

function importProblem(file: string, layer: Folder, rules: Layer, specifier: string, typeOnly: boolean): string | undefined {
  if (specifier.startsWith('.')) {
    const target = relative(ROOT, resolve(ROOT, dirname(file), specifier));
    if (target.startsWith('..')) return 'reaches outside the repository';
    if (!target.includes('/')) return rules.packageJson ? undefined : `${layer}/ may not read files at the repository root`;
    const top = target.split('/')[0];
    const folder = (top === 'renderer' ? (target.startsWith('renderer/src/') ? 'renderer' : 'renderer (tooling)') : top) as Folder;
    if (folder === layer) return undefined;
    if (rules.folders.includes(folder)) return undefined;
    if (typeOnly && rules.typesFrom?.includes(folder)) return undefined;
    if (rules.typesFrom?.includes(folder)) return `${layer}/ may take only types from ${folder}/ (use "import type")`;
    return `${layer}/ may not import ${folder}/ (allowed: ${rules.folders.map((f) => `${f}/`).join(', ') || 'nothing'})`;
  }
  if (specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0])) {
    return rules.nodeBuiltins ? undefined : `${layer}/ may not use Node built-ins`;
  }
  if (typeOnly) return undefined;
  if (ELECTRON_ONLY.test(specifier) && layer !== 'electron') return 'only electron/ may use Electron';
  if (rules.packages === 'any') return undefined;
  if (rules.packages === 'none') return `${layer}/ imports nothing at all`;
  return rules.packages.some((pattern) => pattern.test(specifier)) ? undefined : `${layer}/ may not use the package "${specifier}" at run time`;
}

const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'url', 'util', 'crypto', 'child_process', 'http', 'https', 'net', 'stream', 'events', 'zlib', 'worker_threads', 'buffer', 'assert', 'module', 'process', 'readline', 'tls', 'dns']);

export function cypherViolations(file: string, text: string): string[] {
  if (CYPHER_ALLOWED.some((pattern) => pattern.test(file)) || !/MATCH|MERGE|CREATE|RETURN|DELETE|UNWIND/.test(text)) return [];
  return stringsOf(file, text)
    .filter((literal) => CYPHER.test(literal))
    .map((literal) => `${file}: Cypher outside graph-queries/: "${literal.replace(/\s+/g, ' ').trim().slice(0, 80)}"`);
}

describe('the layer table', () => {
  it('every source file imports only what its folder may, and only graph-queries/ holds Cypher', () => {
    const files = [...sourceFiles(ROOT)].map((path) => relative(ROOT, path));
    expect(files.length).toBeGreaterThan(300);
    const problems = files.flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return [...layerViolations(file, text), ...cypherViolations(file, text)];
    });
    expect(problems).toEqual([]);
  });

  it('catches each kind of wrong import and stray Cypher', () => {
    const wrong: [string, string][] = [
      ['graph-queries/x.ts', "import { chainEntry } from '../backend/audit/chain';"],
      ['graph-queries/x.ts', "import type { Record } from '../resolution/records';"],
      ['shared-values/x.ts', "import { z } from 'zod';"],
      ['shared-values/x.ts', "import type { EntityType } from '../contract/model';"],
      ['contract/x.ts', "import { readFileSync } from 'node:fs';"],
      ['contract/x.ts', "import { createWorkbench } from '../backend/workbench';"],
      ['renderer/src/x.ts', "import { z } from 'zod';"],
      ['renderer/src/x.ts', "import neo4j from 'neo4j-driver';"],
      ['renderer/src/x.ts', "const fs = await import('node:fs');"],
      ['renderer/src/x.ts', "import { requestSchemas } from '../../contract/api';"],
      ['renderer/src/chart/x.ts', "export { ENTITY_TYPES } from '../../../contract/model';"],
      ['electron/x.ts', "import { startServer } from '../web-server/server';"],
      ['web-server/x.ts', "import { registerIpc } from '../electron/ipc';"],
      ['backend/x.ts', "import { app } from 'electron';"],
      ['export/x.ts', "import { App } from '../renderer/src/App';"],
    ];
    for (const [file, line] of wrong) expect(layerViolations(file, line), `${file}: ${line}`).toHaveLength(1);
    const right: [string, string][] = [
      ['renderer/src/x.ts', "import type { WorkbenchApi } from '../../contract/api';"],
      ['renderer/src/x.ts', "import { type EntityType, type Country } from '../../contract/model';"],
      ['renderer/src/x.ts', "import { ENTITY_TYPE_STYLES } from '../../shared-values/chart-style';"],
      ['renderer/src/x.ts', "import cytoscape from 'cytoscape';"],
      ['contract/x.ts', "import { z } from 'zod';"],
      ['graph-queries/x.ts', "import { ENTITY_TYPES } from '../contract/model';"],
      ['backend/x.ts', "import { exportChart } from '../export';"],
      ['test/x.ts', "import { registerIpc } from '../electron/ipc';"],
      ['electron/x.test.ts', "import { startServer } from '../web-server/server';"],
    ];
    for (const [file, line] of right) expect(layerViolations(file, line), `${file}: ${line}`).toEqual([]);

    expect(cypherViolations('backend/x.ts', 'run(`MATCH (p:Person {id: $id}) RETURN p`);')).toHaveLength(1);
    expect(cypherViolations('scripts/x.ts', "run('MERGE (a:Entity {id: $id})');")).toHaveLength(1);
    expect(cypherViolations('resolution/x.ts', 'q(`WITH 1 AS one RETURN one AS n`);')).toHaveLength(1);
    expect(cypherViolations('graph-queries/x.ts', 'run(`MATCH (p:Person) RETURN p`);')).toEqual([]);
    expect(cypherViolations('bench/suites/x.ts', "run('MATCH (n) RETURN n');")).toEqual([]);
    expect(cypherViolations('renderer/src/x.ts', "const help = 'Press Return to add the match (first hit)';")).toEqual([]);
  });
});
