/** The background count of a big project's work (issue 13): the roadmap's progress line. */
const count = (n: number) => n.toLocaleString('en');

export const crawl = {
  countingWork: (done: number, total?: number) =>
    total === undefined ? `Counting work: ${count(done)} issues so far` : `Counting work: ${count(Math.min(done, total))} of ${count(total)} issues`,
  /** The bar's accessible name; its value is the count above. */
  progressLabel: 'Counting work in this project',
  epicsDone: (done: number, total: number) => `Progress shown for ${count(done)} of ${count(total)} epics; the rest fills in as it is counted.`,
  finished: 'All work counted: progress is up to date.',
  /** Where a card's progress will be, while its epics are still being counted. */
  cardCounting: 'Counting work…',
  /** The epics table at scale: rows shown a page at a time, so the page stays light with thousands of epics. */
  epicsShown: (shown: number, total: number) => `Showing ${count(shown)} of ${count(total)} epics`,
  showMoreEpics: (n: number) => `Show ${count(n)} more`,
};
