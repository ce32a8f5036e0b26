// npm run runtime:build [-- --output DIR] [--jdeps]: the trimmed Java runtime for the installers
// (local-neo4j/java-runtime-build.ts); --jdeps recomputes the module list first (slow).
import { parseArgs } from 'node:util';
import { buildJavaRuntime, modulesFromJdeps, RUNTIME_ONLY_MODULES } from '../local-neo4j/java-runtime-build';

const { values } = parseArgs({ options: { output: { type: 'string' }, jdeps: { type: 'boolean', default: false } } });
try {
  let modules: string[] | undefined;
  if (values.jdeps) {
    console.log('Running jdeps over the launcher and its jars (a few minutes)…');
    const found = modulesFromJdeps();
    console.log(`jdeps: ${found.join(',')}`);
    modules = [...new Set([...found, ...RUNTIME_ONLY_MODULES])].sort();
  }
  const built = buildJavaRuntime({ output: values.output, modules, log: (line) => console.log(line) });
  console.log(`Java ${built.major} runtime with ${built.modules.length} modules in ${built.dir}`);
} catch (error) {
  console.error(`runtime:build: ${(error as Error).message}`);
  process.exit(1);
}
