/** The "What changed" feed, following, vision version diffs and field-by-field conflict merges. */
import type { ActivitySummary } from '../../../src/domain/activity';

const horizon: Record<string, string> = { now: 'Now', next: 'Next', later: 'Later' };
const health: Record<string, string> = { 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track', 'no-data': 'without data' };
const checkInStatus: Record<string, string> = { 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track', done: 'done', paused: 'paused' };
const visionField: Record<string, string> = {
  productName: 'product name',
  vision: 'vision',
  targetGroup: 'target group',
  needs: 'needs',
  product: 'product',
  businessGoals: 'business goals',
};
const list = (words: string[]): string => (words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);
const epics = (count: number) => (count === 1 ? '1 epic' : `${count} epics`);

export const feed = {
  tab: 'What changed',
  heading: 'What changed',
  intro: 'The last 30 days of check-ins, vision versions, goals, roadmap moves, epic links and KPI health, newest first.',
  loading: 'Loading what changed…',
  goalFilter: 'Goal',
  allGoals: 'All goals',
  followingOnly: 'Following only',
  empty: 'Nothing changed in the last 30 days.',
  emptyFiltered: 'Nothing changed here in the last 30 days.',
  emptyFollowing: 'You follow nothing yet. Follow goals on the Goals tab and items in their details panel.',
  more: 'Show older changes',
  loadingMore: 'Loading older changes…',
  shown: (count: number) => (count === 1 ? '1 change shown' : `${count} changes shown`),
  someone: 'Throughline',
  /** The sentence for one entry, without who (shown before it). */
  sentence(summary: ActivitySummary): string {
    switch (summary.kind) {
      case 'check-in':
        return `posted a check-in on ${summary.title}: ${checkInStatus[summary.status] ?? summary.status}${summary.text ? ` — ${summary.text}` : ''}`;
      case 'vision-version':
        if (summary.restoredFrom !== undefined) return `restored vision version ${summary.restoredFrom} as version ${summary.version}`;
        return summary.fields.length > 0
          ? `saved vision version ${summary.version}: changed the ${list(summary.fields.map((f) => visionField[f] ?? f))}`
          : `saved vision version ${summary.version}`;
      case 'goal-added':
        return `added the goal ${summary.title}`;
      case 'goal-closed':
        return summary.how === 'done' ? `marked the goal ${summary.title} done` : `deleted the goal ${summary.title}`;
      case 'item-moved-horizon':
        return `moved ${summary.title} ${horizon[summary.from] ?? summary.from} → ${horizon[summary.to] ?? summary.to}`;
      case 'epic-linked':
        return summary.targetKind === 'several' ? `linked ${epics(summary.epics)}` : `linked ${epics(summary.epics)} to ${summary.title}`;
      case 'epic-unlinked':
        return summary.targetKind === 'several' ? `unlinked ${epics(summary.epics)}` : `unlinked ${epics(summary.epics)} from ${summary.title}`;
      case 'kpi-health-changed':
        return `KPI ${summary.title} turned ${health[summary.to] ?? summary.to} (was ${health[summary.from] ?? summary.from})`;
    }
  },
  openGoal: (title: string) => `Open goal ${title}`,
  openItem: (title: string) => `Open ${title} on the roadmap`,
  openVision: 'Open the vision',
  today: 'Today',
  yesterday: 'Yesterday',
  follow: 'Follow',
  following: 'Following',
  followLabel: (title: string) => `Follow ${title}`,
  followed: (title: string) => `You follow ${title}. Its changes show under Following in What changed.`,
  unfollowed: (title: string) => `You no longer follow ${title}.`,
  // Vision history
  changedFields: (fields: string[]) => (fields.length === 0 ? 'No field changed' : `Changed: ${list(fields.map((f) => visionField[f] ?? f))}`),
  restored: (version: number) => `Restored version ${version}`,
  diffHeading: (version: number) => `What version ${version} changed`,
  diffLegend: 'Removed words are struck through, added words underlined.',
  removedText: (text: string) => `removed: ${text}`,
  addedText: (text: string) => `added: ${text}`,
  noChange: 'Unchanged',
  // Conflict merge
  theirVersion: (who: string) => `${who}’s saved version`,
  theyChanged: 'They changed',
  nothingOfTheirs: 'They changed nothing you see here.',
  clashHeading: 'You both changed these: choose which to keep',
  keepMine: 'Keep mine',
  keepTheirs: 'Keep theirs',
  mergeApply: 'Apply my changes to theirs',
  mergeHint: (mine: number, theirs: number) => `${mine} of your changes and ${theirs} of theirs are kept; you decide only where you both changed the same field.`,
  chooseFirst: 'Choose mine or theirs for each field you both changed.',
  fieldValueEmpty: '(empty)',
};
