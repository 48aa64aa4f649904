import type { Handlers } from '@forge/resolver';
import type { Defs } from '../contract';
import { getProjectOverview } from './project-overview';
import { guarded } from './results';

/** Every call of the contract, implemented. The compiler checks this object against `Defs`. */
export const handlers: Handlers<Defs> = {
  getProjectOverview: (request) => guarded(() => getProjectOverview(request)),
};
