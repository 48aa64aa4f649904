/** The background count of a big project's work (issue 13): the roadmap's progress line. Counts are grouped in the reader's locale. */
import english from './crawl.en-US.json';
import { catalog } from './runtime';

const t = catalog('crawl', english);

export const crawl = {
  countingWork: (done: number, total?: number) =>
    total === undefined ? t('countingWork', { done }) : t('countingWorkOf', { done: Math.min(done, total), total }),
  /** The bar's accessible name; its value is the count above. */
  get progressLabel() {
    return t('progressLabel');
  },
  epicsDone: (done: number, total: number) => t('epicsDone', { done, total }),
  /** Jira's hourly points quota is spent (issue 13): counting waits for Jira's reset, `time` already formatted. */
  paused: (time: string) => t('paused', { time }),
  get finished() {
    return t('finished');
  },
  /** Where a card's progress will be, while its epics are still being counted. */
  get cardCounting() {
    return t('cardCounting');
  },
  /** The epics table at scale: rows shown a page at a time, so the page stays light with thousands of epics. */
  epicsShown: (shown: number, total: number) => t('epicsShown', { shown, total }),
  showMoreEpics: (n: number) => t('showMoreEpics', { n }),
};
