/** Strings shared by every tab: forms, errors, conflicts, people. */
import english from './common.en-US.json';
import { catalog } from './runtime';

const t = catalog('common', english);

export const common = {
  get save() {
    return t('save');
  },
  get cancel() {
    return t('cancel');
  },
  get edit() {
    return t('edit');
  },
  get delete() {
    return t('delete');
  },
  get optional() {
    return t('optional');
  },
  get loading() {
    return t('loading');
  },
  get dismiss() {
    return t('dismiss');
  },
  fieldRequired: (label: string) => t('fieldRequired', { label }),
  notANumber: (label: string) => t('notANumber', { label }),
  get forbiddenWrite() {
    return t('forbiddenWrite');
  },
  get forbiddenWriteHint() {
    return t('forbiddenWriteHint');
  },
  get writeFailed() {
    return t('writeFailed');
  },
  get conflictTitle() {
    return t('conflictTitle');
  },
  conflictBy: (who: string, when: string) => t('conflictBy', { who, when }),
  get conflictNoStamp() {
    return t('conflictNoStamp');
  },
  get conflictTheirs() {
    return t('conflictTheirs');
  },
  get conflictYours() {
    return t('conflictYours');
  },
  get reapply() {
    return t('reapply');
  },
  get useTheirs() {
    return t('useTheirs');
  },
  get noOwner() {
    return t('noOwner');
  },
  get reload() {
    return t('reload');
  },
  tabs: {
    get label() {
      return t('tabs.label');
    },
    get vision() {
      return t('tabs.vision');
    },
    get goals() {
      return t('tabs.goals');
    },
    get roadmap() {
      return t('tabs.roadmap');
    },
    get alignment() {
      return t('tabs.alignment');
    },
    get overview() {
      return t('tabs.overview');
    },
  },
  pageTitle: (name: string) => t('pageTitle', { name }),
  get productFallback() {
    return t('productFallback');
  },
  openIssue: (key: string) => t('openIssue', { key }),
  /** Whole sentences shown as one paragraph, spaced as the language spaces them (Japanese: not at all after 。). */
  sentences: (...sentences: ReadonlyArray<string | false | undefined>) =>
    sentences.filter((sentence): sentence is string => Boolean(sentence)).reduce((first, second) => t('twoSentences', { first, second })),
};
