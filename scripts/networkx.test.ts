import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NETWORKX_TEST_FILES, networkxInstallCommand } from './networkx';

describe('networkx for the centrality tests', () => {
  it('names exactly the integration files that run the networkx reference', () => {
    const dir = path.resolve(import.meta.dirname, '..', 'test', 'integration');
    const usingReference = fs.readdirSync(dir).filter((file) => fs.readFileSync(path.join(dir, file), 'utf8').includes('centrality_networkx.py'));
    expect(usingReference.length).toBeGreaterThan(0);
    expect(usingReference.filter((file) => !NETWORKX_TEST_FILES.test(file))).toEqual([]);
    expect(fs.readdirSync(dir).filter((file) => NETWORKX_TEST_FILES.test(file)).sort()).toEqual(usingReference.sort());
  });

  it('names one exact install command per kind of machine', () => {
    expect(networkxInstallCommand('linux', true)).toBe('sudo apt-get install -y --no-install-recommends python3 python3-networkx');
    expect(networkxInstallCommand('darwin', false)).toContain('python3 -m pip install networkx');
  });
});
