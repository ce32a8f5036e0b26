// The renderer as users get it (dist/renderer, built by `npm run build:renderer`) carries no zod, no Node
// built-in and no database driver: the source check (renderer/src/import-boundary.test.ts, the layer table)
// could miss one that arrives through a package or a re-export, the built bundle cannot.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureRendererBuilt, REPO_ROOT } from './support/renderer-build';

const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  // zod's schema classes are named "$ZodString", "$ZodObject", …; every schema keeps its state in `._zod`.
  { what: 'zod', pattern: /\$Zod[A-Z]\w*|\._zod\b/ },
  // Vite swaps a Node built-in imported by browser code for this stub module.
  { what: 'a Node built-in', pattern: /__vite-browser-external|\brequire\(\s*["'](?:node:)?(?:fs|path|os|child_process|crypto|net|http|https|stream|url|util|zlib|worker_threads)["']\s*\)|\bfrom\s*["']node:|\bimport\(\s*["']node:/ },
  { what: 'the Neo4j driver', pattern: /\bNeo4jError\b|bolt\+routing/ },
];

export function bundleProblems(name: string, text: string): string[] {
  return FORBIDDEN.filter(({ pattern }) => pattern.test(text)).map(({ what }) => `${name} contains ${what}`);
}

function scripts(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(m?js)$/.test(file)).map((file) => path.join(dir, file));
}

describe('the built renderer bundle', () => {
  it('contains no zod, no Node built-in and no database driver', () => {
    const dist = ensureRendererBuilt();
    const files = scripts(dist);
    expect(files.length).toBeGreaterThan(0);
    const problems = files.flatMap((file) => bundleProblems(path.relative(dist, file), fs.readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('would notice zod, a Node built-in or the driver if one were bundled', () => {
    const zod = fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'zod', 'v4', 'core', 'schemas.js'), 'utf8');
    expect(bundleProblems('zod', zod)).toEqual(['zod contains zod']);
    expect(bundleProblems('stub', 'var e=Object.freeze({__proto__:null});/* __vite-browser-external */')).toEqual(['stub contains a Node built-in']);
    expect(bundleProblems('cjs', 'const f=require("fs");')).toEqual(['cjs contains a Node built-in']);
    const driver = fs.readFileSync(path.join(REPO_ROOT, 'node_modules', 'neo4j-driver-core', 'lib', 'error.js'), 'utf8');
    expect(bundleProblems('driver', driver)).toEqual(['driver contains the Neo4j driver']);
    expect(bundleProblems('app', 'const api={search:q=>fetch("/api/search",{method:"POST"})};')).toEqual([]);
  });
});
