export { buildDemoSite, buildLargeSite, buildSite, DEMO_BASE_URL, DEMO_NOW } from './sites';
export type { SiteName, SiteOptions } from './sites';
export type { LargeSiteOptions } from './large-projects';
export { buildHugeSite, HUGE_DEFAULTS } from './huge-site';
export type { HugeSiteOptions } from './huge-site';
export { DEMO_APP_ACCOUNT_ID, DEMO_USERS } from './users';
export type { DemoUserRole } from './users';
export { FIELD_IDS, STATUS_IDS } from './catalog';
export { loadEntityPropertyIndexes } from './entity-property-indexes';
