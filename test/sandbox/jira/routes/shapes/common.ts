import { createHash } from 'node:crypto';
import type { SimIssueType, SimProject, SimStatus, SimUser, StatusCategoryKey } from '../../model';

/** Issue dates come as `2026-11-01T10:00:00.000+0000` (not ISO's `Z`). */
export function jiraDateTime(iso: string): string {
  return new Date(iso).toISOString().replace('Z', '+0000');
}

const SIZES = ['16x16', '24x24', '32x32', '48x48'] as const;
type AvatarUrls = Record<(typeof SIZES)[number], string>;

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .map((part) => part.charAt(0).toUpperCase())
      .join('')
      .slice(0, 2) || 'U'
  );
}

/**
 * Atlassian's avatar CDN. Its name carries the site's server location (the OpenAPI examples write
 * `avatar-management--avatars.<server-location>.prod.public.atl-paas.net`); us-west-2 is the one
 * Forge's Custom UI CSP allows by default (@forge/csp 6.3.2, `ATLASSIAN_AVATAR_HOST`).
 */
export const ATLASSIAN_AVATAR_ORIGIN = 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net';
/** Where Jira sends people who have not uploaded an avatar: Gravatar, with the initials as its fallback. */
export const GRAVATAR_ORIGIN = 'https://secure.gravatar.com';

function gravatarHash(email: string): string {
  return createHash('md5').update(email.trim().toLowerCase()).digest('hex');
}

/**
 * A person's avatars as Jira Cloud answers them: people with an email get their Gravatar, whose
 * `d` fallback is Atlassian's initials image (the same URL for every size); accounts without an
 * email (the app user) get the initials image from the avatar CDN, sized.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-users/#api-rest-api-3-user-get
 */
export function userAvatarUrls(user: SimUser): AvatarUrls {
  const fallback = `${ATLASSIAN_AVATAR_ORIGIN}/initials/${initials(user.displayName)}-${colourOf(user.accountId)}.png`;
  if (user.emailAddress && user.accountType === 'atlassian') {
    const url = `${GRAVATAR_ORIGIN}/avatar/${gravatarHash(user.emailAddress)}?d=${encodeURIComponent(fallback)}`;
    return Object.fromEntries(SIZES.map((size) => [size, url])) as AvatarUrls;
  }
  return Object.fromEntries(SIZES.map((size) => [size, `${fallback}?size=${size.split('x')[0]}&s=${size.split('x')[0]}`])) as AvatarUrls;
}

/** Which of the CDN's initials colours (`MK-5.png`) a person gets: stable per account. */
function colourOf(accountId: string): number {
  let hash = 0;
  for (const char of accountId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return (hash % 6) + 1;
}

export function projectAvatarUrls(baseUrl: string, project: SimProject): AvatarUrls {
  const sizes = { '16x16': 'xsmall', '24x24': 'small', '32x32': 'medium', '48x48': 'large' } as const;
  return Object.fromEntries(
    SIZES.map((size) => [size, `${baseUrl}/rest/api/3/universal_avatar/view/type/project/avatar/10400?size=${sizes[size]}&pid=${project.id}`]),
  ) as AvatarUrls;
}

/** A user as issue fields and project leads show one (UserDetails). App users carry no email. */
export function userBean(baseUrl: string, user: SimUser): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    ...(user.emailAddress ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: userAvatarUrls(user),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    accountType: user.accountType,
  };
}

/** Jira's three fixed status categories, with their real ids and colours. */
const CATEGORIES: Record<StatusCategoryKey, { id: number; colorName: string; name: string }> = {
  new: { id: 2, colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, colorName: 'green', name: 'Done' },
};

export function statusCategoryBean(baseUrl: string, key: StatusCategoryKey): Record<string, unknown> {
  const { id, colorName, name } = CATEGORIES[key];
  return { self: `${baseUrl}/rest/api/3/statuscategory/${id}`, id, key, colorName, name };
}

export function statusBean(baseUrl: string, status: SimStatus): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${baseUrl}/`,
    name: status.name,
    id: status.id,
    statusCategory: statusCategoryBean(baseUrl, status.category),
  };
}

/** Jira's default avatar ids for the standard issue types. */
const TYPE_AVATARS: Record<string, number> = { Epic: 10307, Story: 10315, Task: 10318, Bug: 10303, Subtask: 10316 };

export function issueTypeAvatarId(type: SimIssueType): number {
  return TYPE_AVATARS[type.name] ?? 10300;
}

export function issueTypeBean(baseUrl: string, type: SimIssueType): Record<string, unknown> {
  const avatarId = issueTypeAvatarId(type);
  return {
    self: `${baseUrl}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: '',
    iconUrl: `${baseUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${avatarId}?size=medium`,
    name: type.name,
    subtask: type.hierarchyLevel === -1,
    avatarId,
    hierarchyLevel: type.hierarchyLevel,
    // Team-managed issue types belong to their project.
    ...(type.scopeProjectId ? { entityId: entityIdOf(`issuetype:${type.id}`), scope: { type: 'PROJECT', project: { id: type.scopeProjectId } } } : {}),
  };
}

/** The project as issue fields reference it. */
export function projectRef(baseUrl: string, project: SimProject): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
    simplified: project.style === 'next-gen',
    avatarUrls: projectAvatarUrls(baseUrl, project),
  };
}

/** Jira Cloud's default priorities and their ids. */
const PRIORITY_IDS: Record<string, string> = { Highest: '1', High: '2', Medium: '3', Low: '4', Lowest: '5' };

export function priorityBean(baseUrl: string, name: string): Record<string, unknown> {
  const id = PRIORITY_IDS[name] ?? '3';
  return { self: `${baseUrl}/rest/api/3/priority/${id}`, iconUrl: `${baseUrl}/images/icons/priorities/${name.toLowerCase()}.svg`, name, id };
}

/** A stable UUID-shaped id for things Jira identifies by UUID (issue types' entityId, hierarchy levels). */
export function entityIdOf(seed: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  const hex: string[] = [];
  for (let round = 0; hex.length < 32; round += 1) {
    for (const char of `${seed}#${round}`) {
      h1 = Math.imul(h1 ^ char.charCodeAt(0), 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ char.charCodeAt(0), 0x5bd1e995) >>> 0;
    }
    hex.push(...((h1 ^ h2) >>> 0).toString(16).padStart(8, '0'));
  }
  hex[12] = '4';
  hex[16] = '8';
  const s = hex.slice(0, 32).join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
