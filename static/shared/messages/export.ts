/**
 * The CSV exports' words in the reader's language: file names, column headers and the few labels
 * in cells (sections, how an epic serves a goal, sprint states, horizons, item statuses). The data
 * itself stays locale-neutral (static/product/src/alignment/exports.ts): ISO dates, dot decimals,
 * so a German spreadsheet and a Japanese script read the same values.
 */
import type { GoalLinkKind } from '../../../src/domain/alignment';
import type { SprintState } from '../../../src/domain/model';
import type { Horizon, RoadmapItemStatus } from '../../../src/domain/roadmap';
import english from './export.en-US.json';
import { catalog, textGroup } from './runtime';

const t = catalog('export', english);

type HeaderKey = keyof typeof english.headers;
const headerKeys = Object.keys(english.headers) as HeaderKey[];

export const exportTexts = {
  /** `THR-alignment-2026-12-07.csv`: the project key and the day stay as they are (sortable, any locale). */
  alignmentFile: (projectKey: string, isoDay: string) => t('files.alignment', { project: projectKey, date: isoDay }),
  roadmapFile: (projectKey: string, isoDay: string) => t('files.roadmap', { project: projectKey, date: isoDay }),
  headers: textGroup(headerKeys, (key) => t(`headers.${key}`)),
  sections: textGroup(['epic', 'unaligned', 'goalWithoutWork', 'investment'], (key) => t(`sections.${key}`)),
  via: textGroup(['direct', 'item', 'both'] satisfies readonly GoalLinkKind[], (kind) => t(`via.${kind}`)),
  sprintState: textGroup(['closed', 'active', 'future'] satisfies readonly SprintState[], (state) => t(`sprintState.${state}`)),
  get noGoal() {
    return t('noGoal');
  },
  horizon: textGroup(['now', 'next', 'later'] satisfies readonly Horizon[], (horizon) => t(`horizon.${horizon}`)),
  itemStatus: textGroup(['idea', 'planned', 'in-progress', 'done', 'parked'] satisfies readonly RoadmapItemStatus[], (status) => t(`itemStatus.${status}`)),
};
