/**
 * Words several surfaces say alike, in one place: the titles of failures that come from the
 * platform rather than from the page (Jira, Forge storage, the app's scopes) and the goal statuses.
 * A small module of its own, so the small bundles (epic panel, portfolio, gadgets) take only this.
 */
import type { GoalStatus } from '../../../src/domain/strategy';

const platformErrorTitles: Record<string, string> = {
  'jira-unavailable': 'Jira isn’t answering',
  'rate-limited': 'Jira is busy',
  'scope-missing': 'Throughline needs an update',
  'storage-unavailable': 'Throughline’s storage isn’t answering',
};

/** The title of a failure Jira or Forge caused, whatever the page; undefined for the page's own codes. */
export const platformErrorTitle = (code: string): string | undefined => platformErrorTitles[code];

export const goalStatusLabels = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  done: 'Done',
  archived: 'Archived',
} satisfies Record<GoalStatus, string>;
