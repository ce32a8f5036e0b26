// Who is stamped on work and audit entries: the short answer every audit entry uses says the same as the
// full status the UI shows, whichever source the name and role come from.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IdentityService } from './identity';

const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-identity-'));

describe('IdentityService.who', () => {
  it('names the Neo4j user and the role from their Neo4j roles', () => {
    const identity = new IdentityService({ dataDir: dataDir(), env: {}, databaseUser: () => ({ user: 'inspecteur.maes', roles: ['schakel_mit_annotator'] }) });
    expect(identity.who()).toEqual({ name: 'inspecteur.maes', role: 'mit-annotator' });
    expect(identity.current()).toMatchObject(identity.who());
  });

  it('falls back to the computer account and SCHAKEL_ROLE, an unknown role working read-only', () => {
    const analyst = new IdentityService({ dataDir: dataDir(), env: { SCHAKEL_ROLE: 'auditor' } });
    expect(analyst.who()).toEqual({ name: os.userInfo().username, role: 'auditor' });
    const typo = new IdentityService({ dataDir: dataDir(), env: { SCHAKEL_ROLE: 'analist' } });
    expect(typo.who().role).toBe('read-only');
    expect(typo.current()).toMatchObject(typo.who());
  });

  it('prefers an explicit name and role over the database user', () => {
    const identity = new IdentityService({ dataDir: dataDir(), env: {}, explicit: { name: '  Analyst Claes ', role: 'analyst' }, databaseUser: () => ({ user: 'neo4j', roles: ['reader'] }) });
    expect(identity.who()).toEqual({ name: 'Analyst Claes', role: 'analyst' });
    expect(identity.current()).toMatchObject(identity.who());
  });
});
