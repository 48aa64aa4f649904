/** The admin page "Throughline settings". Its own file: the admin bundle takes only these. */
import type { EditRule } from '../../../src/contract';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const admin = {
  title: 'Throughline settings',
  intro: 'Settings for every product on this site. Only Jira administrators see this page.',
  loading: 'Loading settings…',
  retry: 'Try again',
  failedTitle: (code: string) => (code === 'forbidden' ? 'Only Jira administrators can open these settings' : 'The settings could not be loaded'),
  undoneImport: (at: string) => `An import started at ${at} was cut off before it finished. It has been undone: the data is as it was before it.`,
  undoneImportTitle: 'An interrupted import was undone',
  unfinishedImportTitle: 'An import could not be completely undone yet',
  unfinishedImport: (at: string, remaining: number) =>
    `An import started at ${at} failed, and Forge storage failed again while putting the data back: ${remaining} ${remaining === 1 ? 'record still holds' : 'records still hold'} imported values. ` +
    'This page tries again each time it opens; records edited since the import keep their edit. If this notice stays, import your last good export again.',
  unlicensedAdmin: 'While the licence is inactive you can still read these settings and export the data, but not change anything.',

  save: 'Save',
  saved: 'Saved.',
  conflictTitle: 'Someone else changed this setting',
  conflictBody: 'The form now shows the setting as it is. Choose again and save if you still want your change.',
  errorTitle: 'That didn’t work',

  editRule: {
    heading: 'Who may edit products',
    legend: 'People who can change vision, goals, KPIs and the roadmap',
    options: {
      'project-admins': 'Project administrators',
      'issue-editors': 'Everyone who can edit issues in the project',
    } satisfies Record<EditRule, string>,
    helper: 'Everyone who can browse a project can read its product. Linking an epic always needs Jira’s Edit Issues on that epic.',
    saved: (rule: EditRule) => `Saved: ${rule === 'project-admins' ? 'project administrators' : 'everyone who can edit issues'} may edit products.`,
  },

  storyPoints: {
    heading: 'Story-point field',
    intro: 'Roll-ups, velocity and forecasts sum this field. It is detected per project from its boards (scrum, or team-managed with sprints) and project type unless you choose one.',
    siteLabel: 'For the whole site',
    detect: 'Detect per project',
    noFields: 'This site has no custom number fields, so story points cannot be summed.',
    projectLabel: (key: string) => `For ${key}`,
    useSite: 'Same as the whole site',
    effective: (name: string, source: string) => `${name}, ${source}.`,
    source: {
      override: 'chosen here',
      board: 'the field its board estimates with',
      'project-style': 'the usual field for its project type',
      'only-candidate': 'the only story-point field of the site',
    } as Record<string, string>,
    effectiveLabel: 'Used now',
    ignored: (id: string) => `The chosen field ${id} is no longer a number field, so it is ignored.`,
  },

  project: {
    heading: 'Per project',
    label: 'Project',
    choose: 'Choose a project',
    loading: 'Loading the project’s settings…',
  },

  boards: {
    heading: 'Boards that supply sprints',
    legend: 'Sprints come from',
    every: 'Every board of the project that runs sprints',
    chosen: 'Only the boards chosen below',
    boardsLabel: 'Scrum and team-managed boards',
    teamManaged: (name: string) => `${name} (team-managed: supplies sprints when the project has sprints on)`,
    kanban: (names: string) => `Kanban boards have no sprints: ${names}.`,
    none: 'This project has no scrum or team-managed board, so it has no sprints.',
    saved: 'Saved: the roadmap and the epic panel take sprints from these boards from their next full load.',
  },

  export: {
    heading: 'Export',
    intro: 'Every goal, KPI, measurement, vision version, roadmap item and setting, as one JSON file (format version 1). Cached roll-ups are left out: they rebuild from Jira.',
    button: 'Download export',
    done: (fileName: string) => `Downloaded ${fileName}.`,
  },

  import: {
    heading: 'Import',
    intro: 'Restores an export into this site. The file is checked whole first; then you see what would change; then it is applied all at once, or not at all.',
    fileLabel: 'Export file (.json)',
    fileHelper: 'Up to 450 KB. The projects in the file get exactly the file’s data; other projects are left alone.',
    notJson: 'This file is not JSON. Choose a file that “Download export” made.',
    tooLarge: 'This file is larger than 450 KB, more than one request can carry.',
    checking: 'Checking the file…',
    summaryHeading: 'What the import would do',
    summaryCaption: 'Records per kind: in the file, replaced, added and removed',
    kind: 'Kind',
    inFile: 'In file',
    replaced: 'Replaced',
    added: 'Added',
    removed: 'Removed',
    projects: (keys: string) => `Replaces the data of: ${keys}.`,
    noProjects: 'The file holds no project data.',
    site: 'Replaces the site settings (edit rule, site story-point field).',
    exportedAt: (at: string) => `Exported ${at}.`,
    operations: (n: number) => `${plural(n, 'storage write', 'storage writes')}.`,
    apply: 'Import now',
    projectChoice: 'Projects to import (the others in the file are left out and keep their data)',
    changedSincePreview: 'The data changed since the preview',
    changedSincePreviewBody: 'Someone changed Throughline’s data, or the file, after you previewed it, so nothing was imported. Check what the import would do now, then import again.',
    corrections: (list: string) => `Worked out again rather than taken from the file: ${list}.`,
    correction: (kind: string, what: 'counts' | 'ranks' | 'created') =>
      what === 'counts' ? `${kind}: counts` : what === 'ranks' ? `${kind}: order renumbered (ranks were broken or tied)` : `${kind}: record created`,
    cancel: 'Cancel',
    applied: (n: number) => `Imported: ${plural(n, 'storage write', 'storage writes')} applied.`,
    epicLinks: (restored: number, pending: number, refused: number) =>
      `Epic links: ${plural(restored, 'epic', 'epics')} updated in Jira as you` +
      (pending > 0 ? `; ${pending} more are being updated by the app in the background` : '') +
      (refused > 0 ? `; Jira did not let you edit ${plural(refused, 'epic', 'epics')}, which the app will try as itself` : '') +
      (pending + refused > 0 ? '. Until then those epics show “Syncing to Jira”.' : '.'),
    failed: 'The import failed part-way and was undone: nothing changed. Try again in a moment.',
    kinds: {
      settings: 'Site settings',
      product: 'Products',
      'vision-version': 'Vision versions',
      goal: 'Goals',
      kpi: 'KPIs',
      'kpi-series': 'KPI series',
      'measurement-chunk': 'Measurement chunks',
      'roadmap-item': 'Roadmap items',
      'roadmap-setup': 'Roadmap counters',
      'roadmap-lanes': 'Lane setups',
      'story-point-setting': 'Story-point settings',
      'sprint-boards': 'Sprint board choices',
    } as Record<string, string>,
  },

  linkIndex: {
    heading: 'Rebuild link index',
    intro: 'Recomputes what the app derives from the epics’ links: each epic’s goals from its roadmap items’ current goals (what JQL’s throughlineGoal finds), and the cached roll-ups, which rebuild on the next load.',
    button: 'Rebuild link index',
    running: 'Rebuilding…',
    reportHeading: 'Rebuilt',
    project: (key: string, checked: number, updated: number, dropped: number) =>
      `${key}: ${plural(checked, 'linked epic', 'linked epics')} checked, ${updated} updated, ${plural(dropped, 'cached roll-up', 'cached roll-ups')} dropped.`,
    epic: (key: string, before: string, after: string) => `${key}: goals ${before || 'none'} → ${after || 'none'}`,
    refused: (keys: string) => `Jira refused to change ${keys}.`,
    pending: (keys: string) => `Jira did not answer for ${keys}; the app keeps trying in the background.`,
    appCannotBrowse: (key: string) =>
      `${key}: not checked. The project’s permission scheme does not let Throughline browse it (the atlassian-addons-project-access role lacks Browse Projects). A Jira admin can grant it in the project’s permissions.`,
  },
};
