/**
 * A gadget's saved configuration, read defensively: Jira hands back whatever the edit view
 * submitted (an older version's shape, or nothing before the first save). The server checks the
 * project and the rows again; this only decides what to ask for.
 */
export interface SavedConfig {
  projectId?: string;
  goalId?: string;
  rows: number;
  /** Minutes between Jira's automatic refreshes. */
  refresh?: number;
}

export const defaultRows = 5;
export const maxRows = 20;
/** Jira accepts any positive whole number of minutes; these are the choices offered. */
export const refreshChoices = [15, 30, 60] as const;

export function readConfig(raw: Record<string, unknown>): SavedConfig {
  const projectId = typeof raw['projectId'] === 'string' && /^\d{1,18}$/.test(raw['projectId']) ? raw['projectId'] : undefined;
  const goalId = typeof raw['goalId'] === 'string' && raw['goalId'] !== '' ? raw['goalId'] : undefined;
  const rows = typeof raw['rows'] === 'number' && Number.isInteger(raw['rows']) && raw['rows'] >= 1 && raw['rows'] <= maxRows ? raw['rows'] : defaultRows;
  const refresh = typeof raw['refresh'] === 'number' && Number.isInteger(raw['refresh']) && raw['refresh'] > 0 ? raw['refresh'] : undefined;
  return { ...(projectId ? { projectId } : {}), ...(goalId ? { goalId } : {}), rows, ...(refresh ? { refresh } : {}) };
}
