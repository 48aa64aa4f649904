import type { TimelineZoom } from '../../../src/domain/timeline';
import type { ReleaseView } from '../../../src/contract';
import { plural } from './goals';

/** The roadmap's Timeline layout (bars on a date scale), its releases and dependencies, and undo. */
export const timeline = {
  zoomLegend: 'Zoom',
  zooms: { months: 'By month', quarters: 'By quarter', year: 'By year' } satisfies Record<TimelineZoom, string>,
  regionLabel: 'Timeline of roadmap items',
  scaleLabel: 'Date scale',
  today: 'Today',
  todayLabel: (day: string) => `Today, ${day}`,
  help: (stepDays: number) =>
    `Drag a bar to move it, or drag its ends to change its dates. With the keyboard: focus a bar, then ← / → move it by ${plural(stepDays, 'day', 'days')}, ` +
    `Shift+← / → change its end, Alt+← / → change its start; Enter saves, Escape cancels. Ctrl+Z (⌘Z) undoes the last move or date change.`,
  readerHelp: 'Each bar runs from an item’s start date to its end date. Select a bar to open the item.',
  bar: (title: string, start: string, end: string) => `${title}, ${start} to ${end}`,
  barOneDay: (title: string, day: string) => `${title}, ${day}`,
  draft: (start: string, end: string) => `Start ${start}, end ${end}. Enter saves, Escape cancels.`,
  draftCancelled: (title: string) => `Dates of ${title} unchanged.`,
  datesChanged: (title: string, start: string, end: string) => `${title} now runs ${start} to ${end}. Press Ctrl+Z to undo.`,
  lane: (name: string, count: number) => `${name}: ${plural(count, 'item', 'items')}`,
  undatedHeading: (count: number) => `Not scheduled (${count})`,
  undatedHint: 'Items without dates. Open one and give it dates to place it on the timeline.',
  undatedNone: 'Every item has dates.',
  // Releases
  releasesLabel: 'Releases',
  showArchived: 'Show archived releases',
  releaseState: { released: 'Released', unreleased: 'Unreleased', overdue: 'Overdue' } satisfies Record<ReleaseView['state'], string>,
  release: (name: string, day: string, state: string) => `${name}, ${day}, ${state}`,
  releasesUndated: (n: number) => `${plural(n, 'release', 'releases')} without a release date not shown.`,
  // Dependencies
  dependsOn: (titles: string) => `Blocked by ${titles}.`,
  suggested: (blocker: string, keys: string) => `Suggested: blocked by ${blocker} (Jira: ${keys}).`,
  blockerLate: (blocker: string) => `${blocker} ends after this starts`,
  legendDependency: 'Dependency (blocker → blocked item)',
  legendSuggested: 'Suggested by a Jira “Blocks” link',
  legendLate: 'Blocker ends after the blocked item starts',
  // Undo
  moved: (title: string) => `Moved ${title}`,
  undo: 'Undo',
  undoLabel: (title: string) => `Undo the move of ${title}`,
  undone: (title: string) => `Undone: ${title} is back where it was.`,
  undoConflict: (title: string) => `Could not undo: someone changed ${title} since. The roadmap has been reloaded.`,
  undoFailed: (title: string) => `Could not undo the move of ${title}.`,
};
