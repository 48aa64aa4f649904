/**
 * Everything the host serves from: the simulated Jira site, its simulator and the Forge runtime
 * with its KVS. `POST /__sandbox/reset` swaps in a fresh world, so callers hold the `World`
 * container, never its parts.
 */
import { rmSync } from 'node:fs';
import { buildSite, loadEntityPropertyIndexes } from '../demo/index';
import type { SiteName } from '../demo/index';
import { ForgeSandbox, KVS_QUOTAS, loadManifest } from '../forge/sandbox';
import type { ForgeSandboxOptions, InvocationStats } from '../forge/sandbox';
import type { SimSite } from '../jira/model';
import { JiraSimulator } from '../jira/simulator';
import type { JiraRequest, JiraResponse } from '../jira/simulator';
import { mapAvatarHosts } from './avatar-hosts';

export type DataSet = SiteName;

export interface WorldOptions {
  data: DataSet;
  manifestPath: string;
  /** Where the KVS persists; in memory when undefined. */
  storageFile?: string;
  onInvocation?: (stats: InvocationStats) => void;
  /** The port the host listens on, once it does: Jira's avatar URLs then point at its stand-ins. */
  standInPort?: () => number | undefined;
  /** How long Jira's search index trails writes (wall clock); 0 or absent: search sees writes at once. */
  searchIndexLagMs?: number;
  /** Manifest function key → its handler: queue events reach the `consumer` modules through it. */
  functionHandler?: ForgeSandboxOptions['functionHandler'];
}

/**
 * The simulator as the browser sees it through the host: its answers name the avatar hosts' stand-ins
 * (avatar-hosts.ts) instead of the real hosts this machine cannot reach. The simulator itself, and
 * every test that uses it without the host, keeps the real URLs.
 */
class HostedJiraSimulator extends JiraSimulator {
  constructor(
    site: SimSite,
    private readonly standInPort: () => number | undefined,
  ) {
    super(site);
  }

  override async handle(request: JiraRequest): Promise<JiraResponse> {
    const response = await super.handle(request);
    const port = this.standInPort();
    return port === undefined ? response : { ...response, body: mapAvatarHosts(response.body, port) };
  }
}

export class World {
  data: DataSet;
  jira: JiraSimulator;
  forge: ForgeSandbox;

  constructor(private readonly options: WorldOptions) {
    this.data = options.data;
    this.jira = this.buildSimulator(options.data);
    this.forge = this.buildForge();
  }

  /** Fresh site data and empty storage (the file too); optionally another data set. */
  reset(data: DataSet = this.data): void {
    this.forge.queue.stop();
    this.forge.uninstall();
    if (this.options.storageFile) rmSync(this.options.storageFile, { force: true });
    this.data = data;
    this.jira = this.buildSimulator(data);
    this.forge = this.buildForge();
  }

  close(): void {
    this.forge.queue.stop();
    this.forge.uninstall();
  }

  private buildSimulator(data: DataSet): JiraSimulator {
    const site = buildSite(data, { entityPropertyIndexes: loadEntityPropertyIndexes(this.options.manifestPath) });
    const simulator = this.options.standInPort ? new HostedJiraSimulator(site, this.options.standInPort) : new JiraSimulator(site);
    if (this.options.searchIndexLagMs) simulator.setSearchIndexLag(this.options.searchIndexLagMs);
    return simulator;
  }

  private buildForge(): ForgeSandbox {
    const forge = new ForgeSandbox({
      jira: this.jira,
      manifest: loadManifest(this.options.manifestPath),
      ...(this.options.storageFile ? { storageFile: this.options.storageFile } : {}),
      ...(this.options.onInvocation ? { onInvocation: this.options.onInvocation } : {}),
      ...(this.options.functionHandler ? { functionHandler: this.options.functionHandler } : {}),
    });
    forge.install();
    // Forge's storage quotas per installation, as documented (test/sandbox/forge/kvs/quotas.ts).
    forge.kvs.setQuotas(KVS_QUOTAS);
    // Async events are delivered when due, as Forge does (in memory: a restart drops undelivered ones).
    forge.queue.start();
    return forge;
  }
}
