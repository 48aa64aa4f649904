import type { SimField } from '../model';
import { ok } from './http';
import type { Route } from './router';

/** FieldDetails. Every field here is navigable and searchable; `orderable` (Jira's "can be set on a form") excludes the key and status category. */
function fieldDetails(field: SimField): Record<string, unknown> {
  return {
    id: field.id,
    key: field.id,
    name: field.name,
    ...(field.custom ? { untranslatedName: field.name } : {}),
    custom: field.custom,
    orderable: field.id !== 'issuekey' && field.id !== 'statusCategory',
    navigable: true,
    searchable: true,
    clauseNames: field.clauseNames,
    schema: field.schema,
  };
}

export const fieldRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/field', handle: (ctx) => ok(ctx.site.fields.map(fieldDetails)) },
];
