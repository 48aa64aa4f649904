import { FIELD_IDS, GLOBAL_ISSUE_TYPES } from './catalog';
import type { ProjectSpec } from './spec';
import { ALL_PROJECT_PERMISSIONS, CONTRIBUTOR, VIEWER } from './spec';
import { DEMO_TEAM, DEMO_USERS, TEAMMATE_IDS } from './users';

const { admin, productManager, developer, outsider } = DEMO_USERS;

/** Jira puts the add-on role on every permission of the scheme when an app is installed. */
const APP_DEFAULT_PERMISSIONS = ALL_PROJECT_PERMISSIONS;

const productTeamAccess = Object.fromEntries([developer, ...TEAMMATE_IDS].map((id) => [id, CONTRIBUTOR]));

/** Company-managed web storefront: global issue types, "Story Points", a scrum and a support kanban board. */
const THR: ProjectSpec = {
  project: {
    id: '10000',
    key: 'THR',
    name: 'Thrive Web',
    style: 'classic',
    projectTypeKey: 'software',
    leadAccountId: productManager,
    permissions: { ...productTeamAccess, [admin]: ALL_PROJECT_PERMISSIONS, [productManager]: ALL_PROJECT_PERMISSIONS },
    addonRolePermissions: APP_DEFAULT_PERMISSIONS,
  },
  issueTypes: GLOBAL_ISSUE_TYPES,
  scopedIssueTypes: false,
  storyPointField: FIELD_IDS.storyPoints,
  boards: [
    { id: 1, name: 'THR board', type: 'scrum', estimationFieldId: FIELD_IDS.storyPoints },
    { id: 5, name: 'THR support', type: 'kanban' },
  ],
  sprints: { closed: 8, future: 2, firstNumber: 14, activeStart: '2026-11-11T09:00:00.000Z' },
  epics: [
    'Guest checkout',
    'Saved payment methods',
    'Order tracking page',
    'Product search relevance',
    'Wishlist sharing',
    'Loyalty points',
    'Returns self-service',
    'Gift cards',
    'Subscription orders',
    'Accessibility audit fixes',
    'Checkout performance',
    'Multi-currency pricing',
    'Address autocomplete',
    'Product review moderation',
    'Personalised recommendations',
    'Store locator',
    'Promo code engine',
    'Cookie consent v2',
  ],
  childrenPerEpic: { min: 8, max: 14 },
  estimatedShare: 0.85,
  team: DEMO_TEAM.product,
  labels: ['frontend', 'backend', 'checkout', 'performance', 'accessibility', 'customer-request', 'tech-debt'],
};

/** Team-managed mobile app: project-scoped issue types, "Story point estimate", a `simple` board with sprints. */
const MOB: ProjectSpec = {
  project: {
    id: '10001',
    key: 'MOB',
    name: 'Thrive Mobile',
    style: 'next-gen',
    projectTypeKey: 'software',
    leadAccountId: productManager,
    permissions: { ...productTeamAccess, [admin]: ALL_PROJECT_PERMISSIONS, [productManager]: ALL_PROJECT_PERMISSIONS },
    addonRolePermissions: APP_DEFAULT_PERMISSIONS,
    // Its field configuration makes Component/s required: an epic created from the app's form (summary
    // and description only) is refused, and the app must say which field (issue 10.4).
    requiredOnCreate: ['components'],
  },
  issueTypes: { epic: '10010', story: '10011', task: '10012', bug: '10013', subtask: '10014' },
  scopedIssueTypes: true,
  storyPointField: FIELD_IDS.storyPointEstimate,
  // Team-managed boards are `simple` in the agile API; MOB has the Sprints feature on.
  boards: [{ id: 2, name: 'MOB board', type: 'simple', sprintsEnabled: true, estimationFieldId: FIELD_IDS.storyPointEstimate }],
  sprints: { closed: 6, future: 2, firstNumber: 1, activeStart: '2026-11-16T08:00:00.000Z' },
  epics: [
    'Biometric login',
    'Offline basket',
    'Push notification preferences',
    'In-app chat support',
    'Dark mode',
    'Barcode scanner',
    'Apple Pay and Google Pay',
    'App onboarding tour',
    'Deep links from email',
    'Order history redesign',
    'Tablet layout',
    'Crash-free sessions above 99.8%',
    'Home screen order widget',
    'In-app review prompt',
  ],
  childrenPerEpic: { min: 7, max: 12 },
  estimatedShare: 0.8,
  team: DEMO_TEAM.product,
  labels: ['ios', 'android', 'design', 'performance', 'customer-request'],
};

/** Finance's own project: the product manager, the developer and the app cannot browse it. */
const FIN: ProjectSpec = {
  project: {
    id: '10002',
    key: 'FIN',
    name: 'Finance Operations',
    style: 'classic',
    projectTypeKey: 'software',
    leadAccountId: outsider,
    permissions: {
      [admin]: ALL_PROJECT_PERMISSIONS,
      [outsider]: ALL_PROJECT_PERMISSIONS,
      ...Object.fromEntries(DEMO_TEAM.finance.filter((id) => id !== outsider).map((id) => [id, CONTRIBUTOR])),
    },
    // Finance took the add-on role off its permission scheme: no app reads FIN's issues as itself.
    addonRolePermissions: [],
  },
  issueTypes: GLOBAL_ISSUE_TYPES,
  scopedIssueTypes: false,
  storyPointField: FIELD_IDS.storyPoints,
  boards: [{ id: 3, name: 'FIN board', type: 'scrum', estimationFieldId: FIELD_IDS.storyPoints }],
  sprints: { closed: 4, future: 1, firstNumber: 5, activeStart: '2026-11-09T10:00:00.000Z' },
  epics: [
    'Quarterly revenue close',
    'Invoice automation',
    'Vendor payment runs',
    'Expense policy update',
    'Tax reporting 2027',
    'Budget planning FY27',
    'Audit trail export',
  ],
  childrenPerEpic: { min: 5, max: 9 },
  estimatedShare: 0.75,
  team: DEMO_TEAM.finance,
  labels: ['compliance', 'automation', 'reporting', 'q4'],
};

/** Kanban-only operations project, never estimated; the product manager may look but not touch. */
const OPS: ProjectSpec = {
  project: {
    id: '10003',
    key: 'OPS',
    name: 'Platform Operations',
    style: 'classic',
    projectTypeKey: 'software',
    leadAccountId: admin,
    permissions: { ...productTeamAccess, [admin]: ALL_PROJECT_PERMISSIONS, [productManager]: VIEWER },
    addonRolePermissions: APP_DEFAULT_PERMISSIONS,
  },
  issueTypes: GLOBAL_ISSUE_TYPES,
  scopedIssueTypes: false,
  boards: [{ id: 4, name: 'OPS board', type: 'kanban' }],
  epics: ['Kubernetes 1.31 upgrade', 'On-call runbooks', 'Log retention policy', 'Database backup drills', 'CDN migration'],
  childrenPerEpic: { min: 4, max: 8 },
  estimatedShare: 0,
  team: DEMO_TEAM.product,
  labels: ['infra', 'security', 'cost', 'on-call'],
};

export const DEMO_PROJECTS: ProjectSpec[] = [THR, MOB, FIN, OPS];
