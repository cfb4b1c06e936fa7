import type { z } from "zod";
import type { historyItemSchema } from "../../../src/workflow/schemas.ts";

/**
 * One entry of a record's history as the API serves it from the audit trail (a person's page, an application's
 * panel): who, when, what, why, and field by field what changed (personal values only as a "changed" marker).
 */
export type HistoryEntry = z.output<typeof historyItemSchema>;
