/** What the admin page sends; the import file itself is checked by ./import-format.ts. */
import { z } from 'zod';
import { coded } from '../domain/text-codes';

export const adminSchemas = {
  projectId: z.string({ error: coded('validation.chooseProject') }).regex(/^\d{1,18}$/, { error: coded('validation.chooseProject') }),
  editRule: z.enum(['project-admins', 'issue-editors'], { error: coded('validation.chooseEditRule') }),
  fieldId: z.string({ error: coded('validation.chooseField') }).regex(/^customfield_\d{1,10}$/, { error: coded('validation.chooseNumberField') }),
  boardIds: z
    .array(z.number({ error: coded('validation.chooseBoards') }).int().min(1), { error: coded('validation.chooseBoards') })
    .max(100, { error: coded('validation.tooManyBoards') }),
  /** Any JSON: the file is validated whole, record by record, after the permission check. */
  importData: z.custom<unknown>((value) => value !== undefined, { error: coded('validation.chooseExportFile') }),
  importProjectIds: z
    .array(z.string({ error: coded('validation.chooseFileProjects') }).regex(/^\d{1,18}$/, { error: coded('validation.chooseFileProjects') }), { error: coded('validation.chooseFileProjects') })
    .max(1000, { error: coded('validation.chooseFileProjects') })
    .optional(),
  /** The preview's plan id: a SHA-256 in hex. */
  planId: z.string({ error: coded('validation.previewFirst') }).regex(/^[0-9a-f]{64}$/, { error: coded('validation.previewFirst') }),
};
