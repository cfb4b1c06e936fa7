import { sql } from "drizzle-orm";
import type { ParameterProbes, ProbeContext } from "../access/matrix.ts";
import { PLACES } from "../access/matrix.ts";
import { queryRows } from "../db/index.ts";
import { approveBatch, exportBatch, prepareBatches } from "../payments/batches.ts";
import { paymentsOf } from "../payments/context.ts";
import { freshDecree } from "../payments/payments.fixture.ts";

/**
 * Access-matrix probes of the receipts routes (src/access/access-matrix.test.ts). The other receipts routes are
 * cut to the caller's area inside their handler over regency-wide figures; the payment reference of
 * GET /api/receipts/lines names one line, so it is probed as a parameter: a verifier finds a paid line of their
 * own area by its reference, and a line outside it answers like a reference that does not exist.
 */
async function paidLineIn(c: ProbeContext): Promise<{ id: string; reference: string }> {
  const { periodId, enrollmentIds } = await freshDecree(c.salur, { programId: c.fx.programA }, 1);
  const place = PLACES[c.place];
  const district = place.code.split(".").slice(0, 3).join(".");
  const db = c.salur.database.db;
  const enrollment = enrollmentIds[0] ?? "";
  await db.execute(sql`update enrollments set village_code = ${place.code}, district_code = ${district}
      where id = ${enrollment}`);
  await db.execute(sql`update persons set village_code = ${place.code}, district_code = ${district}, rt = ${place.rt}
      where id = (select person_id from enrollments where id = ${enrollment})`);
  const payments = paymentsOf(c.salur);
  const [batch] = await prepareBatches(payments, c.setup, {
    decreeId: periodId,
    bankAgencyId: c.fx.bank,
    claimDeadline: "2026-12-01",
    split: "none",
  });
  if (!batch) throw new Error("matrix receipts batch not made");
  await approveBatch(payments, c.setup, batch.id, { version: batch.version, linesSha256: batch.linesSha256 });
  await exportBatch(payments, c.setup, batch.id, { format: "csv" });
  // The bank's result written directly: the payment capability's own probes cover the result file.
  await db.execute(
    sql`update payment_lines set status = 'paid', paid_on = '2026-12-01' where batch_id = ${batch.id}`,
  );
  const [line] = await queryRows<{ id: string; reference: string }>(
    db,
    sql`select id, reference from payment_lines where batch_id = ${batch.id}`,
  );
  if (!line) throw new Error("matrix receipts line missing");
  return line;
}

export const PARAMETER_PROBES: ParameterProbes = {
  "GET /api/receipts/lines reference": {
    action: "receipt.verify",
    probe: async (c) => {
      const line = await paidLineIn(c);
      return {
        method: "GET",
        url: `/api/receipts/lines?reference=${encodeURIComponent(line.reference)}`,
        secret: line.id,
        insideSucceeds: true,
        insideNames: true,
      };
    },
  },
};
