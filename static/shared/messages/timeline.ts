import type { TimelineZoom } from '../../../src/domain/timeline';
import type { ReleaseView } from '../../../src/contract';
import english from './timeline.en-US.json';
import { catalog, textGroup } from './runtime';

const t = catalog('timeline', english);

/**
 * The roadmap's Timeline layout (bars on a date scale), its releases and dependencies, and undo.
 * Days are passed formatted (static/shared/format.ts).
 */
export const timeline = {
  get zoomLegend() {
    return t('zoomLegend');
  },
  zooms: textGroup(['months', 'quarters', 'year'] satisfies readonly TimelineZoom[], (zoom) => t(`zooms.${zoom}`)),
  get regionLabel() {
    return t('regionLabel');
  },
  get scaleLabel() {
    return t('scaleLabel');
  },
  get today() {
    return t('today');
  },
  todayLabel: (day: string) => t('todayLabel', { day }),
  help: (stepDays: number) => t('help', { stepDays }),
  get readerHelp() {
    return t('readerHelp');
  },
  bar: (title: string, start: string, end: string) => t('bar', { title, start, end }),
  barOneDay: (title: string, day: string) => t('barOneDay', { title, day }),
  draft: (start: string, end: string) => t('draft', { start, end }),
  draftCancelled: (title: string) => t('draftCancelled', { title }),
  datesChanged: (title: string, start: string, end: string) => t('datesChanged', { title, start, end }),
  lane: (name: string, count: number) => t('lane', { name, count }),
  undatedHeading: (count: number) => t('undatedHeading', { count }),
  get undatedHint() {
    return t('undatedHint');
  },
  get undatedNone() {
    return t('undatedNone');
  },
  // Releases
  get releasesLabel() {
    return t('releasesLabel');
  },
  get showArchived() {
    return t('showArchived');
  },
  releaseState: textGroup(['released', 'unreleased', 'overdue'] satisfies readonly ReleaseView['state'][], (state) => t(`releaseState.${state}`)),
  release: (name: string, day: string, state: string) => t('release', { name, day, state }),
  releasesUndated: (n: number) => t('releasesUndated', { n }),
  // Dependencies
  dependsOn: (titles: string) => t('dependsOn', { titles }),
  suggested: (blocker: string, keys: string) => t('suggested', { blocker, keys }),
  blockerLate: (blocker: string) => t('blockerLate', { blocker }),
  get legendDependency() {
    return t('legendDependency');
  },
  get legendSuggested() {
    return t('legendSuggested');
  },
  get legendLate() {
    return t('legendLate');
  },
  // Undo
  moved: (title: string) => t('moved', { title }),
  get undo() {
    return t('undo');
  },
  undoLabel: (title: string) => t('undoLabel', { title }),
  undone: (title: string) => t('undone', { title }),
  undoConflict: (title: string) => t('undoConflict', { title }),
  undoFailed: (title: string) => t('undoFailed', { title }),
};
