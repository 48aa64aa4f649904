/** What the admin page sends; the import file itself is checked by ./import-format.ts. */
import { z } from 'zod';

export const adminSchemas = {
  projectId: z.string({ error: 'Choose a project.' }).regex(/^\d{1,18}$/, { error: 'Choose a project.' }),
  editRule: z.enum(['project-admins', 'issue-editors'], { error: 'Choose project administrators, or everyone who can edit issues.' }),
  fieldId: z.string({ error: 'Choose a field.' }).regex(/^customfield_\d{1,10}$/, { error: 'Choose one of the site’s number fields.' }),
  boardIds: z
    .array(z.number({ error: 'Choose boards from the list.' }).int().min(1), { error: 'Choose boards from the list.' })
    .max(100, { error: 'Choose at most 100 boards.' }),
  /** Any JSON: the file is validated whole, record by record, after the permission check. */
  importData: z.custom<unknown>((value) => value !== undefined, { error: 'Choose an export file to import.' }),
  importProjectIds: z
    .array(z.string({ error: 'Choose projects from the file.' }).regex(/^\d{1,18}$/, { error: 'Choose projects from the file.' }), { error: 'Choose projects from the file.' })
    .max(1000, { error: 'Choose projects from the file.' })
    .optional(),
  /** The preview's plan id: a SHA-256 in hex. */
  planId: z.string({ error: 'Preview the file before importing it.' }).regex(/^[0-9a-f]{64}$/, { error: 'Preview the file before importing it.' }),
};
