import { and, asc, desc, eq, getTableColumns, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../db/index.ts";
import type { AnnexLine } from "./annex.ts";
import { decreeLines, decreeSettings, decrees, decreeTemplates, sanggahWindows } from "./schema.ts";

export type DecreeRow = typeof decrees.$inferSelect;
export type DecreeLineRow = typeof decreeLines.$inferSelect;
export type SettingsRow = typeof decreeSettings.$inferSelect;
export type TemplateRow = typeof decreeTemplates.$inferSelect;

/** Every column but the PDF bytes: lists and status checks never drag megabytes along. */
const { pdf: _pdf, signedPdf: _signed, annexCsv: _csv, ...LIGHT } = getTableColumns(decrees);
export type DecreeHead = Omit<DecreeRow, "pdf" | "signedPdf" | "annexCsv">;

export async function getDecreeHead(db: Executor, id: string, lock = false): Promise<DecreeHead | null> {
  const query = db.select(LIGHT).from(decrees).where(eq(decrees.id, id));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? null;
}

export async function getDecreeByNumber(db: Executor, number: string): Promise<DecreeHead | null> {
  const [row] = await db.select(LIGHT).from(decrees).where(eq(decrees.number, number));
  return row ?? null;
}

export async function listDecrees(db: Executor, agencyId: string | null): Promise<DecreeHead[]> {
  return db
    .select(LIGHT)
    .from(decrees)
    .where(agencyId ? eq(decrees.agencyId, agencyId) : undefined)
    .orderBy(desc(decrees.createdAt))
    .limit(500);
}

/** Decided decrees (approved and later): what the public verification page holds in memory. */
export async function publishedDecrees(db: Executor): Promise<DecreeHead[]> {
  return db.select(LIGHT).from(decrees).where(sql`${decrees.status} in ('approved','amended','revoked')`);
}

export async function decreeFile(
  db: Executor,
  id: string,
  kind: "pdf" | "signedPdf" | "annexCsv",
): Promise<Uint8Array | string | null> {
  const [row] = await db.select({ value: decrees[kind] }).from(decrees).where(eq(decrees.id, id));
  return row?.value ?? null;
}

export async function insertDecree(db: Executor, values: typeof decrees.$inferInsert): Promise<void> {
  await db.insert(decrees).values(values);
}

const LINE_CHUNK = 1000;

export async function insertLines(
  db: Executor,
  decreeId: string,
  lines: readonly AnnexLine[],
): Promise<void> {
  for (let i = 0; i < lines.length; i += LINE_CHUNK) {
    await db.insert(decreeLines).values(
      lines.slice(i, i + LINE_CHUNK).map((l) => ({
        decreeId,
        line: l.line,
        enrollmentId: l.enrollmentId,
        personId: l.personId,
        villageCode: l.villageCode,
        name: l.name,
        nikMasked: l.nikMasked,
        villageName: l.villageName,
        rtRw: l.rtRw,
        business: l.business,
        amount: l.amount,
        text: l.text,
        commitment: l.commitment,
      })),
    );
  }
}

export async function linesOf(
  db: Executor,
  decreeId: string,
  page?: { offset: number; limit: number },
): Promise<DecreeLineRow[]> {
  const query = db
    .select()
    .from(decreeLines)
    .where(eq(decreeLines.decreeId, decreeId))
    .orderBy(asc(decreeLines.line));
  return page ? query.offset(page.offset).limit(page.limit) : query;
}

export async function lineOfEnrollment(
  db: Executor,
  decreeId: string,
  enrollmentId: string,
): Promise<DecreeLineRow | null> {
  const [row] = await db
    .select()
    .from(decreeLines)
    .where(and(eq(decreeLines.decreeId, decreeId), eq(decreeLines.enrollmentId, enrollmentId)));
  return row ?? null;
}

/** Moves a decree on only if it is still at the version the official saw: a replayed request changes nothing. */
export async function updateDecree(
  db: Executor,
  id: string,
  version: number,
  set: Partial<typeof decrees.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(decrees)
    .set({ ...set, version: sql`${decrees.version} + 1` })
    .where(and(eq(decrees.id, id), eq(decrees.version, version)))
    .returning({ id: decrees.id });
  return rows.length === 1;
}

/** Two approvals at once must not draw the same number: numbering is serialised until the approval commits. */
export async function nextSequence(db: Executor, year: number): Promise<number> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('decree-number'))`);
  const [row] = await queryRows<{ n: number | null }>(
    db,
    sql`select max(sequence) as n from decrees where year = ${year}`,
  );
  return Number(row?.n ?? 0) + 1;
}

export const DEFAULT_SETTINGS: Omit<SettingsRow, "updatedAt"> = {
  id: 1,
  numberPattern: "846/KEP-{NNN}/{YYYY}",
  paper: "F4",
  place: "Tana Paser",
  signerTitle: "BUPATI PASER",
  signerName: "",
  logo: null,
  logoType: null,
  version: 0,
};

export async function getSettings(db: Executor, lock = false): Promise<Omit<SettingsRow, "updatedAt">> {
  const query = db.select().from(decreeSettings).where(eq(decreeSettings.id, 1));
  const [row] = lock ? await query.for("update") : await query;
  return row ?? DEFAULT_SETTINGS;
}

export async function saveSettings(
  db: Executor,
  values: Omit<SettingsRow, "id" | "updatedAt" | "version">,
): Promise<number> {
  const [row] = await db
    .insert(decreeSettings)
    .values({ id: 1, ...values, version: 1 })
    .onConflictDoUpdate({
      target: decreeSettings.id,
      set: { ...values, version: sql`${decreeSettings.version} + 1`, updatedAt: sql`now()` },
    })
    .returning({ version: decreeSettings.version });
  return row?.version ?? 1;
}

export async function getTemplate(db: Executor, programId: string): Promise<TemplateRow | null> {
  const [row] = await db.select().from(decreeTemplates).where(eq(decreeTemplates.programId, programId));
  return row ?? null;
}

export async function saveTemplate(
  db: Executor,
  programId: string,
  values: Pick<TemplateRow, "subject" | "considering" | "legalBasis" | "decisions">,
): Promise<number> {
  const [row] = await db
    .insert(decreeTemplates)
    .values({ programId, ...values })
    .onConflictDoUpdate({
      target: decreeTemplates.programId,
      set: { ...values, version: sql`${decreeTemplates.version} + 1`, updatedAt: sql`now()` },
    })
    .returning({ version: decreeTemplates.version });
  return row?.version ?? 1;
}

export async function getSanggah(db: Executor, periodId: string) {
  const [row] = await db.select().from(sanggahWindows).where(eq(sanggahWindows.periodId, periodId));
  return row ?? null;
}

export async function saveSanggah(db: Executor, periodId: string, opensOn: string, closesOn: string) {
  await db
    .insert(sanggahWindows)
    .values({ periodId, opensOn, closesOn })
    .onConflictDoUpdate({ target: sanggahWindows.periodId, set: { opensOn, closesOn } });
}

export interface RecipientRow {
  enrollment_id: string;
  person_id: string;
  status: string;
  version: number;
  name: string;
  nik_cipher: Uint8Array | null;
  nik_index: Uint8Array | null;
  village_code: string;
  rt: string | null;
  rw: string | null;
  business: string | null;
}

/**
 * The recipients a draft freezes: a selection run's selected enrollments still on their way to the decree, or
 * (for a period or an amendment) the period's enrollments that are published or already decreed.
 */
export async function recipientsFor(
  db: Executor,
  source: { runId: string } | { periodId: string; statuses: readonly string[] },
): Promise<RecipientRow[]> {
  const where =
    "runId" in source
      ? sql`e.id in (select enrollment_id from selection_results where run_id = ${source.runId} and selected)
          and e.status in ('selected','published')`
      : sql`e.period_id = ${source.periodId}
          and e.status in (select value from jsonb_array_elements_text(${JSON.stringify(source.statuses)}::jsonb))`;
  return queryRows<RecipientRow>(
    db,
    sql`select e.id as enrollment_id, e.person_id, e.status, e.version, p.name, p.nik_cipher, p.nik_index,
          p.village_code, p.rt, p.rw, b.name as business
        from enrollments e
        join persons p on p.id = e.person_id
        left join businesses b on b.id = e.business_id
        where ${where}`,
  );
}

export async function enrollmentStates(db: Executor, ids: readonly string[]) {
  return queryRows<{ id: string; status: string; version: number }>(
    db,
    sql`select id, status, version from enrollments
        where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`,
  );
}

export async function nikCiphers(db: Executor, personIds: readonly string[]) {
  return queryRows<{ id: string; nik_cipher: Uint8Array | null; nik_index: Uint8Array | null }>(
    db,
    sql`select id, nik_cipher, nik_index from persons
        where id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(personIds)}::jsonb))`,
  );
}

export async function selectionRunPeriod(db: Executor, runId: string): Promise<string | null> {
  const [row] = await queryRows<{ period_id: string }>(
    db,
    sql`select period_id from selection_runs where id = ${runId}`,
  );
  return row?.period_id ?? null;
}

export async function programNames(db: Executor): Promise<Map<string, string>> {
  const rows = await queryRows<{ id: string; name: string }>(db, sql`select id, name from programs`);
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface DecreeListing {
  decreeId: string;
  enrollmentId: string;
  line: number;
  number: string | null;
  merkleRoot: string;
}

/** The decrees in force whose annex lists one of these enrollments (a recipient's proofs after a self-check). */
export async function decreesInForceListing(
  db: Executor,
  enrollmentIds: readonly string[],
): Promise<DecreeListing[]> {
  if (enrollmentIds.length === 0) return [];
  return queryRows<DecreeListing>(
    db,
    sql`select l.decree_id as "decreeId", l.enrollment_id as "enrollmentId", l.line, d.number,
          d.merkle_root as "merkleRoot"
        from decree_lines l join decrees d on d.id = l.decree_id
        where d.status = 'approved'
          and l.enrollment_id in (${sql.join(
            enrollmentIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
        order by d.decreed_on, l.line`,
  );
}
