// Who is working and what they may do. The name is stamped on every write and every audit entry; the role
// is enforced in the backend (role-guard.ts), never only hidden in the UI.
//
// Name, first match wins:
//   1. an explicit identity given to createWorkbench (tests, embedding apps);
//   2. the Neo4j user of a remote connection with authentication (the server vouches for it);
//   3. the name the analyst entered at first start (settings.json in the data directory);
//   4. the `userName` option;
//   5. the operating-system user, marked unconfirmed so the UI asks for a name.
// Role: the explicit identity's role, else SCHAKEL_ROLE (analyst | read-only), else analyst. An unknown
// SCHAKEL_ROLE value falls back to read-only: a typo must never grant write access.
import { userInfo } from 'node:os';
import { ApiError } from '../../contract/api';
import { DEFAULT_GRADING_SCHEME, GRADING_SCHEME_NAMES, type GradingSchemeName, type IdentityInfo, type Role } from '../../contract/annotations';
import { readSettings, writeSettings } from './settings';

export interface IdentityOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  explicit?: { name?: string; role?: Role };
  userName?: string;
  log?: (message: string) => void;
}

export interface DatabaseUser {
  kind: 'local' | 'remote';
  user?: string;
}

export class IdentityService {
  private databaseUser: DatabaseUser = { kind: 'local' };
  private readonly env: NodeJS.ProcessEnv;
  private readonly log: (message: string) => void;

  constructor(private readonly options: IdentityOptions) {
    this.env = options.env ?? process.env;
    this.log = options.log ?? (() => undefined);
  }

  /** Called after every connection change: a remote server's authenticated user becomes the identity. */
  setDatabaseUser(user: DatabaseUser): void {
    this.databaseUser = user;
  }

  current(): IdentityInfo {
    const role = this.role();
    const gradingScheme = this.gradingScheme();
    const explicitName = this.options.explicit?.name?.trim();
    if (explicitName) return { name: explicitName, role, source: 'option', confirmed: true, gradingScheme };
    if (this.databaseUser.kind === 'remote' && this.databaseUser.user) {
      return { name: this.databaseUser.user, role, source: 'neo4j-user', confirmed: true, gradingScheme };
    }
    const saved = readSettings(this.options.dataDir, this.log).analystName;
    if (saved) return { name: saved, role, source: 'settings', confirmed: true, gradingScheme };
    if (this.options.userName?.trim()) return { name: this.options.userName.trim(), role, source: 'option', confirmed: true, gradingScheme };
    return { name: osUserName(), role, source: 'os-user', confirmed: false, gradingScheme };
  }

  name(): string {
    return this.current().name;
  }

  isReadOnly(): boolean {
    return this.role() === 'read-only';
  }

  /** Saves the analyst's name (first start). Refused when the name comes from somewhere stronger. */
  setName(name: string): IdentityInfo {
    const now = this.current();
    if (now.source === 'neo4j-user') {
      throw new ApiError({
        code: 'BAD_REQUEST',
        message: `You are signed in to Neo4j as "${now.name}"; that name is stamped on your work.`,
        hint: 'To work under another name, connect with that Neo4j user.',
      });
    }
    if (now.source === 'option' && this.options.explicit?.name) {
      throw new ApiError({ code: 'BAD_REQUEST', message: `This workbench was started for "${now.name}".`, hint: 'Restart Schakel to change who is working.' });
    }
    writeSettings(this.options.dataDir, { analystName: name });
    return this.current();
  }

  gradingScheme(): GradingSchemeName {
    const fromEnv = this.env.SCHAKEL_GRADING_SCHEME?.trim();
    if (fromEnv && (GRADING_SCHEME_NAMES as string[]).includes(fromEnv)) return fromEnv as GradingSchemeName;
    const fromSettings = readSettings(this.options.dataDir, this.log).gradingScheme;
    return (fromSettings as GradingSchemeName | undefined) ?? DEFAULT_GRADING_SCHEME;
  }

  private role(): Role {
    if (this.options.explicit?.role) return this.options.explicit.role;
    const raw = this.env.SCHAKEL_ROLE?.trim().toLowerCase();
    if (!raw || raw === 'analyst') return 'analyst';
    if (raw === 'read-only' || raw === 'readonly') return 'read-only';
    this.log(`SCHAKEL_ROLE="${raw}" is not a role Schakel knows (analyst, read-only); working read-only to be safe.`);
    return 'read-only';
  }
}

function osUserName(): string {
  try {
    return userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}
