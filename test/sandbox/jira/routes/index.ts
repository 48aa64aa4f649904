import { boardRoutes } from './boards';
import { commentRoutes } from './comments';
import { fieldRoutes } from './fields';
import { issueCreateRoutes } from './issue-create';
import { issuePropertyRoutes } from './issue-properties';
import { issueRoutes } from './issues';
import { peopleRoutes } from './people';
import { projectRoutes } from './projects';
import type { Route } from './router';
import { searchRoutes } from './search';
import { sprintRoutes } from './sprints';
import { userRoutes } from './users';
import { versionRoutes } from './versions';

/** Every endpoint the simulator serves. Order matters only where a literal path shadows a parameter. */
export const ROUTES: Route[] = [
  ...searchRoutes,
  ...issueRoutes,
  ...issueCreateRoutes,
  ...issuePropertyRoutes,
  ...commentRoutes,
  ...projectRoutes,
  ...versionRoutes,
  ...fieldRoutes,
  ...peopleRoutes,
  ...userRoutes,
  ...boardRoutes,
  ...sprintRoutes,
];
