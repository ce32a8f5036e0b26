// npm run verify-export -- MANIFEST
// Recomputes the SHA-256 of every file listed in an export manifest. Exit 0: all match. Exit 1: a
// file was changed or is missing (named in the output). Exit 2: the manifest is missing or malformed.
import { resolve } from 'node:path';
import { isExportError, verifyExport } from '../export/index';

async function main(): Promise<number> {
  const argument = process.argv.slice(2).find((value) => value !== '--');
  if (!argument) {
    console.error('Usage: npm run verify-export -- <name>.manifest.json');
    return 2;
  }
  try {
    const report = await verifyExport(resolve(argument));
    for (const file of report.files) {
      console.log(`${file.status === 'unchanged' ? 'OK      ' : file.status === 'changed' ? 'CHANGED ' : 'MISSING '} ${file.name}`);
    }
    console.log(report.message);
    return report.ok ? 0 : 1;
  } catch (error) {
    if (isExportError(error)) {
      console.error(error.message);
      if (error.hint) console.error(error.hint);
      return 2;
    }
    console.error(`Verification failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

process.exitCode = await main();
