/** SQL of the agencies' saved bank file layouts. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../db/index.ts";
import type { LayoutKind } from "./codes.ts";
import type { ExportLayout, ResultLayout } from "./layout.ts";
import { paymentLayouts } from "./schema.ts";

export type LayoutRow = typeof paymentLayouts.$inferSelect;

export async function listLayouts(db: Executor, agencyId: string, kind?: LayoutKind): Promise<LayoutRow[]> {
  return db
    .select()
    .from(paymentLayouts)
    .where(and(eq(paymentLayouts.agencyId, agencyId), kind ? eq(paymentLayouts.kind, kind) : undefined))
    .orderBy(asc(paymentLayouts.kind), asc(paymentLayouts.name), asc(paymentLayouts.code));
}

export async function getLayout(db: Executor, id: string): Promise<LayoutRow | null> {
  const [row] = await db.select().from(paymentLayouts).where(eq(paymentLayouts.id, id));
  return row ?? null;
}

/** The layout under a code, locked until commit so that two saves of one code queue behind each other. */
export async function lockLayoutByCode(
  db: Executor,
  agencyId: string,
  kind: LayoutKind,
  code: string,
): Promise<LayoutRow | null> {
  const [row] = await db
    .select()
    .from(paymentLayouts)
    .where(
      and(
        eq(paymentLayouts.agencyId, agencyId),
        eq(paymentLayouts.kind, kind),
        eq(paymentLayouts.code, code),
      ),
    )
    .for("update");
  return row ?? null;
}

/** Insert or replace by (agency, kind, code): a concurrent first save of the same code becomes a replace. */
export async function upsertLayout(
  db: Executor,
  values: {
    agencyId: string;
    kind: LayoutKind;
    code: string;
    name: string;
    layout: ExportLayout | ResultLayout;
    createdBy: string | null;
  },
): Promise<LayoutRow> {
  const [row] = await db
    .insert(paymentLayouts)
    .values(values)
    .onConflictDoUpdate({
      target: [paymentLayouts.agencyId, paymentLayouts.kind, paymentLayouts.code],
      set: { name: values.name, layout: values.layout, updatedAt: sql`now()` },
    })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  return row;
}

export async function deleteLayout(db: Executor, id: string): Promise<void> {
  await db.delete(paymentLayouts).where(eq(paymentLayouts.id, id));
}
