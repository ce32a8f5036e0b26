// Who the server says is signed in. With authentication off (the managed local default) there is no such
// user, whatever name a client sent. Roles come back only from servers with role-based access control
// (Enterprise, Aura); Community answers without them.
import type { Driver } from 'neo4j-driver';
import { toPlain } from './mapper';

export interface AuthenticatedUser {
  user: string;
  /** null when the server has no role-based access control. */
  roles: string[] | null;
}

export async function currentDatabaseUser(driver: Driver): Promise<AuthenticatedUser | null> {
  try {
    const { records } = await driver.executeQuery('SHOW CURRENT USER', {}, { database: 'system' });
    const record = records[0];
    if (!record) return null;
    const user = toPlain(record.get('user'));
    if (typeof user !== 'string' || user === '') return null;
    const roles = record.keys.includes('roles') ? toPlain(record.get('roles')) : null;
    return { user, roles: Array.isArray(roles) ? roles.map(String) : null };
  } catch {
    // Auth disabled (no current user), or a server that refuses the command: nobody is vouched for.
    return null;
  }
}
