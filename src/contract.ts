/**
 * The one typed contract between the Custom UI and the resolver: every call's payload and its
 * JSON result. Types only, JSON-shaped (ISO strings for dates), so both sides compile against it.
 * The UI calls `makeInvoke<Defs>()`, the backend implements `makeResolver<Defs>(handlers)`: a
 * missing handler or a wrong payload is a compile error on either side.
 */
import type { ChildCounts, SprintState, StatusCategory } from './domain/model';
import type {
  DatedValue,
  GoalStatus,
  KpiDirection,
  KpiHealth,
  KpiSource,
  Measurement,
  TimeFrame,
  VisionBoard,
} from './domain/strategy';
import type { EpicRollup } from './domain/epic-rollup';
import type { ItemDelivery } from './domain/item-delivery';
import type { ColumnTarget, Horizon, LaneMode, RoadmapItemStatus } from './domain/roadmap';
import type { Velocity } from './domain/velocity';
import type { GoalLinkKind } from './domain/alignment';
import type { SprintInvestment } from './domain/sprint-investment';
import type { ActivitySummary } from './domain/activity';
import type { ScoreInputs, ScoringMethod } from './domain/scoring';
import type { CheckInCadence, CheckInStatus } from './domain/status-updates';

/** Expected failures, a closed set. Bugs throw instead. */
export type ErrorCode =
  | 'forbidden' // the caller may not see or change this (or is anonymous)
  | 'not-found'
  | 'invalid' // the payload broke a rule; `field` names where
  | 'conflict' // someone else changed it first; `current` carries their version
  | 'jira-unavailable' // Jira answered 5xx, garbage, or not in time
  | 'rate-limited' // Jira kept answering 429 past the invocation's time budget
  | 'scope-missing' // Forge refused a Jira call the app's manifest scopes do not cover: an admin must upgrade the app
  | 'storage-unavailable'; // Forge storage (or its proxy) failed or throttled the call: worth a retry

export interface AppError {
  code: ErrorCode;
  message: string;
  /** For `invalid`: the payload path of the offending field, e.g. `kpi.target.value`. */
  field?: string;
  /** For `invalid` from a create in Jira: the fields Jira requires there that the app's form does not have, by Jira's names. */
  requiredFields?: Array<{ id: string; name: string }>;
}

/** A failure; a `conflict` carries the record as it is now, so the UI can show it and reapply. */
export type Failure<T> = { ok: false; error: AppError & { current?: T } };

export type Result<T> = { ok: true; value: T } | Failure<T>;

export interface ProjectRef {
  id: string;
  key: string;
  name: string;
}

export interface EpicSummary {
  id: string;
  key: string;
  summary: string;
  status: { name: string; category: StatusCategory };
  children: ChildCounts;
  /** The children are still being counted in the background (a big project): `children` is empty until then. */
  counting?: true;
}

export interface SprintSummary {
  id: number;
  name: string;
  state: SprintState;
  startDate?: string;
  endDate?: string;
  completeDate?: string;
  goal?: string;
  boardIds: number[];
}

export interface ProjectOverview {
  project: ProjectRef;
  epics: EpicSummary[];
  sprints: SprintSummary[];
  /** The boards the project's sprints come from; kanban-only projects have none with sprints. */
  boards: Array<{ id: number; name: string; type: 'scrum' | 'kanban' | 'simple' | string }>;
  /** A big project's children counted in the background (see `RoadmapView.crawl`). */
  crawl?: RoadmapCrawl;
}

// ── Product strategy: vision, goals, KPIs ──────────────────────────────────────────────────

export interface UserRef {
  accountId: string;
  displayName: string;
  avatarUrl?: string;
}

/** Who saved what, and when. Every stored record carries it. */
export interface Stamp {
  at: string; // ISO instant
  by: UserRef;
}

export interface VisionView {
  board: VisionBoard;
  /** 0 before the first save. Send it back as `baseVersion` when saving. */
  version: number;
  saved?: Stamp;
}

export interface VisionVersionSummary {
  version: number;
  saved: Stamp;
  /** The vision sentence of that version, for the history list. */
  vision: string;
  /** The fields this version changed from the version before it in the history (all filled ones for the first). */
  changed?: string[];
  /** The new text of the first field it changed, shortened: the entry's own summary. */
  excerpt?: string;
  /** Set when this version restored an earlier one. */
  restoredFrom?: number;
}

export interface KpiView {
  id: string;
  goalId: string;
  name: string;
  unit: string;
  direction: KpiDirection;
  baseline: DatedValue;
  target: DatedValue;
  source: KpiSource;
  version: number;
  /** The newest measurement, if any. */
  latest?: Measurement;
  /** 0..1 (may pass 1 or go below 0) of the way from baseline to target. */
  progress?: number;
  health: KpiHealth;
  /** One sentence saying why the health is what it is. */
  healthReason: string;
  /** The last 30 measurements, oldest first, for the sparkline. */
  recent: Array<{ date: string; value: number }>;
}

/** An epic linked to a goal; links arrive with the roadmap. */
export interface LinkedEpic {
  id: string;
  key: string;
  summary: string;
  children: ChildCounts;
  sync?: LinkSync;
}

export interface GoalView {
  id: string;
  title: string;
  description: string;
  owner?: UserRef;
  status: GoalStatus;
  timeFrame: TimeFrame;
  /** Sort key among the product's goals (LexoRank-style string). */
  rank: string;
  version: number;
  kpis: KpiView[];
  epics: LinkedEpic[];
  updated: Stamp;
  /** Its check-ins: the latest, whether an update is due, and any disagreement with the facts (absent on replies to writes). */
  checkIn?: CheckInSummary;
}

export interface StrategyView {
  /**
   * `name`: Jira's project name, given when the vision names no product, so the page's title is the
   * product's name as the portfolio shows it ("Thrive Web Shop: product"), never the bare key.
   */
  project: { id: string; key: string; name?: string };
  vision: VisionView;
  /** Ranked, archived goals last. */
  goals: GoalView[];
  /**
   * What the viewer may do here (the server checks again on every write). `accountId`: a goal's
   * owner may check in on it without the edit rule, so the page offers "Check in" to them too.
   */
  viewer: { canEdit: boolean; editRule: EditRule; licensed: boolean; accountId?: string };
}

/** Who may edit a product: project administrators (default), or everyone who can edit issues. */
export type EditRule = 'project-admins' | 'issue-editors';

export interface GoalInput {
  title: string;
  description: string;
  ownerAccountId: string | null;
  status: GoalStatus;
  timeFrame: TimeFrame;
}

export interface KpiInput {
  name: string;
  unit: string;
  direction: KpiDirection;
  baseline: DatedValue;
  target: DatedValue;
  source: KpiSource;
}

export interface MeasurementInput {
  date: string; // YYYY-MM-DD
  value: number;
  note?: string;
}

export interface KpiHistory {
  kpi: KpiView;
  /** Every measurement, oldest first. */
  measurements: Measurement[];
  /** Version of the measurement series; send it back as `baseVersion` when changing a measurement. */
  seriesVersion: number;
}

/** A JQL source checked against Jira as the user: the value it gives now, or Jira's message. */
export interface JqlPreview {
  value: number;
  counts: { numerator: number; denominator?: number };
  /** The JQL as run, with the product's project added. */
  effectiveJql: string[];
}

// ── Roadmap ────────────────────────────────────────────────────────────────────────────────

export interface RoadmapItemInput {
  title: string;
  description: string;
  goalId: string | null;
  laneId: string | null;
  horizon: Horizon;
  startDate: string | null; // YYYY-MM-DD
  endDate: string | null;
  status: RoadmapItemStatus;
  /** Items this one is blocked by (ids of the same product's items). Absent: unchanged (none on create). */
  dependsOn?: string[];
  /** The item's owner: someone who can browse the project. Absent: unchanged (none on create); null: no owner. */
  ownerAccountId?: string | null;
  /** Priority score inputs, each entered or live. Absent: unchanged (none on create); null: cleared. */
  scoreInputs?: ScoreInputs | null;
}

export interface RoadmapItemView {
  id: string;
  title: string;
  description: string;
  goalId?: string;
  laneId?: string;
  horizon: Horizon;
  startDate?: string;
  endDate?: string;
  status: RoadmapItemStatus;
  rank: string;
  version: number;
  /** The epics that deliver it, from the epics' own link properties (as the viewer may see them). */
  epicIds: string[];
  /** Roll-up, sprints and forecast of its epics; absent while some of its epics are still loading. */
  delivery?: ItemDelivery;
  updated: Stamp;
  /** After a save that changed what its epics serve: epics whose Jira property is still being updated. */
  pendingEpicIds?: string[];
  /** Its check-ins: the latest, whether an update is due, and any disagreement with the facts (absent on replies to writes). */
  checkIn?: CheckInSummary;
  /** Items this one is blocked by ("depends on"), ids of the same product's items. */
  dependsOn?: string[];
  /** What the item's evidence adds up to (stored counts; JQL counts filled in by `countEvidenceJql`). Absent: no evidence. */
  evidence?: EvidenceSummary;
  /** Who carries it; the name is Jira's, as of the last save. */
  owner?: UserRef;
  /** Its priority score inputs (the score is `scoreItem` of src/domain/scoring.ts over these and the facts). */
  scoreInputs?: ScoreInputs;
}

// ── Evidence on roadmap items ──────────────────────────────────────────────────────────────

/**
 * An item's evidence in numbers, cheap enough for every card: the stored counts of notes and of
 * Jira issues linked by key, and its saved JQL queries. A JQL's `count` is the viewer's live count
 * (Jira counts as them); absent until counted (`countEvidenceJql`) or when Jira refused the query.
 */
export interface EvidenceSummary {
  notes: number;
  /** Issues linked by key, as stored: the viewer may not see all of them (the list says how many). */
  issues: number;
  jql: Array<{ id: string; label: string; count?: number }>;
  /** `issues` plus every JQL count known: what "38 requests" on the card says. */
  requests: number;
}

/** A customer quote or observation. */
export interface EvidenceNote {
  text: string;
  /** Where it came from: "Sales call", "Support ticket", a URL… (may be empty). */
  source: string;
  /** The customer or segment it speaks for (may be empty). */
  customer: string;
  /** YYYY-MM-DD: when it was said or seen. */
  date: string;
}

export type EvidenceInput =
  | { kind: 'note'; note: EvidenceNote }
  /** A Jira issue of any project, by key ("SUP-123"). */
  | { kind: 'issue'; issueKey: string }
  /** A saved JQL over any projects the viewer may browse, with a short label ("support requests"). */
  | { kind: 'jql'; label: string; jql: string };

/** A Jira issue as the viewer's Jira shows it. */
export interface EvidenceIssue {
  id: string;
  key: string;
  summary: string;
  status: { name: string; category: StatusCategory };
  issueType?: string;
}

interface EvidenceEntryBase {
  id: string;
  /** Send it back as `baseVersion` when changing or removing this entry. */
  version: number;
  added: Stamp;
  updated?: Stamp;
}

export type EvidenceEntry =
  | (EvidenceEntryBase & { kind: 'note'; note: EvidenceNote })
  /** `issue` absent (and no key): Jira does not let the viewer see it; shown as "an issue you can't see". */
  | (EvidenceEntryBase & { kind: 'issue'; issueKey?: string; issue?: EvidenceIssue; hidden?: true })
  /** `count`: live, as the viewer; `countError`: why Jira would not count it now. */
  | (EvidenceEntryBase & { kind: 'jql'; label: string; jql: string; count?: number; countError?: string });

export interface ItemEvidence {
  itemId: string;
  /** Newest first within each kind: notes, then issues, then JQL. */
  entries: EvidenceEntry[];
  summary: EvidenceSummary;
  /** Linked issues the viewer cannot see (no key or summary is given for them). */
  hiddenIssues: number;
  limits: { notes: number; issues: number; jql: number };
}

/**
 * One of the project's Jira versions (a release), as the viewer's Jira lists it
 * (GET /rest/api/3/project/{projectIdOrKey}/versions). `overdue`: unreleased and its release
 * date is before today in the viewer's calendar.
 */
export interface ReleaseView {
  id: string;
  name: string;
  /** YYYY-MM-DD, as Jira stores it (a day, no time). */
  startDate?: string;
  releaseDate?: string;
  state: 'released' | 'unreleased' | 'overdue';
  archived: boolean;
}

/** A dependency Jira suggests: an epic of `blockedById` "blocks" an epic of `itemId` (issue link type Blocks). */
export interface SuggestedDependency {
  itemId: string;
  blockedById: string;
  /** The epics' keys whose Blocks link suggests it: blocker first. */
  epicKeys: [string, string];
}

/**
 * How an epic's links stand in Jira. Links are saved in the app first; the epic's property (what
 * JQL `throughlineGoal` searches) follows: `pending` until it has, `refused` when Jira would not
 * let the app write it (an admin's "Rebuild link index" tries again). Absent: in step.
 */
export type LinkSync = 'pending' | 'refused';

/** A custom lane (a theme or a team). Goal lanes are the goals themselves. */
export interface LaneView {
  id: string;
  name: string;
}

/** One of the project's epics, as the viewer's own Jira search lists it, with its links and roll-up. */
export interface RoadmapEpic {
  id: string;
  key: string;
  summary: string;
  status: { name: string; category: StatusCategory };
  goalIds: string[];
  directGoalIds: string[];
  roadmapItemIds: string[];
  /** Version of the epic's link property; send it back when changing the links. */
  linksVersion: number;
  /** Absent while the epic's children are still being crawled (see `RoadmapView.pending`). */
  rollup?: EpicRollup;
  sync?: LinkSync;
}

export interface RoadmapView {
  project: { id: string; key: string };
  /** `canEdit`: the product's edit rule; `canLink`: Jira's Edit Issues (linking epics is a change to the epic). */
  viewer: { canEdit: boolean; canLink: boolean; editRule: EditRule; licensed: boolean; accountId?: string };
  /** How the lanes are chosen, and the custom lanes in order; `setupVersion` guards their edits. */
  laneMode: LaneMode;
  lanes: LaneView[];
  setupVersion: number;
  goals: Array<{ id: string; title: string; status: GoalStatus }>;
  /** In rank order; the first page only when `itemsPage` is present. */
  items: RoadmapItemView[];
  /**
   * More items than one answer may carry (Forge returns at most 5 MB): `total` items in all, the
   * rest from `getRoadmapItems({ cursor })`, page by page. Absent when `items` is every item.
   */
  itemsPage?: { total: number; cursor: string };
  epics: RoadmapEpic[];
  sprints: SprintSummary[];
  velocity: Velocity;
  /** Where story points come from, in one sentence, or why there are none. */
  storyPoints: { fieldId?: string; fieldName?: string; message: string };
  /** Epics whose roll-ups a cold load had no time for: call `getRoadmap` again to get them. */
  pending: string[];
  /** Today in the server's calendar (YYYY-MM-DD): the quarter and sprint columns start from it. */
  today: string;
  /** The project's releases (Jira versions), archived ones included and marked; absent while not loaded. */
  releases?: ReleaseView[];
  /** Dependencies suggested by Jira "Blocks" links between the items' epics, not yet set on the items. */
  suggestedDependencies?: SuggestedDependency[];
  /** The product's scoring method; `version` guards its edits (0: never set, method `none`). */
  scoring?: ScoringSetting;
  /**
   * The project's roll-ups being counted in the background (a cold or week-old project): `pending`
   * epics fill in as it goes; poll `getRoadmapCrawl`, then load again. Absent when nothing runs.
   */
  crawl?: RoadmapCrawl;
}

/** A further page of a roadmap's items, in rank order from `offset`; `cursor` to the next, absent on the last. */
export interface RoadmapItemsPage {
  items: RoadmapItemView[];
  offset: number;
  total: number;
  cursor?: string;
}

/** A background crawl's progress: children counted (`done`) of Jira's estimate (`total`). */
export interface RoadmapCrawl {
  done: number;
  total?: number;
  startedAt: string;
  epicsDone?: number;
  epics?: number;
  finished?: boolean;
  /**
   * Jira's hourly request quota is spent: counting waits until this instant (Jira's own reset
   * time), then goes on by itself. Absent while counting.
   */
  pausedUntil?: string;
}

/** How a product scores its roadmap items. */
export interface ScoringSetting {
  method: ScoringMethod;
  version: number;
}

/** A roadmap move (see `RoadmapMove` in src/domain/roadmap.ts): the item, its new cell and neighbours. */
export interface RoadmapMovePayload {
  itemId: string;
  lane: string;
  column: ColumnTarget;
  afterId: string | null;
  beforeId: string | null;
}

/** The links of one epic after a change, and any epic whose property Jira refused to change. */
export interface EpicLinksView {
  epicId: string;
  goalIds: string[];
  directGoalIds: string[];
  roadmapItemIds: string[];
  linksVersion: number;
  sync?: LinkSync;
}

/** An epic just created from a roadmap item, linked to it: the roadmap shows it at once from this. */
export interface CreatedEpic {
  itemId: string;
  epic: RoadmapEpic;
}

export interface EpicChoice {
  id: string;
  key: string;
  summary: string;
  status: { name: string; category: StatusCategory };
}

// ── Epic panel ──────────────────────────────────────────────────────────────────────────────

/** What the "Product context" panel shows on an epic. */
export interface EpicContext {
  epic: EpicChoice;
  links: EpicLinksView;
  /** The goals the epic serves (directly or through an item), with their KPIs. */
  goals: Array<{ id: string; title: string; status: GoalStatus; direct: boolean; kpis: KpiView[]; checkIn?: CheckInSummary }>;
  items: Array<{ id: string; title: string; status: RoadmapItemStatus; horizon: Horizon; goalId?: string; startDate?: string; endDate?: string; checkIn?: CheckInSummary; owner?: UserRef }>;
  rollup: EpicRollup;
  sprints: ItemDelivery['sprints'];
  /** What can be linked: the product's open goals and its items. */
  options: { goals: Array<{ id: string; title: string }>; items: Array<{ id: string; title: string; goalId?: string }> };
  /** Whether Jira lets the viewer edit this epic (linking writes its property as them). */
  /** `licensed: false`: the site's Marketplace licence is inactive, so the app is read-only. */
  viewer: { canLink: boolean; licensed: boolean };
}

// ── Admin ("Throughline settings", Jira administrators only) ──────────────────────────────────

/** A custom number field of the site: a story-point candidate. */
export interface NumberField {
  id: string;
  name: string;
}

export interface AdminSettings {
  editRule: { rule: EditRule; version: number };
  /** The site-wide story-point override (empty = detect per project). */
  siteStoryPoints: { fieldId?: string; version: number };
  numberFields: NumberField[];
  /** Every project the admin administers, for the per-project settings. */
  projects: ProjectRef[];
  /** Set when an import was interrupted (the invocation ended mid-way) and has just been undone. */
  undoneImport?: { startedAt: string };
  /** Set when undoing a failed import failed too: `remaining` records still hold imported values; each visit retries. */
  unfinishedImport?: { startedAt: string; remaining: number };
  viewer: { licensed: boolean };
}

export interface AdminProjectSettings {
  project: ProjectRef;
  storyPoints: {
    /** What the project uses now (override or detection), or why there is none. */
    effective: { fieldId: string; name: string; source: 'override' | 'board' | 'project-style' | 'only-candidate' } | { message: string };
    /** The project's own override, if any, and its version. */
    override: { fieldId?: string; version: number };
    /** The site override that applies when the project has none. */
    siteFieldId?: string;
    ignoredOverride?: string;
  };
  /** The project's boards (Jira lists a cross-project board under each project its filter covers); scrum and team-managed (`simple`) boards can run sprints. */
  boards: Array<{ id: number; name: string; type: string }>;
  /** The boards chosen to supply sprints; absent = every board that runs sprints (the default). */
  sprintBoards: { boardIds?: number[]; version: number };
}

/** One kind of record in an import: how many the file has, and what it does to what is stored. */
export interface ImportKindSummary {
  kind: string;
  inFile: number;
  /** Stored records the file overwrites (same key). */
  replaced: number;
  /** Records the file adds. */
  added: number;
  /** Stored records of the file's projects that the file does not have: removed. */
  removed: number;
}

export interface ImportSummary {
  formatVersion: number;
  exportedAt: string;
  /** The projects whose data the import replaces: the file's projects the admin selected (others are left alone). */
  projects: Array<{ id: string; key?: string }>;
  /** Projects of the file the admin left out: their records in the file are not imported. */
  skippedProjects: Array<{ id: string; key?: string }>;
  kinds: ImportKindSummary[];
  /** Whether the site settings (edit rule, site story-point field) are replaced. */
  replacesSiteSettings: boolean;
  /** Storage operations the import will run (in transactions of up to 25). */
  operations: number;
  /** What the import derives again instead of trusting the file: counts that disagreed, ranks renumbered, count records created. */
  corrections: Array<{ kind: string; projectId: string; what: 'counts' | 'ranks' | 'created' }>;
  /**
   * This exact plan: the file, the selection and what storage held when it was previewed. Applying
   * sends it back, and is refused if anything changed since (preview again).
   */
  planId: string;
  /**
   * After an applied import: the epics whose links it changed, and where their Jira properties
   * stand. `restored`: written as the admin now; `pending`: the app's queue finishes them;
   * `refused`: ids of epics Jira did not let the admin edit (the app tries them as itself).
   */
  epicLinks?: { restored: number; pending: number; refused: string[] };
}

export interface ImportRequest {
  data: unknown;
  /** The file's projects to import; absent = all of them. Each must be listed in the file. */
  projectIds?: string[];
}

export interface LinkIndexReport {
  projects: Array<{
    id: string;
    key: string;
    epicsChecked: number;
    epicsUpdated: Array<{ key: string; before: string[]; after: string[] }>;
    rollupsDropped: number;
    refused: string[];
    /** Keys of epics whose property Jira did not take yet (unavailable, rate limited): the queue finishes them. */
    pending?: string[];
    /** The project's permission scheme does not let the app browse it: no epic was checked. */
    appCannotBrowse?: true;
  }>;
}

// ── Portfolio ───────────────────────────────────────────────────────────────────────────────

/** One product of the portfolio: a project the viewer may browse that has Throughline data. */
export interface PortfolioProduct {
  project: ProjectRef;
  /** The vision line: product name and vision sentence of the newest board (empty strings before one). */
  vision: { productName: string; vision: string };
  /** Goals in rank order, archived ones left out, each with its KPIs' health. */
  goals: Array<{ id: string; title: string; status: GoalStatus; kpis: Array<{ id: string; name: string; health: KpiHealth }> }>;
  /** How many of those goals' KPIs have each health. */
  kpiHealth: Record<KpiHealth, number>;
  roadmap: {
    items: number;
    byHorizon: Record<Horizon, number>;
    byStatus: Record<RoadmapItemStatus, number>;
    /** Open items whose end date has passed (stored dates only; the forecast's "at risk" needs Jira). */
    pastEndDate: number;
  };
  /** Open goals and items whose check-in is due (the product's cadence, in the viewer's calendar). */
  updatesDue?: number;
}

export interface PortfolioView {
  /** Only products whose project the viewer may browse, by product name; nothing counts the others. */
  products: PortfolioProduct[];
  /** The server's day (YYYY-MM-DD) the health and end dates were judged on. */
  today: string;
}

// ── Alignment (project managers) ─────────────────────────────────────────────────────────────

/** One of the project's epics as the Alignment tab reads it. */
export interface AlignmentEpic {
  id: string;
  key: string;
  summary: string;
  status: { name: string; category: StatusCategory };
  /** The goals it serves (archived ones left out), in the goals' order, and how. */
  goals: Array<{ goalId: string; via: GoalLinkKind }>;
  /** Version of the epic's link property: `linkEpics` needs it. */
  linksVersion: number;
  /** Jira's `updated` of the epic itself (not of its children): "recent activity". */
  updated?: string;
  /** From the roll-up cache; absent while its children are still being crawled. */
  size?: { issues: number; points: number; unestimated: number };
  sync?: LinkSync;
}

/** A roadmap item as the roadmap CSV export lists it. */
export interface AlignmentRoadmapItem {
  id: string;
  title: string;
  goalId?: string;
  /** The item's lane as the roadmap shows it: its goal's title in goal lanes, its custom lane otherwise. */
  lane?: string;
  horizon: Horizon;
  startDate?: string;
  endDate?: string;
  status: RoadmapItemStatus;
  epicKeys: string[];
  /** Done and total of its epics' children, by count and by points; absent while loading. */
  progress?: { doneIssues: number; totalIssues: number; donePoints: number; totalPoints: number };
}

export interface AlignmentView {
  project: { id: string; key: string };
  /** `canLink`: Jira lets them edit issues in the project, the one rule for linking epics everywhere. */
  viewer: { canEdit: boolean; canLink: boolean };
  /** Rank order, archived goals left out. */
  goals: Array<{ id: string; title: string; status: GoalStatus }>;
  /** Every epic of the project the viewer's Jira search shows, in rank order. */
  epics: AlignmentEpic[];
  /** Open epics serving no goal, in rank order (the UI sorts them). */
  unalignedEpicIds: string[];
  goalsWithoutWork: string[];
  /** Every sprint of the project's boards, in timeline order. */
  investment: SprintInvestment[];
  items: AlignmentRoadmapItem[];
  /** Where story points come from, in one sentence, or why there are none. */
  storyPoints: { fieldName?: string; message: string };
  /** Epics whose roll-ups are still loading: call again; sizes and investment leave them out meanwhile. */
  pending: string[];
  today: string;
}

// ── Dashboard gadgets ─────────────────────────────────────────────────────────────────────────

/**
 * A gadget's saved configuration, as its edit view submits it (`view.submit`) and Jira stores it
 * per gadget. Browser-supplied: every gadget call checks Browse Projects for `projectId` as the user.
 */
export interface GadgetConfig {
  projectId: string;
  /** Roadmap now only: show the items of one goal. */
  goalId?: string;
  rows: number;
  /** Minutes between Jira's automatic refreshes (Jira's `refresh` field); absent = off. */
  refresh?: number;
}

/** What a gadget's edit view offers: products the viewer may browse, and the chosen one's goals. */
export interface GadgetOptions {
  projects: ProjectRef[];
  goals: Array<{ id: string; title: string; status: GoalStatus }>;
}

export interface GoalHealthGadget {
  project: ProjectRef;
  /** Rank order, archived left out, at most `rows`. */
  goals: Array<{ id: string; title: string; status: GoalStatus; kpis: Array<{ id: string; name: string; health: KpiHealth; healthReason: string }> }>;
  /** Goals beyond `rows`. */
  more: number;
}

export interface RoadmapNowGadget {
  project: ProjectRef;
  goal?: { id: string; title: string };
  /** Open Now items (done and parked left out) in rank order, at most `rows`. */
  items: Array<{
    id: string;
    title: string;
    status: RoadmapItemStatus;
    goalTitle?: string;
    endDate?: string;
    /** Absent while its epics' roll-ups are loading, or when no epic delivers it. */
    progress?: { done: number; total: number };
    /** Expected finish (YYYY-MM-DD), when there is a forecast. */
    finishDate?: string;
    atRisk: boolean;
    /** Its check-in is due (the product's cadence, in the viewer's calendar). */
    updateDue?: boolean;
  }>;
  more: number;
  /** Some roll-ups were still loading: a later refresh shows more progress. */
  loading: boolean;
}

export interface UnalignedWorkGadget {
  project: ProjectRef;
  /** Open epics serving no goal. */
  unalignedCount: number;
  /** The largest of them (by child issues), at most `rows`. */
  epics: Array<{ id: string; key: string; summary: string; status: { name: string; category: StatusCategory }; issues?: number }>;
  goalsWithoutWork: Array<{ id: string; title: string; status: GoalStatus }>;
  loading: boolean;
}

/** Every gadget call names its configured project and row count; the server checks both. */
export interface GadgetRequest {
  projectId: string;
  rows: number;
}

// ── Check-ins: status updates on goals and roadmap items ─────────────────────────────────────

export interface StatusUpdateTarget {
  kind: 'goal' | 'item';
  id: string;
}

/** The facts the server attached when the check-in was posted (computed there, never sent by the browser). */
export type CheckInFacts =
  | {
      kind: 'goal';
      /** The goal's KPIs then: newest value, target and health. */
      kpis: Array<{ id: string; name: string; unit: string; value?: number; target: number; health: KpiHealth; healthReason: string }>;
      /** Last day of the goal's time frame (YYYY-MM-DD). */
      timeFrameEnd?: string;
    }
  | {
      kind: 'item';
      /** Done and total child issues of its epics; absent when no epic delivers it or roll-ups were loading. */
      progress?: { done: number; total: number };
      /** Expected finish (YYYY-MM-DD) from the team's velocity. */
      forecastFinish?: string;
      endDate?: string;
      atRisk: boolean;
      /** Why there is no forecast, in one sentence. */
      forecastNote?: string;
    };

/** Where a check-in's opt-in comment went: epics it was posted on, and those Jira refused (with why). */
export interface EpicCommentReport {
  posted: Array<{ epicId: string; key: string }>;
  refused: Array<{ epicId: string; key?: string; message: string }>;
}

export interface StatusUpdateView {
  id: string;
  target: StatusUpdateTarget;
  status: CheckInStatus;
  /** Plain text; links are written out and shown as links. */
  text: string;
  facts: CheckInFacts;
  posted: Stamp;
  editedAt?: string;
  version: number;
  /** Set when the viewer wrote it: until when (server clock) they may still edit it. */
  editableUntil?: string;
  /** Where the status disagreed with the facts when it was posted, one sentence each. */
  disagreements: string[];
  comments?: EpicCommentReport;
}

/** A goal's or item's check-in state: its latest check-in, whether an update is due, and any disagreement now. */
export interface CheckInSummary {
  target: StatusUpdateTarget;
  latest?: { id: string; status: CheckInStatus; at: string };
  /** How many check-ins it has. */
  count: number;
  /** A cadence passed (in the viewer's calendar) since its latest check-in, or since it was created. */
  updateDue: boolean;
  /** The viewer's day from which an update is (or was) due. */
  dueOn?: string;
  /** Where the status shown (latest check-in, else the manual field) disagrees with the facts now. */
  disagreements: string[];
}

// ── Product feed ("What changed"), following ──────────────────────────────────────────────

/** Something a person can follow, as Jira users watch issues. */
export interface FollowTarget {
  kind: 'goal' | 'item';
  id: string;
}

/** One entry of the feed: what changed, to what, by whom (absent: the app's daily snapshot). */
export interface ActivityEntry {
  id: string;
  at: string;
  by?: UserRef;
  goalId?: string;
  itemId?: string;
  kpiId?: string;
  summary: ActivitySummary;
}

export interface ProductFeed {
  /** Newest first, the last 30 days (`since` on). */
  entries: ActivityEntry[];
  since: string;
  /** Send back as `cursor` for the next (older) page; absent on the last page. */
  nextCursor?: string;
  /** What the viewer follows in this product (the "Following" filter's targets). */
  following: FollowTarget[];
}

export type Defs = {
  /** The project page's overview: the project's epics with child counts, and its sprints. */
  getProjectOverview: () => Result<ProjectOverview>;

  /** Vision, goals and KPIs with their latest values and health, and what the viewer may do. */
  getStrategy: () => Result<StrategyView>;
  saveVision: (payload: { board: VisionBoard; baseVersion: number }) => Result<VisionView>;
  listVisionVersions: () => Result<VisionVersionSummary[]>;
  getVisionVersion: (payload: { version: number }) => Result<VisionView>;
  restoreVisionVersion: (payload: { version: number; baseVersion: number }) => Result<VisionView>;

  createGoal: (payload: { goal: GoalInput }) => Result<GoalView>;
  updateGoal: (payload: { id: string; goal: GoalInput; baseVersion: number }) => Result<GoalView>;
  /** Puts the goal between two neighbours (null = at that end). One record is written. */
  moveGoal: (payload: { id: string; afterId: string | null; beforeId: string | null; baseVersion: number }) => Result<GoalView>;
  /** Removes the goal with its KPIs and measurements in one transaction, or refuses. */
  deleteGoal: (payload: { id: string; baseVersion: number }) => Result<{ id: string; kpis: number; measurements: number }>;

  createKpi: (payload: { goalId: string; kpi: KpiInput }) => Result<KpiView>;
  updateKpi: (payload: { id: string; kpi: KpiInput; baseVersion: number }) => Result<KpiView>;
  deleteKpi: (payload: { id: string; baseVersion: number }) => Result<{ id: string; measurements: number }>;
  getKpiHistory: (payload: { id: string }) => Result<KpiHistory>;
  addMeasurement: (payload: { kpiId: string; measurement: MeasurementInput; baseVersion: number }) => Result<KpiHistory>;
  updateMeasurement: (payload: { kpiId: string; id: string; measurement: MeasurementInput; baseVersion: number }) => Result<KpiHistory>;
  deleteMeasurement: (payload: { kpiId: string; id: string; baseVersion: number }) => Result<KpiHistory>;
  /** Checks a JQL source as the user and says what it counts now; nothing is stored. */
  previewKpiSource: (payload: { source: KpiSource }) => Result<JqlPreview>;
  /** Takes a JQL KPI's measurement now, as the user. */
  refreshKpi: (payload: { id: string }) => Result<KpiHistory>;

  /** People who can browse the project, for the goal owner picker. */
  searchUsers: (payload: { query: string }) => Result<UserRef[]>;

  /** The roadmap: items, lanes, the project's epics with links and roll-ups, sprints and velocity. */
  getRoadmap: (payload: { refresh?: 'auto' | 'full' }) => Result<RoadmapView>;
  /**
   * The roadmap's items after `getRoadmap`'s first page (its `itemsPage.cursor`); without a cursor,
   * the first page's. `conflict`: the board changed since the cursor was given (load it again).
   */
  getRoadmapItems: (payload: { cursor?: string }) => Result<RoadmapItemsPage>;
  /** The background crawl's progress only (cheap: storage, no Jira beyond the permission check); absent when none ran. */
  getRoadmapCrawl: (payload: Record<string, never>) => Result<{ crawl?: RoadmapCrawl }>;
  createRoadmapItem: (payload: { item: RoadmapItemInput }) => Result<RoadmapItemView>;
  updateRoadmapItem: (payload: { id: string; item: RoadmapItemInput; baseVersion: number }) => Result<RoadmapItemView>;
  /** Stores a move: one record, the item with its new lane, horizon or dates, and rank. */
  moveRoadmapItem: (payload: { move: RoadmapMovePayload; baseVersion: number }) => Result<RoadmapItemView>;
  /** Deletes the item and takes it out of its epics' links (as the user). */
  /** `pendingEpicIds`: epics whose property still names the item; the app takes it out shortly. */
  deleteRoadmapItem: (payload: { id: string; baseVersion: number }) => Result<{ id: string; unlinkedEpics: number; pendingEpicIds: string[] }>;
  /** Replaces the lane setup: goal lanes, or these custom lanes in this order (id null = new lane). */
  /** Sets the product's scoring method (editors); version-checked. */
  saveScoringMethod: (payload: { method: ScoringMethod; baseVersion: number }) => Result<ScoringSetting>;
  saveLaneSetup: (payload: { mode: LaneMode; lanes: Array<{ id: string | null; name: string }>; baseVersion: number }) => Result<{ laneMode: LaneMode; lanes: LaneView[]; setupVersion: number }>;
  /** An item's evidence: notes, linked issues (as the viewer's Jira shows them) and JQL with live counts. */
  listItemEvidence: (payload: { itemId: string }) => Result<ItemEvidence>;
  addEvidence: (payload: { itemId: string; evidence: EvidenceInput }) => Result<ItemEvidence>;
  /** The entry keeps its kind; `current` of a conflict is the item's evidence as it is now. */
  updateEvidence: (payload: { itemId: string; id: string; evidence: EvidenceInput; baseVersion: number }) => Result<ItemEvidence>;
  removeEvidence: (payload: { itemId: string; id: string; baseVersion: number }) => Result<ItemEvidence>;
  /** Checks an evidence JQL as the user and says how many issues it finds now; nothing is stored. */
  previewEvidenceJql: (payload: { jql: string }) => Result<{ count: number }>;
  /** Live counts of these items' JQL evidence as the viewer, one Jira request per distinct query (the board asks after it renders). */
  countEvidenceJql: (payload: { itemIds: string[] }) => Result<{ counts: Array<{ itemId: string; id: string; count?: number; countError?: string }> }>;
  /** The project's epics whose key or summary matches, as the user's Jira search finds them. */
  searchEpics: (payload: { query: string }) => Result<EpicChoice[]>;
  /**
   * Links or unlinks epics and one roadmap item or goal: saved in the app (version-checked), then
   * each epic's property written as the user; `pendingEpicIds` are saved and still being written.
   */
  linkEpics: (payload: {
    target: { kind: 'item'; id: string } | { kind: 'goal'; id: string };
    link: Array<{ epicId: string; linksVersion: number }>;
    unlink: Array<{ epicId: string; linksVersion: number }>;
  }) => Result<{ epics: EpicLinksView[]; refused: Array<{ epicId: string; key: string; message: string }>; pendingEpicIds: string[] }>;

  /**
   * Creates an epic in the project as the user (Jira's Create Issues; the product's edit rule for the
   * item) and links it to the item. `summary` defaults to the item's title. A field Jira requires
   * that this form lacks is refused as `invalid` naming it (`requiredFields`).
   */
  createEpicFromItem: (payload: { itemId: string; summary?: string; description?: string }) => Result<CreatedEpic>;
  /** The roadmap lanes the caller keeps collapsed in this product (their own preference, kept in Forge storage). */
  getLanePrefs: () => Result<{ collapsedLaneIds: string[] }>;
  /** Replaces the caller's collapsed lanes in this product. */
  saveLanePrefs: (payload: { collapsedLaneIds: string[] }) => Result<{ collapsedLaneIds: string[] }>;

  /** The epic panel: the epic (from the Forge context) and the goals, items and KPIs it serves. */
  getEpicContext: () => Result<EpicContext>;
  /** Changes this epic's links from its panel; the epic comes from the Forge context. */
  setEpicLinks: (payload: { directGoalIds: string[]; roadmapItemIds: string[]; linksVersion: number }) => Result<EpicContext>;

  /** The portfolio (global page): every product the viewer may browse, with goals, KPI health and roadmap counts. */
  getPortfolio: () => Result<PortfolioView>;
  // ── Admin ("Throughline settings"): Jira administrators only, checked as the user ──
  getAdminSettings: () => Result<AdminSettings>;
  getAdminProjectSettings: (payload: { projectId: string }) => Result<AdminProjectSettings>;
  saveEditRule: (payload: { rule: EditRule; baseVersion: number }) => Result<AdminSettings['editRule']>;
  /** projectId null = the site-wide override; fieldId null = no override (detect). */
  saveStoryPointOverride: (payload: { projectId: string | null; fieldId: string | null; baseVersion: number }) => Result<{ fieldId?: string; version: number }>;
  /** boardIds null = every board that runs sprints (the default). */
  saveSprintBoards: (payload: { projectId: string; boardIds: number[] | null; baseVersion: number }) => Result<AdminProjectSettings['sprintBoards']>;
  /** Every record of the app's data except derived caches, as the versioned JSON export format. */
  exportData: () => Result<{ fileName: string; data: unknown }>;
  /** Validates the whole file and says what an import would do; nothing changes. */
  previewImport: (payload: ImportRequest) => Result<ImportSummary>;
  /** Validates again and applies the whole file, or nothing. */
  applyImport: (payload: ImportRequest & { planId: string }) => Result<ImportSummary>;
  /** Recomputes epics' goalIds from their items' goals and drops the roll-up cache. */
  rebuildLinkIndex: () => Result<LinkIndexReport>;

  /** The Alignment tab: epics × goals, unaligned epics, goals without work, sprint investment, export rows. */
  getAlignment: () => Result<AlignmentView>;

  // ── Dashboard gadgets: the project comes from the gadget's configuration, checked as the user ──
  /** The edit view's choices: products the viewer may browse; with `projectId`, that product's goals. */
  getGadgetOptions: (payload: { projectId: string | null }) => Result<GadgetOptions>;
  getGoalHealthGadget: (payload: GadgetRequest) => Result<GoalHealthGadget>;
  getRoadmapNowGadget: (payload: GadgetRequest & { goalId: string | null }) => Result<RoadmapNowGadget>;
  getUnalignedWorkGadget: (payload: GadgetRequest) => Result<UnalignedWorkGadget>;

  // ── Product feed and following: anyone who may browse the project ──
  /** The last 30 days of changes, newest first, a page at a time; one goal's, or only what the viewer follows. */
  getProductFeed: (payload: { cursor?: string; goalId?: string; following?: boolean }) => Result<ProductFeed>;
  /** What the viewer follows in this product. */
  getFollowing: () => Result<FollowTarget[]>;
  /** Follows a goal or item of this product (at most 100 in all); following twice is once. */
  followTarget: (payload: { target: FollowTarget }) => Result<FollowTarget[]>;
  unfollowTarget: (payload: { target: FollowTarget }) => Result<FollowTarget[]>;

  // ── Check-ins: owners (goals) and editors post; everyone who may browse reads ──
  /** Saves a check-in with the facts now; with `commentOnEpics`, also comments it on the target's epics as the user. */
  postStatusUpdate: (payload: { target: StatusUpdateTarget; status: CheckInStatus; text: string; commentOnEpics?: boolean }) => Result<{
    update: StatusUpdateView;
    summary: CheckInSummary;
    /** Present when `commentOnEpics` was asked: a refusal here is not a failure of the check-in. */
    comments?: EpicCommentReport;
  }>;
  /** A goal's or item's check-ins, newest first, a page at a time (`cursor` from the previous page). */
  listStatusUpdates: (payload: { target: StatusUpdateTarget; cursor?: string }) => Result<{
    updates: StatusUpdateView[];
    cursor?: string;
    summary: CheckInSummary;
    cadence: CheckInCadence;
    /** Whether the viewer may post here (the product's edit rule, or the goal's owner). */
    canPost: boolean;
  }>;
  /** The author corrects their check-in within 24 hours of posting it (server clock); the facts stay as posted. */
  editStatusUpdate: (payload: { id: string; status: CheckInStatus; text: string; baseVersion: number }) => Result<StatusUpdateView>;
  /** Every goal's and item's check-in state in the product, and its cadence. */
  getCheckIns: () => Result<{ cadence: CheckInCadence; cadenceVersion: number; summaries: CheckInSummary[]; today: string }>;
  /** How often check-ins are expected in this product (editors). */
  saveCheckInCadence: (payload: { cadence: CheckInCadence; baseVersion: number }) => Result<{ cadence: CheckInCadence; version: number }>;
};
