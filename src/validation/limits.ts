/**
 * How much the app accepts. Text limits keep every stored record far below Forge storage's
 * 240 KiB per value and the UI readable; count limits keep a product's page and its storage
 * queries bounded (50 goals and 20 KPIs each fit a few query pages).
 */
export const limits = {
  titleLength: 120,
  /** Goals and items one person follows in one product (one record, read with every feed page). */
  followsPerPerson: 100,
  visionLength: 500,
  boardFieldLength: 2_000,
  descriptionLength: 2_000,
  kpiNameLength: 120,
  unitLength: 20,
  jqlLength: 2_000,
  noteLength: 500,
  userQueryLength: 100,
  idLength: 100,
  goalsPerProduct: 50,
  /** As many as Jira Plans and Jira's timeline show; more than one answer carries, so the roadmap pages them (src/resolvers/roadmap/roadmap-pages.ts). */
  itemsPerRoadmap: 5_000,
  lanesPerRoadmap: 20,
  laneNameLength: 60,
  /** Links of each kind on one epic (the property stays far below Jira's 32 KB per value). */
  linksPerEpic: 50,
  epicsPerLinkCall: 50,
  epicPickerResults: 20,
  kpisPerGoal: 20,
  /** Evidence on one roadmap item: a few research rounds of notes, a page of issues, a handful of saved queries. */
  evidenceNotesPerItem: 200,
  evidenceIssuesPerItem: 50,
  evidenceJqlPerItem: 5,
  evidenceNoteLength: 1_000,
  evidenceSourceLength: 200,
  evidenceCustomerLength: 120,
  evidenceLabelLength: 60,
  /** Items whose JQL evidence one `countEvidenceJql` call counts (a whole roadmap). */
  evidenceCountItems: 1_000,
  /** KPI values: finite and within what a person or a count can mean; also far inside storage's float range. */
  maxMagnitude: 1e12,
  firstYear: 2000,
  lastYear: 2100,
} as const;
