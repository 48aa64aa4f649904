/**
 * Who the host acts as. A request names the user by demo role (`productManager`), by accountId,
 * or as `anonymous`; everything downstream gets an accountId (or none) and a simulator caller.
 */
import type { SimSite, SimUser } from '../jira/model';
import { DEMO_USERS } from '../demo/users';
import type { DemoUserRole } from '../demo/users';
import { HttpError } from './http-util';

export type ActingUser =
  | { kind: 'user'; accountId: string; role?: DemoUserRole; user: SimUser }
  | { kind: 'anonymous' };

export const DEFAULT_USER: DemoUserRole = 'productManager';

/** What the switcher shows next to each demo person. */
export const ROLE_LABELS: Record<DemoUserRole, string> = {
  admin: 'Jira admin',
  productManager: 'Product manager',
  developer: 'Developer',
  outsider: 'Outsider (FIN only)',
};

export function isDemoRole(name: string): name is DemoUserRole {
  return Object.hasOwn(DEMO_USERS, name);
}

export function resolveActingUser(site: SimSite, name: string | undefined): ActingUser {
  const wanted = name ?? DEFAULT_USER;
  if (wanted === 'anonymous') return { kind: 'anonymous' };
  const role = isDemoRole(wanted) ? wanted : undefined;
  const accountId = role ? DEMO_USERS[role] : wanted;
  const user = site.users.find((candidate) => candidate.accountId === accountId);
  if (!user) {
    throw new HttpError(400, 'unknown-user', `No user "${wanted}": use ${Object.keys(DEMO_USERS).join(', ')}, anonymous or an accountId`);
  }
  const knownRole = role ?? (Object.keys(DEMO_USERS) as DemoUserRole[]).find((key) => DEMO_USERS[key] === accountId);
  return { kind: 'user', accountId, user, ...(knownRole ? { role: knownRole } : {}) };
}

export function callerOf(actor: ActingUser): { kind: 'user'; accountId: string } | { kind: 'anonymous' } {
  return actor.kind === 'user' ? { kind: 'user', accountId: actor.accountId } : { kind: 'anonymous' };
}

/** The value a link or a request uses for this user: the role when there is one. */
export function userParam(actor: ActingUser): string {
  if (actor.kind === 'anonymous') return 'anonymous';
  return actor.role ?? actor.accountId;
}
