/** The "What changed" feed, following, vision version diffs and field-by-field conflict merges. */
import type { ActivitySummary } from '../../../src/domain/activity';
import english from './feed.en-US.json';
import { formatList } from '../list-format';
import { catalog } from './runtime';

const t = catalog('feed', english);

type Group = 'horizon' | 'health' | 'checkInStatus' | 'visionField';
/** A code's word in one of the groups; a code the catalog doesn't know (newer data) as it is. */
const word = (group: Group, code: string): string => (code in english[group] ? t(`${group}.${code}` as never) : code);
/** "product name, vision and needs" in the locale's own list form. */
const fieldList = (fields: readonly string[]): string => formatList(fields.map((field) => word('visionField', field)));

export const feed = {
  get tab() {
    return t('tab');
  },
  get heading() {
    return t('heading');
  },
  get intro() {
    return t('intro');
  },
  get loading() {
    return t('loading');
  },
  get goalFilter() {
    return t('goalFilter');
  },
  get allGoals() {
    return t('allGoals');
  },
  get followingOnly() {
    return t('followingOnly');
  },
  get empty() {
    return t('empty');
  },
  get emptyFiltered() {
    return t('emptyFiltered');
  },
  get emptyFollowing() {
    return t('emptyFollowing');
  },
  get more() {
    return t('more');
  },
  get loadingMore() {
    return t('loadingMore');
  },
  shown: (count: number) => t('shown', { count }),
  get someone() {
    return t('someone');
  },
  /** The sentence for one entry, without who (shown before it). */
  sentence(summary: ActivitySummary): string {
    switch (summary.kind) {
      case 'check-in': {
        const status = word('checkInStatus', summary.status);
        return summary.text
          ? t('sentence.checkInWithText', { title: summary.title, status, text: summary.text })
          : t('sentence.checkIn', { title: summary.title, status });
      }
      case 'vision-version': {
        const version = String(summary.version);
        if (summary.restoredFrom !== undefined) return t('sentence.visionRestored', { restoredFrom: String(summary.restoredFrom), version });
        return summary.fields.length > 0 ? t('sentence.visionSavedFields', { version, fields: fieldList(summary.fields) }) : t('sentence.visionSaved', { version });
      }
      case 'goal-added':
        return t('sentence.goalAdded', { title: summary.title });
      case 'goal-closed':
        return summary.how === 'done' ? t('sentence.goalDone', { title: summary.title }) : t('sentence.goalDeleted', { title: summary.title });
      case 'item-moved-horizon':
        return t('sentence.itemMovedHorizon', { title: summary.title, from: word('horizon', summary.from), to: word('horizon', summary.to) });
      case 'epic-linked':
        return summary.targetKind === 'several' ? t('sentence.epicsLinked', { epics: summary.epics }) : t('sentence.epicsLinkedTo', { epics: summary.epics, title: summary.title });
      case 'epic-unlinked':
        return summary.targetKind === 'several' ? t('sentence.epicsUnlinked', { epics: summary.epics }) : t('sentence.epicsUnlinkedFrom', { epics: summary.epics, title: summary.title });
      case 'kpi-health-changed':
        return t('sentence.kpiHealthChanged', { title: summary.title, to: word('health', summary.to), from: word('health', summary.from) });
    }
  },
  openGoal: (title: string) => t('openGoal', { title }),
  openItem: (title: string) => t('openItem', { title }),
  get openVision() {
    return t('openVision');
  },
  get today() {
    return t('today');
  },
  get yesterday() {
    return t('yesterday');
  },
  get follow() {
    return t('follow');
  },
  get following() {
    return t('following');
  },
  followLabel: (title: string) => t('followLabel', { title }),
  followed: (title: string) => t('followed', { title }),
  unfollowed: (title: string) => t('unfollowed', { title }),
  // Vision history
  changedFields: (fields: string[]) => (fields.length === 0 ? t('noFieldChanged') : t('changedFields', { fields: fieldList(fields) })),
  restored: (version: number) => t('restored', { version: String(version) }),
  diffHeading: (version: number) => t('diffHeading', { version: String(version) }),
  get diffLegend() {
    return t('diffLegend');
  },
  removedText: (text: string) => t('removedText', { text }),
  addedText: (text: string) => t('addedText', { text }),
  get noChange() {
    return t('noChange');
  },
  // Conflict merge
  theirVersion: (who: string) => t('theirVersion', { who }),
  get theyChanged() {
    return t('theyChanged');
  },
  get nothingOfTheirs() {
    return t('nothingOfTheirs');
  },
  get clashHeading() {
    return t('clashHeading');
  },
  get keepMine() {
    return t('keepMine');
  },
  get keepTheirs() {
    return t('keepTheirs');
  },
  get mergeApply() {
    return t('mergeApply');
  },
  mergeHint: (mine: number, theirs: number) => t('mergeHint', { mine, theirs }),
  get chooseFirst() {
    return t('chooseFirst');
  },
  get fieldValueEmpty() {
    return t('fieldValueEmpty');
  },
};
