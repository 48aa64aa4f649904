import type { ReleaseView } from '../../../src/contract';
import english from './releases.en-US.json';
import { catalog, textGroup } from './runtime';

const t = catalog('releases', english);

/** The item panel's releases and dependencies. Days are passed formatted (static/shared/format.ts). */
export const releases = {
  get releasesHeading() {
    return t('releasesHeading');
  },
  get releasesNone() {
    return t('releasesNone');
  },
  get releasesUnknown() {
    return t('releasesUnknown');
  },
  releaseState: textGroup(['released', 'unreleased', 'overdue'] satisfies readonly ReleaseView['state'][], (state) => t(`releaseState.${state}`)),
  get archived() {
    return t('archived');
  },
  releaseDue: (day: string) => t('releaseDue', { day }),
  get releaseUndated() {
    return t('releaseUndated');
  },
  releaseIssues: (open: number, total: number) => (open === 0 ? t('releaseIssuesAllDone', { total }) : t('releaseIssuesOpen', { open, total })),
  releaseRisk: (forecastDay: string, name: string, releaseDay: string) => t('releaseRisk', { forecastDay, name, releaseDay }),
  get releaseRiskTerm() {
    return t('releaseRiskTerm');
  },
  get dependenciesHeading() {
    return t('dependenciesHeading');
  },
  get dependenciesNone() {
    return t('dependenciesNone');
  },
  get dependenciesHelp() {
    return t('dependenciesHelp');
  },
  get addBlocker() {
    return t('addBlocker');
  },
  get chooseBlocker() {
    return t('chooseBlocker');
  },
  get add() {
    return t('add');
  },
  addBlockerLabel: (title: string) => t('addBlockerLabel', { title }),
  get noCandidates() {
    return t('noCandidates');
  },
  get remove() {
    return t('remove');
  },
  removeLabel: (blocker: string) => t('removeLabel', { blocker }),
  blockerDates: (end: string | undefined) => (end ? t('blockerEnds', { end }) : t('blockerNoEnd')),
  lateWarning: (blocker: string, blockerEnd: string, start: string) => t('lateWarning', { blocker, blockerEnd, start }),
  blocksLate: (dependent: string, end: string, dependentStart: string) => t('blocksLate', { dependent, end, dependentStart }),
  get warningsLabel() {
    return t('warningsLabel');
  },
  get suggestionsHeading() {
    return t('suggestionsHeading');
  },
  suggestion: (blocker: string, keys: string) => t('suggestion', { blocker, keys }),
  get suggestionHelp() {
    return t('suggestionHelp');
  },
  get accept() {
    return t('accept');
  },
  acceptLabel: (blocker: string, keys: string) => t('acceptLabel', { blocker, keys }),
  /** The word alone (tests build Jira's link text with it); the UI says `blockLink`. */
  get blocks() {
    return t('blocks');
  },
  /** Jira's “Blocks” link between two epic keys: "SHOP-12 blocks SHOP-14". */
  blockLink: (blocker: string, blocked: string) => t('blockLink', { blocker, blocked }),
  added: (blocker: string, title: string) => t('added', { blocker, title }),
  removed: (blocker: string, title: string) => t('removed', { blocker, title }),
  get conflict() {
    return t('conflict');
  },
};
