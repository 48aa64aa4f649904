import english from './goals.en-US.json';
import { catalog, textGroup } from './runtime';
import { goalStatusLabels } from './shared-words';

const t = catalog('goals', english);

export const goals = {
  get heading() { return t('heading'); },
  get intro() { return t('intro'); },
  get add() { return t('add'); },
  get emptyEditor() { return t('emptyEditor'); },
  get emptyReader() { return t('emptyReader'); },
  get archivedHeading() { return t('archivedHeading'); },
  status: goalStatusLabels,
  byDate: (date: string) => t('byDate', { date }),
  get noTimeFrame() { return t('noTimeFrame'); },
  get owner() { return t('owner'); },
  updatedBy: (who: string, when: string) => t('updatedBy', { who, when }),
  get epicsHeading() { return t('epicsHeading'); },
  get epicsEmpty() { return t('epicsEmpty'); },
  get kpisHeading() { return t('kpisHeading'); },
  // Form
  get createHeading() { return t('createHeading'); },
  editHeading: (title: string) => t('editHeading', { title }),
  get title() { return t('title'); },
  get description() { return t('description'); },
  get descriptionHelper() { return t('descriptionHelper'); },
  get statusLabel() { return t('statusLabel'); },
  get timeFrame() { return t('timeFrame'); },
  timeFrameKinds: textGroup(['none', 'quarter', 'date'], (kind) => t(`timeFrameKinds.${kind}`)),
  get year() { return t('year'); },
  get quarterLabel() { return t('quarterLabel'); },
  get targetDate() { return t('targetDate'); },
  get create() { return t('create'); },
  created: (title: string) => t('created', { title }),
  saved: (title: string) => t('saved', { title }),
  // Owner picker
  get ownerSearch() { return t('ownerSearch'); },
  get ownerSearchPlaceholder() { return t('ownerSearchPlaceholder'); },
  get ownerResults() { return t('ownerResults'); },
  get ownerNone() { return t('ownerNone'); },
  get ownerSearching() { return t('ownerSearching'); },
  ownerClear: (name: string) => t('ownerClear', { name }),
  ownerCount: (n: number) => t('ownerCount', { count: n }),
  // Actions
  actions: (title: string) => t('actions', { title }),
  editGoal: (title: string) => t('editGoal', { title }),
  get archive() { return t('archive'); },
  get unarchive() { return t('unarchive'); },
  archived: (title: string) => t('archived', { title }),
  unarchived: (title: string) => t('unarchived', { title }),
  confirmDeleteTitle: (title: string) => t('confirmDeleteTitle', { title }),
  /** `measurements` undefined: not known (a conflict answered the goal without its histories). */
  confirmDeleteBody: (kpis: number, measurements: number | undefined) =>
    kpis === 0
      ? t('confirmDeleteBodyNoKpis')
      : measurements === undefined
        ? t('confirmDeleteBodyAllMeasurements', { kpis })
        : t('confirmDeleteBody', { kpis, measurements }),
  get confirmDelete() { return t('confirmDelete'); },
  deleted: (title: string, kpis: number, measurements: number) => t('deleted', { title, kpis, measurements }),
  // Reordering
  reorder: (title: string) => t('reorder', { title }),
  get moveUp() { return t('moveUp'); },
  get moveDown() { return t('moveDown'); },
  get moveTop() { return t('moveTop'); },
  get moveBottom() { return t('moveBottom'); },
  get reorderHint() { return t('reorderHint'); },
  moved: (title: string, position: number, total: number) => t('moved', { title, position, total }),
  get moveConflict() { return t('moveConflict'); },
  moveFailed: (title: string) => t('moveFailed', { title }),
};

/**
 * English count words for catalogs not moved to locale files yet. A translated text says its
 * counts with an ICU plural instead (other languages' plural rules differ).
 */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
