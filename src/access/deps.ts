/** What the access use cases need from a running Salur. */
import type { AuditLog } from "../audit/log.ts";
import type { Database } from "../db/index.ts";

/** Everything the access use cases need; opened once by the runtime. */
export interface Access {
  db: Database;
  audit: AuditLog;
  regions: { get(code: string): { code: string; name: string } | undefined };
  regencyCode: string;
  clock: () => Date;
  /** `salur serve --demo`: only then does the published demo password sign in. */
  demoMode?: boolean;
  /** Place names of the regency, refused in passwords with or without a year (paser2026, kuaro123). */
  placeWords?: readonly string[];
}
