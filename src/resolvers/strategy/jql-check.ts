/** Runs a KPI's JQL as the user, so an invalid query is refused with Jira's own words next to its field. */
import type { KpiSource } from '../../domain/strategy';
import type { JiraClient } from '../../adapters/jira/client';
import { countKpiSource } from '../../adapters/jira/kpi-counts';
import type { SourceCount } from '../../adapters/jira/kpi-counts';
import { fail, ok } from '../results';
import type { Outcome } from '../results';
import { sayCoded } from '../../i18n/server-texts';

export type JqlCount = Extract<SourceCount, { ok: true }>;

/** The source's counts now; `undefined` for a manual source. `fieldPrefix` is where the source sits in the payload. */
export async function checkJqlSource(
  jira: JiraClient,
  options: { projectId: string; source: KpiSource; fieldPrefix: string },
): Promise<Outcome<JqlCount | undefined>> {
  const { source } = options;
  if (source.kind === 'manual') return ok(undefined);
  const counted = await countKpiSource(jira, { projectId: options.projectId, source });
  if (!counted.ok) return fail('invalid', counted.messages.map(sayCoded).join(' '), `${options.fieldPrefix}.${counted.part}`);
  return ok(counted);
}

