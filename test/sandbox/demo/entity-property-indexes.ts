import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { EntityPropertyIndex } from '../jira/model';

const EntityPropertyModule = z.object({
  propertyKey: z.string(),
  entityType: z.string().optional(),
  values: z.array(
    z.object({
      path: z.string(),
      type: z.enum(['number', 'string', 'text', 'user', 'date']),
      searchAlias: z.string().optional(),
    }),
  ),
});

const Manifest = z.object({
  modules: z.object({ 'jira:entityProperty': z.array(EntityPropertyModule).optional() }).loose().optional(),
});

/**
 * The issue properties the manifest indexes for JQL (`jira:entityProperty` modules), so the simulated
 * site searches exactly what a deployed app could. Modules for other entity types (e.g. projects) are
 * left out: only issue properties are searchable with JQL here.
 */
export function loadEntityPropertyIndexes(manifestPath: string): EntityPropertyIndex[] {
  const manifest = Manifest.parse(parse(readFileSync(manifestPath, 'utf8')));
  const modules = manifest.modules?.['jira:entityProperty'] ?? [];
  return modules
    .filter((m) => (m.entityType ?? 'issue') === 'issue')
    .map((m) => ({
      propertyKey: m.propertyKey,
      values: m.values.map((v) => ({ path: v.path, type: v.type, ...(v.searchAlias ? { searchAlias: v.searchAlias } : {}) })),
    }));
}
