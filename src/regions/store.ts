import { count, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../db/index.ts";
import type { Region } from "./catalog.ts";
import { regions } from "./schema.ts";

/**
 * Loads the Kemendagri catalog into the regions table once; later starts only compare the count, so start-up
 * stays fast. One INSERT from a JSON document carries all ~91,000 rows in a single round trip on both
 * PGlite and PostgreSQL. Codes are never deleted: a person may still point at a desa a later regulation merged.
 */
export async function syncRegions(db: Executor, catalog: readonly Region[]): Promise<{ inserted: number }> {
  const [row] = await db.select({ n: count() }).from(regions);
  if ((row?.n ?? 0) >= catalog.length) return { inserted: 0 };
  const rows = JSON.stringify(
    catalog.map((r) => ({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode })),
  );
  const [result] = await queryRows<{ inserted: number }>(
    db,
    sql`with inserted as (
      insert into ${regions} (code, name, level, parent_code)
      select code, name, level, parent_code
      from jsonb_to_recordset(${rows}::jsonb) as r(code text, name text, level text, parent_code text)
      on conflict (code) do nothing
      returning 1)
    select count(*)::int as inserted from inserted`,
  );
  return { inserted: result?.inserted ?? 0 };
}
