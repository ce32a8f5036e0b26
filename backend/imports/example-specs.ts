// The example import specifications shipped in docs/import-specs/, offered in the import dialog as starting
// points. Read from disk on each preview (a handful of small files), so an edited example shows at once.
// Where the folder is not shipped (a packaged app), the list is empty and the user pastes a specification.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportSpecExample } from '../../contract/imports';

function defaultExamplesDir(): string | undefined {
  // import.meta.url is missing when this module is bundled to CommonJS (see local-neo4j/paths.ts).
  if (typeof import.meta === 'undefined' || !import.meta.url) return undefined;
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'import-specs');
}

export function listExampleSpecs(dir: string | undefined = defaultExamplesDir()): ImportSpecExample[] {
  if (!dir) return [];
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((file) => file.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const examples: ImportSpecExample[] = [];
  for (const file of files) {
    try {
      const spec = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
      if (typeof spec.name !== 'string' || typeof spec.kind !== 'string') continue;
      examples.push({ file, name: spec.name, kind: spec.kind, description: typeof spec.description === 'string' ? spec.description : undefined, spec });
    } catch {
      // A damaged example is simply not offered; the importer validates whatever the user picks anyway.
    }
  }
  return examples;
}
