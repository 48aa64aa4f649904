/** What every route of the host server reads: the manifest, the current world, the handlers. */
import type { InvocationStats } from '../forge/sandbox';
import type { ArmedFaults } from './faults';
import type { ForgeHandler } from './handlers';
import type { AppIdentity } from './extension-context';
import type { HostManifest } from './manifest';
import type { World } from './world';

export interface HostContext {
  manifest: HostManifest;
  world: World;
  /** Handler reference (`index.resolver`) → the function, loaded on first use. */
  handler(ref: string): Promise<ForgeHandler>;
  /** The last invocations, newest last (`GET /__sandbox/invocations`). */
  invocations: InvocationStats[];
  faults: ArmedFaults;
}

export function appIdentity(context: HostContext): AppIdentity {
  const { forge } = context.world;
  return { appUuid: forge.appId, environmentId: forge.environmentId, environmentType: forge.environmentType };
}
