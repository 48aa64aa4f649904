/**
 * The product page's own texts (the page around the tabs, and its Epics & sprints overview), and
 * the titles of failed loads every page shows (static/shared/error-message.tsx).
 */
import english from './product.en-US.json';
import { catalog, textGroup } from './runtime';
import { platformErrorTitle } from './shared-words';

const t = catalog('product', english);

const pageErrorCodes = ['forbidden', 'not-found', 'invalid', 'conflict', 'unexpected'] as const;
const platformErrorCodes = ['jira-unavailable', 'rate-limited', 'scope-missing', 'storage-unavailable'] as const;
type PageErrorCode = (typeof pageErrorCodes)[number];

export const product = {
  get loading() {
    return t('loading');
  },
  get retry() {
    return t('retry');
  },
  productTitle: (projectName: string) => t('productTitle', { projectName }),
  get productSubtitle() {
    return t('productSubtitle');
  },
  get epicsHeading() {
    return t('epicsHeading');
  },
  get epicsEmpty() {
    return t('epicsEmpty');
  },
  get epicColumn() {
    return t('epicColumn');
  },
  get statusColumn() {
    return t('statusColumn');
  },
  get progressColumn() {
    return t('progressColumn');
  },
  childProgress: (done: number, total: number) => t('childProgress', { done, total }),
  childProgressLabel: (todo: number, inProgress: number, done: number) => t('childProgressLabel', { todo, inProgress, done }),
  get sprintsHeading() {
    return t('sprintsHeading');
  },
  get sprintsEmpty() {
    return t('sprintsEmpty');
  },
  /** By Jira's sprint state; undefined for a state Jira may add later. */
  sprintState: textGroup(['active', 'future', 'closed'] as const, (state) => t(`sprintState.${state}`)) as Readonly<Record<string, string>>,
  sprintDates: (start: string | undefined, end: string | undefined) =>
    start && end ? t('sprintDates.range', { start, end }) : start ? t('sprintDates.from', { start }) : t('sprintDates.none'),
  /** By error code; undefined for a code the page does not know (errorTitleOf says the generic one then). */
  errorTitle: textGroup([...pageErrorCodes, ...platformErrorCodes], (code) =>
    (pageErrorCodes as readonly string[]).includes(code) ? t(`errorTitle.${code as PageErrorCode}`) : (platformErrorTitle(code) ?? t('errorTitle.unexpected')),
  ) as Readonly<Record<string, string>>,
};
