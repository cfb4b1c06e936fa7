import { sql } from "drizzle-orm";
import { systemCaller } from "../access/actor.ts";
import { queryRows } from "../db/index.ts";
import type { Salur } from "../runtime.ts";
import { applyTransitions } from "../workflow/service.ts";
import { decreesOf } from "./runtime.ts";
import { approveDecree, checkDecree, draftDecree } from "./service.ts";
import * as store from "./store.ts";

/** Seed 000's story: the BLT UMKM list of Dinas Koperasi dan UKM decreed by the Bupati. */
export const DEMO_DECREE_PROGRAM = "BLT-UMKM";

/** ISO date `days` before an ISO date. */
function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Demo data: the BLT UMKM period (else the one with the most selected enrollments) is published (the portal's demo
 * may have published it already), its sanggah window closed a week
 * ago, and its list decreed — one approved decree for one program. Returns its id, or null when the demo has
 * no selected enrollment (or a decree already exists).
 */
export async function seedDemoDecree(salur: Salur): Promise<string | null> {
  const db = salur.database.db;
  const [existing] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from decrees`);
  if (Number(existing?.n ?? 0) > 0) return null;
  const [period] = await queryRows<{ period_id: string }>(
    db,
    sql`select e.period_id from enrollments e join programs p on p.id = e.program_id
        where e.status in ('selected', 'published')
        group by e.period_id, p.code order by (p.code = ${DEMO_DECREE_PROGRAM}) desc, count(*) desc, e.period_id limit 1`,
  );
  if (!period) return null;
  const caller = systemCaller("demo seed", salur.config.regencyCode);
  const decrees = decreesOf(salur);
  const today = salur.registry.env.today();
  return db.transaction(async (tx) => {
    const selected = await queryRows<{ id: string; version: number }>(
      tx,
      sql`select id, version from enrollments where period_id = ${period.period_id} and status = 'selected' order by id`,
    );
    if (selected.length > 0)
      await applyTransitions(salur.registry, tx, caller, { action: "publish", items: selected });
    await store.saveSanggah(tx, period.period_id, daysBefore(today, 21), daysBefore(today, 7));
    const { id } = await draftDecree(decrees, tx, caller, { periodId: period.period_id });
    await checkDecree(decrees, tx, caller, id, 1);
    await approveDecree(decrees, tx, caller, id, { version: 2 });
    return id;
  });
}
