/**
 * The host page's state lives in its URL (`?project=THR&module=issue-panel&issue=THR-12&user=
 * developer&theme=dark&path=/roadmap`) so a link reproduces a view. This turns a query into a
 * complete view, filling defaults and reporting what it had to correct.
 */
import type { SimIssue, SimProject, SimSite } from '../jira/model';
import { DEFAULT_USER, resolveActingUser } from './acting-user';
import { conditionHolds, describeCondition } from './display-conditions';
import type { ActingUser } from './acting-user';
import type { ColorMode } from './extension-context';
import { findIssue, findProject, localeOf } from './extension-context';
import { FORGE_SUPPORTED_LOCALE_CODES } from '@forge/i18n';
import { HttpError } from './http-util';
import { PSEUDO_BASE_LOCALE, PSEUDO_LANG } from './pseudo-locale';
import { UI_MODULE_TYPES, localizedManifest, moduleTypeOf } from './manifest';
import type { HostManifest, UiModule, UiModuleType } from './manifest';

export interface HostViewState {
  moduleType: UiModuleType;
  /** Undefined when the manifest does not declare a module of that type (yet). */
  module?: UiModule;
  project?: SimProject;
  issue?: SimIssue;
  /** The project's epics (hierarchy level 1), for the epic switcher. */
  epics: SimIssue[];
  actor: ActingUser;
  colorMode: ColorMode;
  /** The language Jira is shown in: the switcher's (`lang`), else the acting user's profile locale. */
  locale: string;
  /** `lang` as the URL gave it (links keep it). */
  lang?: string;
  /** The pseudo-locale (`lang=pseudo`): `locale` stays en-US and its texts are served rewritten (pseudo-locale.ts). */
  pseudo?: true;
  /** The app's own route inside its frame (view.createHistory). */
  path?: string;
  /** Query values that named nothing, and what was shown instead. */
  corrections: string[];
  /** The module's display condition when it is false here: Jira does not render the module at all. */
  hiddenBy?: string;
}

export function epicsOf(site: SimSite, project: SimProject): SimIssue[] {
  const epicTypes = new Set(site.issueTypes.filter((type) => type.hierarchyLevel === 1).map((type) => type.id));
  return site.issues.filter((issue) => issue.projectId === project.id && epicTypes.has(issue.issueTypeId));
}

export function canBrowse(project: SimProject | undefined, actor: ActingUser): boolean {
  if (!project || actor.kind === 'anonymous') return false;
  return project.permissions[actor.accountId]?.includes('BROWSE_PROJECTS') ?? false;
}

export function isJiraAdmin(site: SimSite, actor: ActingUser): boolean {
  return actor.kind === 'user' && site.jiraAdmins.includes(actor.accountId);
}

function defaultProject(site: SimSite): SimProject | undefined {
  return findProject(site, 'THR') ?? site.projects[0];
}

export function resolveViewState(site: SimSite, manifest: HostManifest, query: URLSearchParams): HostViewState {
  const corrections: string[] = [];
  const get = (name: string): string | undefined => query.get(name) || undefined;

  let actor: ActingUser;
  try {
    actor = resolveActingUser(site, get('user'));
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    corrections.push(`${error.message}; showing ${DEFAULT_USER}`);
    actor = resolveActingUser(site, DEFAULT_USER);
  }

  const declared = manifest.modules[0]?.type ?? UI_MODULE_TYPES[0];
  const moduleName = get('module');
  let moduleType = moduleName ? moduleTypeOf(moduleName) : declared;
  if (!moduleType) {
    corrections.push(`No module type "${moduleName}"`);
    moduleType = declared;
  }

  const issueName = get('issue');
  const namedIssue = findIssue(site, issueName);
  if (issueName && !namedIssue) corrections.push(`No issue "${issueName}"`);
  const projectName = get('project');
  let project = findProject(site, projectName) ?? (namedIssue ? site.projects.find((p) => p.id === namedIssue.projectId) : undefined);
  if (projectName && !findProject(site, projectName)) corrections.push(`No project "${projectName}"`);
  // An issue belongs to one project: the issue wins over a project that disagrees.
  if (moduleType === 'jira:issuePanel' && namedIssue && project?.id !== namedIssue.projectId) {
    project = site.projects.find((p) => p.id === namedIssue.projectId);
  }
  project ??= defaultProject(site);

  const epics = project ? epicsOf(site, project) : [];
  let issue: SimIssue | undefined;
  if (moduleType === 'jira:issuePanel') {
    issue = namedIssue ?? epics[0];
    if (!issue) corrections.push(`Project ${project?.key ?? '?'} has no epics to show a panel on`);
  }

  const langName = get('lang');
  // Jira offers the languages Forge translates into (a user's profile may name others).
  const pseudo = langName === PSEUDO_LANG;
  const lang = langName && (pseudo || (FORGE_SUPPORTED_LOCALE_CODES as readonly string[]).includes(langName)) ? langName : undefined;
  if (langName && !lang) corrections.push(`No language "${langName}"`);
  const locale = pseudo ? PSEUDO_BASE_LOCALE : (lang ?? localeOf(actor));
  const module = localizedManifest(manifest, locale).modules.find((candidate) => candidate.type === moduleType);
  const condition = module?.displayConditions;
  const shown =
    !condition ||
    conditionHolds(condition, {
      ...(issue ? { issue, issueType: site.issueTypes.find((type) => type.id === issue.issueTypeId) } : {}),
      ...(project ? { project } : {}),
      ...(actor.kind === 'user' ? { accountId: actor.accountId } : {}),
    });
  const path = get('path');
  return {
    moduleType,
    ...(module ? { module } : {}),
    ...(project ? { project } : {}),
    ...(issue ? { issue } : {}),
    epics,
    actor,
    colorMode: get('theme') === 'dark' ? 'dark' : 'light',
    locale,
    ...(lang ? { lang } : {}),
    ...(pseudo ? { pseudo: true as const } : {}),
    ...(path ? { path } : {}),
    corrections,
    ...(condition && !shown ? { hiddenBy: describeCondition(condition) } : {}),
  };
}
