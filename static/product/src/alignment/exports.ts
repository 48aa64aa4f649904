/**
 * The two CSV exports, saved by the browser. Headers and labels in the reader's language (the
 * export catalog); the data locale-neutral, as spreadsheets and scripts in any locale import it:
 * ISO 8601 days and instants, numbers with a dot and no grouping (csvField).
 */
import type { AlignmentView } from '../../../../src/contract';
import { csvDocument } from '../../../../src/domain/csv';
import type { CsvValue } from '../../../../src/domain/csv';
import { exportTexts as c } from '../../../shared/messages/export';

/** Jira's instants (`2026-11-20T09:45:00.000+0000`) as ISO 8601 in UTC, which every spreadsheet parses. */
export function isoInstant(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(time) ? new Date(time).toISOString() : value;
}

/**
 * One file for the whole tab: a row per epic and goal it serves, a row per unaligned epic, a row
 * per goal with no work, and a row per sprint and goal of the investment. A `Section` column says
 * which, so a spreadsheet filter splits them.
 */
export function alignmentCsv(view: AlignmentView): string {
  const goalTitle = new Map(view.goals.map((goal) => [goal.id, goal.title]));
  const epicById = new Map(view.epics.map((epic) => [epic.id, epic]));
  const h = c.headers;
  const header = [h.section, h.epicKey, h.epicSummary, h.epicStatus, h.goal, h.via, h.issues, h.points, h.updated, h.sprint, h.sprintState, h.committedPoints, h.completedPoints, h.committedIssues, h.completedIssues];
  const rows: CsvValue[][] = [header];
  const epicCells = (epic: AlignmentView['epics'][number]): CsvValue[] => [epic.key, epic.summary, epic.status.name];
  const sizeCells = (epic: AlignmentView['epics'][number]): CsvValue[] => [epic.size?.issues, epic.size?.points, isoInstant(epic.updated)];
  for (const epic of view.epics) {
    for (const link of epic.goals) rows.push([c.sections.epic, ...epicCells(epic), goalTitle.get(link.goalId), c.via[link.via], ...sizeCells(epic)]);
  }
  for (const epicId of view.unalignedEpicIds) {
    const epic = epicById.get(epicId);
    if (epic) rows.push([c.sections.unaligned, ...epicCells(epic), '', '', ...sizeCells(epic)]);
  }
  for (const goalId of view.goalsWithoutWork) rows.push([c.sections.goalWithoutWork, '', '', '', goalTitle.get(goalId)]);
  for (const sprint of view.investment) {
    for (const slice of sprint.slices) {
      rows.push([
        c.sections.investment, '', '', '',
        slice.goalId === null ? c.noGoal : goalTitle.get(slice.goalId),
        '', '', '', '',
        sprint.name, c.sprintState[sprint.state],
        slice.committed.points, slice.completed.points, slice.committed.issues, slice.completed.issues,
      ]);
    }
  }
  return csvDocument(rows);
}

/** The roadmap's items, one row each, in rank order. */
export function roadmapCsv(view: AlignmentView): string {
  const goalTitle = new Map(view.goals.map((goal) => [goal.id, goal.title]));
  const h = c.headers;
  const rows: CsvValue[][] = [[h.item, h.goal, h.lane, h.horizon, h.startDate, h.endDate, h.status, h.epics, h.doneIssues, h.totalIssues, h.donePoints, h.totalPoints]];
  for (const item of view.items) {
    rows.push([
      item.title,
      item.goalId ? goalTitle.get(item.goalId) ?? '' : '',
      item.lane ?? '',
      c.horizon[item.horizon],
      item.startDate,
      item.endDate,
      c.itemStatus[item.status],
      item.epicKeys.join(' '),
      item.progress?.doneIssues,
      item.progress?.totalIssues,
      item.progress?.donePoints,
      item.progress?.totalPoints,
    ]);
  }
  return csvDocument(rows);
}

/**
 * Saves text as a file through a Blob and a temporary `a[download]`. Forge's Custom UI iframe is
 * sandboxed with `allow-downloads`, which lets a download start from a user gesture: call this
 * straight from the click, with the data already in hand.
 */
export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Chromium reads the Blob when the click is handled; revoking later frees it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
