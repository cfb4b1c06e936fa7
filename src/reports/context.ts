import type { Salur } from "../runtime.ts";
import type { Reports } from "./packs.ts";

/** The reports context of a Salur: its database, audit log, regions and clock. */
export function reportsOf(salur: Salur): Reports {
  return {
    db: salur.database.db,
    env: {
      regions: salur.regions,
      audit: salur.audit,
      regencyCode: salur.config.regencyCode,
      clock: salur.access.clock,
    },
  };
}
