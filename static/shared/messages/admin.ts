/** The admin page "Throughline settings". Its own file: the admin bundle takes only these. */
import type { EditRule } from '../../../src/contract';
import english from './admin.en-US.json';
import { catalog, textGroup } from './runtime';

const t = catalog('admin', english);

const editRules = ['project-admins', 'issue-editors'] as const satisfies readonly EditRule[];
const storyPointSources = ['override', 'board', 'project-style', 'only-candidate'] as const;
type StoryPointSource = (typeof storyPointSources)[number];
const importKinds = [
  'settings',
  'product',
  'vision-version',
  'goal',
  'kpi',
  'kpi-series',
  'measurement-chunk',
  'roadmap-item',
  'roadmap-setup',
  'roadmap-lanes',
  'epic-link',
  'story-point-setting',
  'status-update',
  'evidence',
  'evidence-notes',
  'sprint-boards',
] as const;

export const admin = {
  get title() {
    return t('title');
  },
  get intro() {
    return t('intro');
  },
  get loading() {
    return t('loading');
  },
  get retry() {
    return t('retry');
  },
  failedTitle: (code: string) => (code === 'forbidden' ? t('failedTitle.forbidden') : t('failedTitle.other')),
  undoneImport: (at: string) => t('undoneImport', { at }),
  get undoneImportTitle() {
    return t('undoneImportTitle');
  },
  get unfinishedImportTitle() {
    return t('unfinishedImportTitle');
  },
  unfinishedImport: (at: string, remaining: number) => t('unfinishedImport', { at, remaining }),
  get unlicensedAdmin() {
    return t('unlicensedAdmin');
  },

  get save() {
    return t('save');
  },
  get saved() {
    return t('saved');
  },
  get conflictTitle() {
    return t('conflictTitle');
  },
  get conflictBody() {
    return t('conflictBody');
  },
  get errorTitle() {
    return t('errorTitle');
  },

  editRule: {
    get heading() {
      return t('editRule.heading');
    },
    get legend() {
      return t('editRule.legend');
    },
    options: textGroup(editRules, (rule) => t(`editRule.options.${rule}`)) satisfies Record<EditRule, string>,
    get helper() {
      return t('editRule.helper');
    },
    saved: (rule: EditRule) => t(`editRule.saved.${rule}`),
  },

  storyPoints: {
    get heading() {
      return t('storyPoints.heading');
    },
    get intro() {
      return t('storyPoints.intro');
    },
    get siteLabel() {
      return t('storyPoints.siteLabel');
    },
    get detect() {
      return t('storyPoints.detect');
    },
    get noFields() {
      return t('storyPoints.noFields');
    },
    projectLabel: (key: string) => t('storyPoints.projectLabel', { key }),
    get useSite() {
      return t('storyPoints.useSite');
    },
    /** The field in use and why: `name` is the field's name and id, `source` how it was found. */
    effective: (name: string, source: string) =>
      (storyPointSources as readonly string[]).includes(source)
        ? t(`storyPoints.effective.${source as StoryPointSource}`, { name })
        : t('storyPoints.effective.other', { name, source }),
    get effectiveLabel() {
      return t('storyPoints.effectiveLabel');
    },
    field: (name: string, id: string) => t('storyPoints.field', { name, id }),
    ignored: (id: string) => t('storyPoints.ignored', { id }),
  },

  project: {
    get heading() {
      return t('project.heading');
    },
    get label() {
      return t('project.label');
    },
    get choose() {
      return t('project.choose');
    },
    get loading() {
      return t('project.loading');
    },
    option: (name: string, key: string) => t('project.option', { name, key }),
  },

  boards: {
    get heading() {
      return t('boards.heading');
    },
    get legend() {
      return t('boards.legend');
    },
    get every() {
      return t('boards.every');
    },
    get chosen() {
      return t('boards.chosen');
    },
    get boardsLabel() {
      return t('boards.boardsLabel');
    },
    teamManaged: (name: string) => t('boards.teamManaged', { name }),
    kanban: (names: string) => t('boards.kanban', { names }),
    get none() {
      return t('boards.none');
    },
    get saved() {
      return t('boards.saved');
    },
  },

  export: {
    get heading() {
      return t('export.heading');
    },
    get intro() {
      return t('export.intro');
    },
    get button() {
      return t('export.button');
    },
    done: (fileName: string) => t('export.done', { fileName }),
  },

  import: {
    get heading() {
      return t('import.heading');
    },
    get intro() {
      return t('import.intro');
    },
    get fileLabel() {
      return t('import.fileLabel');
    },
    get fileHelper() {
      return t('import.fileHelper');
    },
    get notJson() {
      return t('import.notJson');
    },
    get tooLarge() {
      return t('import.tooLarge');
    },
    get checking() {
      return t('import.checking');
    },
    get summaryHeading() {
      return t('import.summaryHeading');
    },
    get summaryCaption() {
      return t('import.summaryCaption');
    },
    get kind() {
      return t('import.kind');
    },
    get inFile() {
      return t('import.inFile');
    },
    get replaced() {
      return t('import.replaced');
    },
    get added() {
      return t('import.added');
    },
    get removed() {
      return t('import.removed');
    },
    projects: (keys: string) => t('import.projects', { keys }),
    get noProjects() {
      return t('import.noProjects');
    },
    get site() {
      return t('import.site');
    },
    exportedAt: (at: string) => t('import.exportedAt', { at }),
    operations: (n: number) => t('import.operations', { n }),
    get apply() {
      return t('import.apply');
    },
    get projectChoice() {
      return t('import.projectChoice');
    },
    get changedSincePreview() {
      return t('import.changedSincePreview');
    },
    get changedSincePreviewBody() {
      return t('import.changedSincePreviewBody');
    },
    corrections: (list: string) => t('import.corrections', { list }),
    correction: (kind: string, what: 'counts' | 'ranks' | 'created') => t(`import.correction.${what}`, { kind }),
    get cancel() {
      return t('import.cancel');
    },
    applied: (n: number) => t('import.applied', { n }),
    epicLinks: (restored: number, pending: number, refused: number) =>
      t('import.epicLinks', { restored, pending, refused, waiting: pending + refused }),
    get failed() {
      return t('import.failed');
    },
    kinds: textGroup(importKinds, (kind) => t(`import.kinds.${kind}`)) as Readonly<Record<string, string>>,
  },

  linkIndex: {
    get heading() {
      return t('linkIndex.heading');
    },
    get intro() {
      return t('linkIndex.intro');
    },
    get button() {
      return t('linkIndex.button');
    },
    get running() {
      return t('linkIndex.running');
    },
    get reportHeading() {
      return t('linkIndex.reportHeading');
    },
    project: (key: string, checked: number, updated: number, dropped: number) => t('linkIndex.project', { key, checked, updated, dropped }),
    epic: (key: string, before: string, after: string) =>
      t('linkIndex.epic', { key, before: before || t('linkIndex.noGoals'), after: after || t('linkIndex.noGoals') }),
    refused: (keys: string) => t('linkIndex.refused', { keys }),
    pending: (keys: string) => t('linkIndex.pending', { keys }),
    appCannotBrowse: (key: string) => t('linkIndex.appCannotBrowse', { key }),
  },
};
