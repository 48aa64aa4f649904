/**
 * One sandboxed Jira site and Forge runtime per test file: the real resolver, the real @forge/*
 * packages, and the platform doubles under them. Tests call the resolver exactly as the Custom UI's
 * `invoke` would reach it on Forge.
 */
import { resolve } from 'node:path';
import type { Defs, EditRule } from '../../src/contract';
import { resolver } from '../../src/index';
import { loadEditRule, saveEditRule } from '../../src/adapters/storage/settings-store';
import { buildDemoSite, DEMO_USERS, loadEntityPropertyIndexes } from '../sandbox/demo';
import type { DemoUserRole } from '../sandbox/demo';
import { ForgeSandbox, loadManifest } from '../sandbox/forge/sandbox';
import type { ResolverHandler } from '../sandbox/forge/sandbox';
import type { SimProject, SimSite } from '../sandbox/jira/model';
import { JiraSimulator } from '../sandbox/jira/simulator';

// Relative to the project root, where npm runs jest (no import.meta: UI tests load this as CommonJS).
export const manifestPath = resolve(process.cwd(), 'manifest.yml');

export type Actor = DemoUserRole | 'anonymous';

export type ModuleContext =
  | { module: 'jira:projectPage'; project: string }
  /** The issue panel on one issue (key), in that issue's project, as Jira's issue view shows it. */
  | { module: 'jira:issuePanel'; issue: string }
  | { module: 'jira:globalPage' }
  | { module: 'jira:adminPage' }
  /** A dashboard gadget (Goal health by default) with the configuration its edit view saved. */
  | { module: 'jira:dashboardGadget'; gadget?: GadgetModuleKey; configuration?: Record<string, unknown>; edit?: boolean };

export type GadgetModuleKey = 'throughline-goal-health' | 'throughline-roadmap-now' | 'throughline-unaligned-work';

const moduleKeys: Record<ModuleContext['module'], string> = {
  'jira:dashboardGadget': 'throughline-goal-health',
  'jira:projectPage': 'throughline-product',
  'jira:issuePanel': 'throughline-product-context',
  'jira:globalPage': 'throughline-portfolio',
  'jira:adminPage': 'throughline-settings',
};

type Payload<K extends keyof Defs> = Parameters<Defs[K]> extends [infer P] ? P : undefined;
type Answer<K extends keyof Defs> = ReturnType<Defs[K]>;

export interface Sandbox {
  jira: JiraSimulator;
  forge: ForgeSandbox;
  site: SimSite;
  project(key: string): SimProject;
  /** Calls a resolver function as `actor`, in the module context given (project page of THR by default). */
  call<K extends keyof Defs>(
    functionKey: K,
    options: {
      as: Actor;
      in?: ModuleContext;
      payload?: Payload<K> | Record<string, unknown>;
      /** Forge's `context.license` (sent only for paid apps in production); absent by default. */
      license?: Record<string, unknown>;
      /** The context's `locale` (Jira's language for the user) and `timezone`; en-US and UTC by default. */
      locale?: string;
      timezone?: string;
    },
  ): Promise<Answer<K>>;
  /** Stores the site's edit rule the way the admin page will, through the app's own storage adapter. */
  setEditRule(rule: EditRule): Promise<void>;
}

export function createSandbox(
  options: {
    site?: SimSite;
    /** Instead of manifest.yml's `permissions.scopes`: what an app missing a scope meets on Forge. */
    scopes?: string[];
  } = {},
): Sandbox {
  // JQL on issue properties works as the manifest's `jira:entityProperty` modules declare.
  const site = options.site ?? buildDemoSite({ entityPropertyIndexes: loadEntityPropertyIndexes(manifestPath) });
  const jira = new JiraSimulator(site);
  // The real manifest: Forge's scope check is on, as on a site.
  const manifest = loadManifest(manifestPath);
  const forge = new ForgeSandbox({ jira, manifest: options.scopes ? { ...manifest, scopes: options.scopes } : manifest });
  forge.install();

  const project = (key: string): SimProject => {
    const found = site.projects.find((p) => p.key === key);
    if (!found) throw new Error(`No project ${key} in the sandbox site`);
    return found;
  };

  const extensionFor = (context: ModuleContext): Record<string, unknown> => {
    if (context.module === 'jira:globalPage') return { type: 'jira:globalPage', location: `${site.baseUrl}/jira/apps` };
    if (context.module === 'jira:adminPage') return { type: 'jira:adminPage', location: `${site.baseUrl}/jira/settings/apps` };
    if (context.module === 'jira:dashboardGadget') {
      // A gadget's context names its dashboard and gadget and carries its saved configuration; no project.
      return { type: 'jira:dashboardGadget', dashboard: { id: '10000' }, gadget: { id: '10100' }, gadgetConfiguration: context.configuration ?? {}, ...(context.edit ? { entryPoint: 'edit' } : {}), location: `${site.baseUrl}/jira/dashboards/10000` };
    }
    if (context.module === 'jira:issuePanel') {
      const issue = site.issues.find((candidate) => candidate.key === context.issue);
      if (!issue) throw new Error(`No issue ${context.issue} in the sandbox site`);
      const home = site.projects.find((candidate) => candidate.id === issue.projectId);
      return {
        type: 'jira:issuePanel',
        issue: { id: issue.id, key: issue.key, type: site.issueTypes.find((type) => type.id === issue.issueTypeId)?.name ?? 'Unknown', typeId: issue.issueTypeId },
        ...(home ? { project: { id: home.id, key: home.key, type: home.projectTypeKey } } : {}),
        isNewToIssue: false,
        location: `${site.baseUrl}/browse/${issue.key}`,
      };
    }
    const p = project(context.project);
    return {
      type: 'jira:projectPage',
      project: { id: p.id, key: p.key, type: 'software' },
      location: `${site.baseUrl}/jira/software/projects/${p.key}/apps`,
    };
  };

  return {
    jira,
    forge,
    site,
    project,
    async call(functionKey, { as, in: context = { module: 'jira:projectPage', project: 'THR' }, payload, license, locale, timezone }) {
      const answer = await forge.callResolver(resolver as unknown as ResolverHandler, {
        functionKey,
        payload: payload ?? {},
        extension: extensionFor(context),
        moduleKey: context.module === 'jira:dashboardGadget' ? (context.gadget ?? moduleKeys[context.module]) : moduleKeys[context.module],
        ...(as === 'anonymous' ? { accountType: 'anonymous' as const } : { accountId: DEMO_USERS[as] }),
        ...(license ? { license } : {}),
        ...(locale ? { locale } : {}),
        ...(timezone ? { timezone } : {}),
      });
      return answer as Answer<typeof functionKey>;
    },
    async setEditRule(rule) {
      await forge.run(async () => {
        const { version } = await loadEditRule();
        const outcome = await saveEditRule({ editRule: rule, baseVersion: version, by: DEMO_USERS.admin, at: new Date().toISOString() });
        if (outcome !== 'committed') throw new Error('The edit rule changed while a test set it');
      });
    },
  };
}
