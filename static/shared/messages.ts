/**
 * Every string the UI shows, in one catalog. English is the only locale so far; a new locale is a
 * second object of the same type. Larger areas keep their strings in `messages/<area>.ts`.
 */
import { admin } from './messages/admin';
import { alignment } from './messages/alignment';
import { common } from './messages/common';
import { goals } from './messages/goals';
import { kpis } from './messages/kpis';
import { licence } from './messages/licence';
import { roadmap } from './messages/roadmap';
import { timeline } from './messages/timeline';
import { priority } from './messages/priority';
import { vision } from './messages/vision';

export const en = {
  common,
  vision,
  goals,
  kpis,
  roadmap,
  timeline,
  priority,
  alignment,
  admin,
  licence,
  loading: 'Loading product…',
  retry: 'Try again',
  productTitle: (projectName: string) => `${projectName}: product`,
  productSubtitle: 'Epics and sprints this product is delivered through.',
  epicsHeading: 'Epics',
  epicsEmpty: 'This project has no epics yet. Create epics in Jira to plan product work here.',
  epicColumn: 'Epic',
  statusColumn: 'Status',
  progressColumn: 'Child issues',
  childProgress: (done: number, total: number) => (total === 0 ? 'No child issues' : `${done} of ${total} done`),
  childProgressLabel: (todo: number, inProgress: number, done: number) =>
    `${done} done, ${inProgress} in progress, ${todo} to do`,
  sprintsHeading: 'Sprints',
  sprintsEmpty: 'No sprints: this project has no board that runs sprints. Sprint-based views fall back to dates.',
  sprintState: { active: 'Active', future: 'Future', closed: 'Closed' } as Record<string, string>,
  sprintDates: (start: string | undefined, end: string | undefined) =>
    start && end ? `${start} – ${end}` : start ? `From ${start}` : 'Not scheduled',
  errorTitle: {
    forbidden: 'You don’t have access to this product',
    'not-found': 'Not found',
    invalid: 'That didn’t work',
    conflict: 'Someone else changed this',
    'jira-unavailable': 'Jira isn’t answering',
    'rate-limited': 'Jira is busy',
    'scope-missing': 'Throughline needs an update',
    'storage-unavailable': 'Throughline’s storage isn’t answering',
    unexpected: 'Something went wrong',
  } as Record<string, string>,
};

/** The title for an error code, never missing: unknown codes get the generic one. */
export const errorTitleOf = (code: string): string => en.errorTitle[code] ?? en.errorTitle.unexpected ?? 'Something went wrong';

export type Messages = typeof en;
export const messages: Messages = en;
