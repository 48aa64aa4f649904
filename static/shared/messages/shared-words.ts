/**
 * Words several surfaces say alike, in one place: the titles of failures that come from the
 * platform rather than from the page (Jira, Forge storage, the app's scopes) and the goal statuses.
 * A small module of its own, so the small bundles (epic panel, portfolio, gadgets) take only this.
 */
import type { GoalStatus } from '../../../src/domain/strategy';
import english from './shared-words.en-US.json';
import { catalog, textGroup } from './runtime';

const t = catalog('sharedWords', english);

const platformErrorCodes = ['jira-unavailable', 'rate-limited', 'scope-missing', 'storage-unavailable'] as const;
type PlatformErrorCode = (typeof platformErrorCodes)[number];

/** The title of a failure Jira or Forge caused, whatever the page; undefined for the page's own codes. */
export const platformErrorTitle = (code: string): string | undefined =>
  (platformErrorCodes as readonly string[]).includes(code) ? t(`platformErrorTitle.${code as PlatformErrorCode}`) : undefined;

export const goalStatusLabels: Readonly<Record<GoalStatus, string>> = textGroup(
  ['on-track', 'at-risk', 'off-track', 'done', 'archived'] satisfies readonly GoalStatus[],
  (status) => t(`goalStatus.${status}`),
);
