/**
 * The usual test setup in one call: the deterministic demo site in a Jira simulator, and a
 * ForgeSandbox with the entities manifest.yml declares, installed.
 */
import { resolve } from 'node:path';
import { buildDemoSite } from '../demo';
import type { SimSite } from '../jira/model';
import { JiraSimulator } from '../jira/simulator';
import { loadManifest, type SandboxManifest } from './manifest';
import { ForgeSandbox } from './sandbox';

// Relative to the project root, where npm runs jest and the host; no import.meta, so the
// CommonJS-transformed jsdom project can load this too.
export const MANIFEST_PATH = resolve(process.cwd(), 'manifest.yml');

export interface DemoSandbox {
  sandbox: ForgeSandbox;
  jira: JiraSimulator;
  site: SimSite;
}

export function demoSandbox(options: { site?: SimSite; manifest?: Partial<SandboxManifest>; storageFile?: string } = {}): DemoSandbox {
  const site = options.site ?? buildDemoSite();
  const jira = new JiraSimulator(site);
  const sandbox = new ForgeSandbox({
    jira,
    manifest: options.manifest ?? loadManifest(MANIFEST_PATH),
    ...(options.storageFile ? { storageFile: options.storageFile } : {}),
  });
  sandbox.install();
  return { sandbox, jira, site };
}
