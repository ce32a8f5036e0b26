// Who is working and what they may do. The name is stamped on every write and every audit entry; the role
// is enforced in the backend (with-identity.ts), never only hidden in the UI. Nobody types their name in:
//
// Name, first match wins:
//   1. an explicit identity given to createWorkbench (tests, embedding apps);
//   2. the Neo4j user the server authenticated (a server, or the local one with SCHAKEL_NEO4J_AUTH_PASSWORD);
//   3. the operating-system account (a database without authentication, e.g. the managed local default).
// Role: the explicit identity's role; else the Neo4j roles when the server has role-based access control
// (see roleFromNeo4jRoles); else SCHAKEL_ROLE; else analyst. An unknown value falls back to read-only: a typo
// must never grant write access.
import { userInfo } from 'node:os';
import { ApiError } from '../../contract/api';
import {
  annotationRequestSchemas,
  DEFAULT_GRADING_SCHEME,
  GRADING_SCHEME_NAMES,
  ROLES,
  type GradingSchemeName,
  type IdentityInfo,
  type Role,
} from '../../contract/annotations';
import type { AuthenticatedUser } from '../../graph-queries/current-user';
import { readSettings } from './settings';

export interface IdentityOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  explicit?: { name?: string; role?: Role };
  /** The user the connected server authenticated, if any (read at every call: connections change). */
  databaseUser?: () => AuthenticatedUser | null;
  log?: (message: string) => void;
}

/** Neo4j role names Schakel understands; a user's strongest one counts. Built-in roles map as their rights do. */
const NEO4J_ROLE_MAP: [Role, string[]][] = [
  ['analyst', ['schakel_analyst', 'admin', 'architect', 'publisher', 'editor']],
  ['mit-annotator', ['schakel_mit_annotator']],
  ['auditor', ['schakel_auditor']],
  ['read-only', ['schakel_read_only', 'reader']],
];

export function roleFromNeo4jRoles(roles: string[]): Role {
  const lower = roles.map((role) => role.toLowerCase());
  for (const [role, names] of NEO4J_ROLE_MAP) if (names.some((name) => lower.includes(name))) return role;
  return 'read-only';
}

export function roleFromEnvironment(raw: string | undefined, log: (message: string) => void = () => undefined): Role {
  const value = raw?.trim().toLowerCase();
  if (!value) return 'analyst';
  if (value === 'readonly') return 'read-only';
  if ((ROLES as readonly string[]).includes(value)) return value as Role;
  log(`SCHAKEL_ROLE="${value}" is not a role Schakel knows (${ROLES.join(', ')}); working read-only to be safe.`);
  return 'read-only';
}

const ANNOTATION_OPERATIONS = new Set<string>(Object.keys(annotationRequestSchemas));

/** Whether a role may run a writing operation. */
export function roleMayWrite(role: Role, operation: string): boolean {
  if (role === 'analyst') return true;
  if (role === 'mit-annotator') return ANNOTATION_OPERATIONS.has(operation);
  return false;
}

export class IdentityService {
  private readonly env: NodeJS.ProcessEnv;
  private readonly log: (message: string) => void;

  constructor(private readonly options: IdentityOptions) {
    this.env = options.env ?? process.env;
    this.log = options.log ?? (() => undefined);
  }

  current(): IdentityInfo {
    const authenticated = this.options.databaseUser?.() ?? null;
    const { role, roleSource } = this.role(authenticated);
    const common = { role, roleSource, mayWrite: role === 'analyst' || role === 'mit-annotator', mayAnnotate: role === 'analyst' || role === 'mit-annotator', confirmed: true, gradingScheme: this.gradingScheme() };
    return { ...this.named(authenticated), ...common };
  }

  /** Who and with which role, without the settings the full status reads: what every audit entry needs. */
  who(): { name: string; role: Role } {
    const authenticated = this.options.databaseUser?.() ?? null;
    return { name: this.named(authenticated).name, role: this.role(authenticated).role };
  }

  name(): string {
    return this.who().name;
  }

  isReadOnly(): boolean {
    return !this.current().mayWrite;
  }

  mayRun(operation: string): boolean {
    return roleMayWrite(this.who().role, operation);
  }

  /** Names are never typed in: they come from the Neo4j sign-in or the computer account. */
  setName(_name: string): IdentityInfo {
    const now = this.current();
    const why =
      now.source === 'neo4j-user'
        ? `You are signed in to Neo4j as "${now.name}"; that name is stamped on your work.`
        : now.source === 'os-user'
          ? `You work as "${now.name}", your computer account; that name is stamped on your work.`
          : `This workbench was started for "${now.name}".`;
    throw new ApiError({
      code: 'BAD_REQUEST',
      message: `${why} It cannot be typed over.`,
      hint: now.source === 'neo4j-user' ? 'To work under another name, connect with that Neo4j user.' : 'Sign in to the computer (or to Neo4j) as yourself.',
    });
  }

  gradingScheme(): GradingSchemeName {
    const fromEnv = this.env.SCHAKEL_GRADING_SCHEME?.trim();
    if (fromEnv && (GRADING_SCHEME_NAMES as string[]).includes(fromEnv)) return fromEnv as GradingSchemeName;
    const fromSettings = readSettings(this.options.dataDir, this.log).gradingScheme;
    return (fromSettings as GradingSchemeName | undefined) ?? DEFAULT_GRADING_SCHEME;
  }

  private named(authenticated: AuthenticatedUser | null): Pick<IdentityInfo, 'name' | 'source'> {
    const explicitName = this.options.explicit?.name?.trim();
    if (explicitName) return { name: explicitName, source: 'option' };
    if (authenticated) return { name: authenticated.user, source: 'neo4j-user' };
    return { name: osUserName(), source: 'os-user' };
  }

  private role(authenticated: AuthenticatedUser | null): { role: Role; roleSource: IdentityInfo['roleSource'] } {
    if (this.options.explicit?.role) return { role: this.options.explicit.role, roleSource: 'option' };
    if (authenticated?.roles) return { role: roleFromNeo4jRoles(authenticated.roles), roleSource: 'neo4j-roles' };
    return { role: roleFromEnvironment(this.env.SCHAKEL_ROLE, this.log), roleSource: 'environment' };
  }
}

/** The computer account cannot change while the process runs; asking the system once spares a lookup per audit entry. */
let cachedOsUserName: string | undefined;

function osUserName(): string {
  if (cachedOsUserName === undefined) {
    try {
      cachedOsUserName = userInfo().username || 'analyst';
    } catch {
      cachedOsUserName = 'analyst';
    }
  }
  return cachedOsUserName;
}
