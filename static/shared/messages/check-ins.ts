/** Check-ins on goals and roadmap items: the section, its form and entries, and the "update due" badges. */
import type { CheckInCadence, CheckInStatus } from '../../../src/domain/status-updates';
import english from './check-ins.en-US.json';
import { catalog, textGroup, textLocale } from './runtime';

const t = catalog('checkIns', english);
const cadences = ['weekly', 'fortnightly', 'monthly'] as const satisfies readonly CheckInCadence[];

/** Epic keys as the reader's language lists them ("A, B, and C" / "A, B und C" / "A、B、C"). */
const listOf = (items: readonly string[]) => new Intl.ListFormat(textLocale(), { type: 'conjunction' }).format(items);

export const checkIns = {
  get heading() { return t('heading'); },
  status: textGroup(['on-track', 'at-risk', 'off-track', 'done', 'paused'] satisfies readonly CheckInStatus[], (status) => t(`status.${status}`)),
  get cadenceLabel() { return t('cadenceLabel'); },
  cadenceOptions: textGroup(cadences, (cadence) => t(`cadenceOptions.${cadence}`)),
  // The cadence is a code, not a label: German and Japanese place it elsewhere in the sentence.
  cadenceSaved: (cadence: CheckInCadence) => t('cadenceSaved', { cadence }),
  get updateDue() { return t('updateDue'); },
  updateDueSince: (day: string) => t('updateDueSince', { day }),
  nextDue: (day: string, cadence: CheckInCadence) => t('nextDue', { day, cadence }),
  nextDueOn: (day: string) => t('nextDueOn', { day }),
  show: (count: number) => t('show', { count }),
  get open() { return t('open'); },
  get never() { return t('never'); },
  latestLabel: (status: string) => t('latestLabel', { status }),
  badgeLabel: (parts: string[]) => new Intl.ListFormat(textLocale(), { type: 'unit', style: 'short' }).format(parts),
  get disagreementTitle() { return t('disagreementTitle'); },
  get disagreementShort() { return t('disagreementShort'); },
  // Form
  get formHeading() { return t('formHeading'); },
  get statusLabel() { return t('statusLabel'); },
  get textLabel() { return t('textLabel'); },
  textHelper: (left: number) => t('textHelper', { left }),
  get commentOnEpics() { return t('commentOnEpics'); },
  get commentOnEpicsHelper() { return t('commentOnEpicsHelper'); },
  get post() { return t('post'); },
  get posted() { return t('posted'); },
  get save() { return t('save'); },
  get cancel() { return t('cancel'); },
  get saved() { return t('saved'); },
  get edit() { return t('edit'); },
  editLabel: (when: string) => t('editLabel', { when }),
  get editHeading() { return t('editHeading'); },
  editableUntil: (until: string) => t('editableUntil', { until }),
  get edited() { return t('edited'); },
  // Entries
  get empty() { return t('empty'); },
  get emptyPoster() { return t('emptyPoster'); },
  listLabel: (title: string) => t('listLabel', { title }),
  get older() { return t('older'); },
  get loadingOlder() { return t('loadingOlder'); },
  get factsHeading() { return t('factsHeading'); },
  kpiFact: (name: string, value: string, target: string, health: string) => t('kpiFact', { name, value, target, health }),
  get kpiNoValue() { return t('kpiNoValue'); },
  /** By a fact's KPI health; a health this build does not know has no entry (the caller shows it as it is). */
  health: textGroup(['on-track', 'at-risk', 'off-track', 'no-data'] as const, (health) => t(`health.${health}`)) as Readonly<Record<string, string>>,
  timeFrameEnds: (day: string) => t('timeFrameEnds', { day }),
  progress: (done: number, total: number) => t('progress', { done, total }),
  forecast: (day: string) => t('forecast', { day }),
  endDate: (day: string) => t('endDate', { day }),
  get atRisk() { return t('atRisk'); },
  commentsPosted: (keys: string[]) => t('commentsPosted', { keys: listOf(keys) }),
  commentsRefusedTitle: (count: number) => t('commentsRefusedTitle', { count }),
  commentsRefused: (who: string, why: string) => t('commentsRefused', { who, why }),
  get hiddenEpic() { return t('hiddenEpic'); },
  get noEpics() { return t('noEpics'); },
  // Portfolio, gadget, epic panel
  updatesDue: (count: number) => t('updatesDue', { count }),
  updatesDueLabel: (count: number) => t('updatesDueLabel', { count }),
};
