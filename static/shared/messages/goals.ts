import { goalStatusLabels } from './shared-words';

export const goals = {
  heading: 'Goals & KPIs',
  intro: 'What the product must achieve, in priority order, and the numbers that show whether it does.',
  add: 'Add goal',
  emptyEditor: 'No goals yet. Add the first outcome this product must achieve, then the KPIs that measure it.',
  emptyReader: 'No goals yet. The product’s owners add them here.',
  archivedHeading: 'Archived goals',
  status: goalStatusLabels,
  quarter: (quarter: number, year: number) => `Q${quarter} ${year}`,
  byDate: (date: string) => `By ${date}`,
  noTimeFrame: 'No time frame',
  owner: 'Owner',
  updatedBy: (who: string, when: string) => `Updated by ${who} on ${when}`,
  epicsHeading: 'Epics',
  epicsEmpty: 'No epics linked yet — link epics from the roadmap.',
  kpisHeading: 'KPIs',
  // Form
  createHeading: 'New goal',
  editHeading: (title: string) => `Edit “${title}”`,
  title: 'Title',
  description: 'Description',
  descriptionHelper: 'The outcome in a sentence or two: what changes for whom when this goal is reached.',
  statusLabel: 'Status',
  timeFrame: 'Time frame',
  timeFrameKinds: { none: 'None', quarter: 'Quarter', date: 'Target date' },
  year: 'Year',
  quarterLabel: 'Quarter',
  targetDate: 'Target date',
  create: 'Create goal',
  created: (title: string) => `Goal “${title}” created.`,
  saved: (title: string) => `Goal “${title}” saved.`,
  // Owner picker
  ownerSearch: 'Owner',
  ownerSearchPlaceholder: 'Search people by name',
  ownerResults: 'People',
  ownerNone: 'No one matches.',
  ownerSearching: 'Searching…',
  ownerClear: (name: string) => `Remove ${name} as owner`,
  ownerCount: (n: number) => (n === 1 ? '1 person found. Use the arrow keys to choose.' : `${n} people found. Use the arrow keys to choose.`),
  // Actions
  actions: (title: string) => `More actions for “${title}”`,
  editGoal: (title: string) => `Edit goal “${title}”`,
  archive: 'Archive',
  unarchive: 'Restore from archive',
  archived: (title: string) => `Goal “${title}” archived.`,
  unarchived: (title: string) => `Goal “${title}” restored.`,
  confirmDeleteTitle: (title: string) => `Delete “${title}”?`,
  confirmDeleteBody: (kpis: number, measurements: number | undefined) =>
    kpis === 0
      ? 'The goal has no KPIs. This can’t be undone.'
      : `Its ${plural(kpis, 'KPI', 'KPIs')} ${measurements === undefined ? 'and all their measurements' : `and ${plural(measurements, 'measurement', 'measurements')}`} will be deleted with it. This can’t be undone.`,
  confirmDelete: 'Delete goal',
  deleted: (title: string, kpis: number, measurements: number) =>
    `Goal “${title}” deleted with ${plural(kpis, 'KPI', 'KPIs')} and ${plural(measurements, 'measurement', 'measurements')}.`,
  // Reordering
  reorder: (title: string) => `Reorder goal “${title}”`,
  moveUp: 'Move up',
  moveDown: 'Move down',
  moveTop: 'Move to top',
  moveBottom: 'Move to bottom',
  reorderHint: 'Drag a goal by its handle, or focus the handle and press Alt+↑ or Alt+↓.',
  moved: (title: string, position: number, total: number) => `Goal “${title}” moved to position ${position} of ${total}.`,
  moveConflict: 'Someone else changed the goals while you were moving one. This is the order as it is saved now; move it again if you still want to.',
  moveFailed: (title: string) => `Goal “${title}” could not be moved; it is back where it was.`,
};

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
