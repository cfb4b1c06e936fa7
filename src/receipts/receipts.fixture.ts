/**
 * Test support: a batch whose lines the bank has paid (written in bulk; the payment capability's own tests cover
 * how lines get there), its recipients spread over RWs, and the Receipts context of a running Salur.
 */
import { sql } from "drizzle-orm";
import { prepareBatches } from "../payments/batches.ts";
import { paymentsOf } from "../payments/context.ts";
import { type PaymentWorld, paymentWorld } from "../payments/payments.fixture.ts";
import type { Salur } from "../runtime.ts";

export { receiptsOf } from "./routes.ts";

export async function paidBatch(
  salur: Salur,
  count: number,
): Promise<{ world: PaymentWorld; batchId: string }> {
  const world = await paymentWorld(salur, count);
  const [batch] = await prepareBatches(paymentsOf(salur), world.maker, {
    decreeId: world.periodId,
    bankAgencyId: world.bankId,
    claimDeadline: "2026-12-31",
    split: "none",
  });
  if (!batch) throw new Error("no batch");
  const db = salur.database.db;
  // Sent to the bank and paid: the state a batch is in when its recipients are asked what reached their hand.
  await db.execute(sql`update payment_batches set status = 'exported' where id = ${batch.id}`);
  await db.execute(
    sql`update payment_lines set status = 'paid', paid_on = '2026-12-01' where batch_id = ${batch.id}`,
  );
  // The bank's result moves each application to "paid" with its line (src/payments/results.ts).
  await db.execute(
    sql`update enrollments set status = 'paid' where id in (select enrollment_id from payment_lines where batch_id = ${batch.id})`,
  );
  // RW 001 … 003 in turn within each desa, so an RW holds a third of its desa.
  await db.execute(sql`update persons p set rw = lpad(((n.rank % 3) + 1)::text, 3, '0')
    from (select person_id, row_number() over (partition by village_code order by line_number) as rank
          from payment_lines where batch_id = ${batch.id}) n
    where n.person_id = p.id`);
  return { world, batchId: batch.id };
}

export async function linesOf(salur: Salur, batchId: string) {
  const result = (await salur.database.db.execute(
    sql`select l.id, l.village_code as "villageCode", l.amount, p.rw from payment_lines l join persons p on p.id = l.person_id
      where l.batch_id = ${batchId} order by l.line_number`,
  )) as unknown as { rows: { id: string; villageCode: string; amount: number; rw: string }[] };
  return result.rows.map((r) => ({ ...r, amount: Number(r.amount) }));
}
