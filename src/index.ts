// Forge entry points: wiring only. The manifest names these exports (`index.resolver`).
import { makeResolver } from '@forge/resolver';
import type { Defs } from './contract';
import { handlers } from './resolvers/handlers';

export const resolver = makeResolver<Defs>(handlers);
