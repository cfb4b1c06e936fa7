/**
 * The demo's publications, so the portal is not empty on `npm start`: figures of every period, and the
 * sanggah list of BLT UMKM — the program seed 000 is about — in its period with the most selected applicants,
 * prepared and approved by the demo seed (the system actor: maker-checker binds users, and the audit trail
 * names the seed as the publisher). Dinas Sosial's lists stay unpublished for officials to publish.
 */
export const DEMO_SANGGAH_PROGRAM = "BLT-UMKM";

import { and, count, desc, eq } from "drizzle-orm";
import { systemCaller } from "../access/actor.ts";
import { enrollments, periods, programs } from "../registry/schema.ts";
import type { Salur } from "../runtime.ts";
import { portalOf } from "./portal.ts";
import { approvePublication, preparePublication } from "./publications.ts";

export async function publishDemoPortal(
  salur: Salur,
  say: (message: string) => void = () => {},
): Promise<void> {
  const portal = portalOf(salur);
  const caller = systemCaller("demo seed", salur.config.regencyCode);
  const db = salur.database.db;
  const all = await db.select({ id: periods.id }).from(periods);
  const [busiest] = await db
    .select({ periodId: enrollments.periodId, n: count() })
    .from(enrollments)
    .innerJoin(programs, eq(programs.id, enrollments.programId))
    .where(and(eq(enrollments.status, "selected"), eq(programs.code, DEMO_SANGGAH_PROGRAM)))
    .groupBy(enrollments.periodId)
    .orderBy(desc(count()), enrollments.periodId)
    .limit(1);
  for (const period of all) {
    if (period.id === busiest?.periodId) continue;
    const prepared = await preparePublication(portal, caller, { periodId: period.id, kind: "statistics" });
    await approvePublication(portal, caller, { id: prepared.id, sha256: prepared.sha256 });
  }
  if (busiest) {
    const prepared = await preparePublication(portal, caller, {
      periodId: busiest.periodId,
      kind: "sanggah",
    });
    await approvePublication(portal, caller, { id: prepared.id, sha256: prepared.sha256 });
    say(`  portal: ${all.length} publikasi, daftar sanggah ${prepared.entries} nama`);
  }
}
