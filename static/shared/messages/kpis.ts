import type { KpiHealth } from '../../../src/domain/strategy';
import { formatPercent } from '../format';
import english from './kpis.en-US.json';
import { catalog, textGroup } from './runtime';

const t = catalog('kpis', english);

export const kpis = {
  health: textGroup(['on-track', 'at-risk', 'off-track', 'no-data'] satisfies readonly KpiHealth[], (health) => t(`health.${health}`)),
  get none() { return t('none'); },
  get add() { return t('add'); },
  addTo: (goal: string) => t('addTo', { goal }),
  get latest() { return t('latest'); },
  /**
   * "Latest, 6 Dec 2026" around the day, in the language's order: the text before and after the
   * day, so the caller can wrap the day in a <time> element.
   */
  latestOn: (): [string, string] => {
    const marker = '\u0000';
    const [before = '', after = ''] = t('latestOn', { date: marker }).split(marker);
    return [before, after];
  },
  get noValue() { return t('noValue'); },
  progressLabel: (percent: number) => t('progressLabel', { percent: formatPercent(percent / 100) }),
  get progressNone() { return t('progressNone'); },
  sparklineLabel: (count: number, first: string, last: string, target: string) =>
    count === 0 ? t('sparklineEmpty', { target }) : t('sparklineLabel', { count, first, last, target }),
  baselineToTarget: (baseline: string, target: string, date: string) => t('baselineToTarget', { baseline, target, date }),
  details: (name: string) => t('details', { name }),
  get showDetails() { return t('showDetails'); },
  // Detail
  get chartHeading() { return t('chartHeading'); },
  chartSummary: (name: string, count: number, latest: string | undefined, baseline: string, target: string, targetDate: string) =>
    latest
      ? t('chartSummaryLatest', { name, count, latest, baseline, target, targetDate })
      : t('chartSummary', { name, count, baseline, target, targetDate }),
  get chartLegendMeasured() { return t('chartLegendMeasured'); },
  get chartLegendPlan() { return t('chartLegendPlan'); },
  get chartLegendTarget() { return t('chartLegendTarget'); },
  get measurementsHeading() { return t('measurementsHeading'); },
  get measurementsEmpty() { return t('measurementsEmpty'); },
  get date() { return t('date'); },
  get value() { return t('value'); },
  get note() { return t('note'); },
  get source() { return t('source'); },
  /** By a measurement's `source`; a source this build does not know has no entry (the caller shows it as it is). */
  sourceNames: textGroup(['manual', 'jql'] as const, (source) => t(`sourceNames.${source}`)) as Readonly<Record<string, string>>,
  get byApp() { return t('byApp'); },
  get addMeasurement() { return t('addMeasurement'); },
  measurementAdded: (value: string, date: string) => t('measurementAdded', { value, date }),
  measurementSaved: (value: string, date: string) => t('measurementSaved', { value, date }),
  measurementDeleted: (date: string) => t('measurementDeleted', { date }),
  editMeasurement: (date: string) => t('editMeasurement', { date }),
  deleteMeasurement: (date: string) => t('deleteMeasurement', { date }),
  confirmDeleteMeasurement: (date: string) => t('confirmDeleteMeasurement', { date }),
  get refresh() { return t('refresh'); },
  refreshed: (value: string) => t('refreshed', { value }),
  get jqlSourceNote() { return t('jqlSourceNote'); },
  // Readers have no “Refresh now” button, so their note does not name it.
  get jqlSourceNoteReader() { return t('jqlSourceNoteReader'); },
  // KPI form
  get createHeading() { return t('createHeading'); },
  editHeading: (name: string) => t('editHeading', { name }),
  get editKpi() { return t('editKpi'); },
  get deleteKpi() { return t('deleteKpi'); },
  confirmDeleteKpi: (name: string) => t('confirmDeleteKpi', { name }),
  confirmDeleteKpiBody: (measurements: number) => t('confirmDeleteKpiBody', { measurements }),
  kpiDeleted: (name: string) => t('kpiDeleted', { name }),
  kpiSaved: (name: string) => t('kpiSaved', { name }),
  kpiCreated: (name: string) => t('kpiCreated', { name }),
  get name() { return t('name'); },
  get unit() { return t('unit'); },
  get unitHelper() { return t('unitHelper'); },
  get direction() { return t('direction'); },
  directions: textGroup(['increase', 'decrease'], (direction) => t(`directions.${direction}`)),
  get baseline() { return t('baseline'); },
  get baselineValue() { return t('baselineValue'); },
  get baselineDate() { return t('baselineDate'); },
  get target() { return t('target'); },
  get targetValue() { return t('targetValue'); },
  get targetDate() { return t('targetDate'); },
  get sourceLegend() { return t('sourceLegend'); },
  sources: textGroup(['manual', 'jql-count', 'jql-ratio'], (source) => t(`sources.${source}`)),
  get jql() { return t('jql'); },
  get jqlHelper() { return t('jqlHelper'); },
  get numeratorJql() { return t('numeratorJql'); },
  get denominatorJql() { return t('denominatorJql'); },
  get checkJql() { return t('checkJql'); },
  previewCount: (n: number) => t('previewCount', { count: n }),
  previewRatio: (numerator: number, denominator: number, value: string) => t('previewRatio', { numerator, denominator, value }),
  get create() { return t('create'); },
};
