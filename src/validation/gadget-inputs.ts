/**
 * Dashboard gadget payloads. The configuration they carry was saved by the gadget's edit view in
 * the browser, so it is checked like any input: a project id Jira could have issued, a goal id the
 * app could have issued, and a row count inside what a gadget shows.
 */
import { z } from 'zod';
import { adminSchemas } from './admin-inputs';
import { recordId } from './fields';
import { coded } from '../domain/text-codes';

/** A gadget lists at most this many rows: a dashboard cell, not a page. */
export const maxGadgetRows = 20;

const rows = z
  .number({ error: coded('validation.gadgetRows', { max: maxGadgetRows }) })
  .int({ error: coded('validation.gadgetRows', { max: maxGadgetRows }) })
  .min(1, { error: coded('validation.gadgetRows', { max: maxGadgetRows }) })
  .max(maxGadgetRows, { error: coded('validation.gadgetRows', { max: maxGadgetRows }) });

const gadgetRequest = z.object({ projectId: adminSchemas.projectId, rows });

export const gadgetSchemas = {
  getGadgetOptions: z.object({ projectId: adminSchemas.projectId.nullable() }),
  getGoalHealthGadget: gadgetRequest,
  getRoadmapNowGadget: gadgetRequest.extend({ goalId: recordId.nullable() }),
  getUnalignedWorkGadget: gadgetRequest,
};
