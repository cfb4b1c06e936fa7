import { and, asc, eq, gt, inArray, isNull, lte, type SQL, sql } from "drizzle-orm";
import { type DatabaseKind, type Executor, queryRows } from "../db/index.ts";
import { enrollments, persons } from "../registry/schema.ts";
import type { ColumnTarget } from "./headers.ts";
import { type ColumnSpec, jsonSelectList } from "./payload.ts";
import type { IssueAt } from "./prepare.ts";
import {
  type ImportRow,
  importIssues,
  imports,
  importTemplates,
  type ReconciliationCategory,
  type ReconciliationLineRow,
  type ReconciliationRow,
  reconciliationLines,
  reconciliations,
} from "./schema.ts";

/** Imports take this transaction-scoped lock: two lists are never applied at once, so NIK checks hold. */
const IMPORT_LOCK = 6_401_0601;

export async function lockImports(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
}

export async function insertImport(db: Executor, values: typeof imports.$inferInsert): Promise<ImportRow> {
  const [row] = await db.insert(imports).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function getImport(db: Executor, id: string): Promise<ImportRow | null> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  return row ?? null;
}

export async function updateImport(
  db: Executor,
  id: string,
  values: Partial<typeof imports.$inferInsert>,
): Promise<void> {
  await db.update(imports).set(values).where(eq(imports.id, id));
}

export async function findAppliedImport(
  db: Executor,
  contentHash: string,
  targetKey: string,
): Promise<ImportRow | null> {
  const [row] = await db
    .select()
    .from(imports)
    .where(
      and(
        eq(imports.contentHash, contentHash),
        eq(imports.targetKey, targetKey),
        eq(imports.state, "applied"),
      ),
    );
  return row ?? null;
}

export async function listImports(
  db: Executor,
  filter: { periodId?: string; createdById?: string; agencyId?: string | null; limit: number },
) {
  return db
    .select()
    .from(imports)
    .where(
      and(
        filter.periodId ? eq(imports.periodId, filter.periodId) : undefined,
        filter.createdById ? eq(imports.createdById, filter.createdById) : undefined,
        filter.agencyId ? eq(imports.agencyId, filter.agencyId) : undefined,
      ),
    )
    .orderBy(sql`${imports.createdAt} desc`)
    .limit(filter.limit);
}

/** Persons already registered under these NIK blind indexes (hex): the registry side of "duplicate NIK". */
export async function personsByNikIndex(
  tx: Executor,
  indexes: readonly string[],
): Promise<Map<string, { id: string; name: string; villageCode: string; districtCode: string }>> {
  const found = new Map<string, { id: string; name: string; villageCode: string; districtCode: string }>();
  if (indexes.length === 0) return found;
  const rows = await queryRows<{
    id: string;
    name: string;
    village_code: string;
    district_code: string;
    nik_index: string;
  }>(
    tx,
    sql`select id, name, village_code, district_code, encode(nik_index, 'hex') as nik_index
        from persons where nik_index in (select decode(h, 'hex') from unnest(${sql.param([...indexes])}::text[]) as h)`,
  );
  for (const r of rows) {
    found.set(r.nik_index, {
      id: r.id,
      name: r.name,
      villageCode: r.village_code,
      districtCode: r.district_code,
    });
  }
  return found;
}

export async function enrolledInPeriod(
  tx: Executor,
  periodId: string,
  personIds: readonly string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await tx
    .select({ personId: enrollments.personId })
    .from(enrollments)
    .where(and(eq(enrollments.periodId, periodId), inArray(enrollments.personId, [...personIds])));
  return new Set(rows.map((r) => r.personId));
}

interface RawClient {
  query(text: string, params: unknown[], options?: { blob?: Blob }): Promise<unknown>;
}

/** The driver's own client under a Drizzle executor: PGlite's COPY FROM '/dev/blob' needs it. */
function rawClient(db: Executor): RawClient {
  const client = (db as unknown as { session?: { client?: RawClient } }).session?.client;
  if (!client) throw new Error("no raw client under this executor");
  return client;
}

/**
 * Loads prepared rows into a table in one statement: COPY on PGlite; on a PostgreSQL server (node-postgres
 * has no COPY FROM STDIN) one INSERT … SELECT over jsonb_to_recordset, which PostgreSQL parses in C.
 */
export async function bulkInsert(
  tx: Executor,
  kind: DatabaseKind,
  table: "persons" | "enrollments",
  columns: readonly ColumnSpec[],
  payloads: readonly string[],
): Promise<void> {
  if (payloads.length === 0) return;
  const names = columns.map((c) => c.name).join(", ");
  if (kind === "pglite") {
    const blob = new Blob([`${payloads.join("\n")}\n`]);
    await rawClient(tx).query(`copy ${table} (${names}) from '/dev/blob'`, [], { blob });
    return;
  }
  const { select, definition } = jsonSelectList(columns);
  await tx.execute(
    sql`insert into ${sql.raw(table)} (${sql.raw(names)})
        select ${sql.raw(select)} from jsonb_to_recordset(${`[${payloads.join(",")}]`}::jsonb) as r(${sql.raw(definition)})`,
  );
}

/** The planner's idea of how many persons there are (as of the last analysis; 0 when never analysed). */
export async function estimatedPersons(db: Executor): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select greatest(reltuples, 0)::float8 as n from pg_class where oid = 'persons'::regclass`,
  );
  return Number(row?.n ?? 0);
}

/** Gathers the registry's planner statistics from a sample of 300 × `target` rows per table. */
export async function analyzeRegistry(db: Executor, target: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local default_statistics_target = ${Math.trunc(target)}`));
    await tx.execute(sql`analyze persons, enrollments`);
  });
}

/** Rows per INSERT of issues: 7 parameters each. */
const ISSUE_CHUNK = 2000;

export async function insertIssues(
  tx: Executor,
  importId: string,
  issues: readonly IssueAt[],
): Promise<void> {
  for (let i = 0; i < issues.length; i += ISSUE_CHUNK) {
    await tx.insert(importIssues).values(
      issues.slice(i, i + ISSUE_CHUNK).map((issue) => ({
        importId,
        row: issue.row,
        column: issue.column,
        field: issue.field,
        code: issue.code,
        severity: issue.severity,
        params: issue.params,
      })),
    );
  }
}

export type IssueRow = typeof importIssues.$inferSelect;

/** Issues from `afterRow` on, in row order (errors before warnings within a row). */
export async function issuesFrom(
  db: Executor,
  importId: string,
  afterRow: number,
  limit: number,
): Promise<IssueRow[]> {
  return db
    .select()
    .from(importIssues)
    .where(and(eq(importIssues.importId, importId), gt(importIssues.row, afterRow)))
    .orderBy(asc(importIssues.row), asc(importIssues.severity), asc(importIssues.column))
    .limit(limit);
}

/** Issues of rows fromRow < row <= toRow: the report walks the file and these side by side. */
export async function issuesInRows(
  db: Executor,
  importId: string,
  fromRow: number,
  toRow: number,
): Promise<IssueRow[]> {
  return db
    .select()
    .from(importIssues)
    .where(
      and(eq(importIssues.importId, importId), gt(importIssues.row, fromRow), lte(importIssues.row, toRow)),
    )
    .orderBy(asc(importIssues.row), asc(importIssues.severity), asc(importIssues.column));
}

export async function issueCounts(db: Executor, importId: string) {
  return queryRows<{ code: string; severity: string; n: number }>(
    db,
    sql`select code, severity, count(*)::int as n from import_issues where import_id = ${importId}
        group by code, severity order by count(*) desc, code`,
  );
}

export async function deleteIssues(tx: Executor, importId: string, where?: SQL): Promise<void> {
  await tx.delete(importIssues).where(and(eq(importIssues.importId, importId), where));
}

// Templates -------------------------------------------------------------------------------------------------

export type TemplateRow = typeof importTemplates.$inferSelect;

export async function listTemplates(db: Executor, agencyId: string | null): Promise<TemplateRow[]> {
  return db
    .select()
    .from(importTemplates)
    .where(agencyId ? eq(importTemplates.agencyId, agencyId) : undefined)
    .orderBy(asc(importTemplates.name));
}

export async function getTemplate(db: Executor, id: string): Promise<TemplateRow | null> {
  const [row] = await db.select().from(importTemplates).where(eq(importTemplates.id, id));
  return row ?? null;
}

export async function findTemplate(
  db: Executor,
  agencyId: string | null,
  name: string,
): Promise<TemplateRow | null> {
  const [row] = await db
    .select()
    .from(importTemplates)
    .where(
      and(
        agencyId ? eq(importTemplates.agencyId, agencyId) : isNull(importTemplates.agencyId),
        eq(importTemplates.name, name),
      ),
    );
  return row ?? null;
}

/** Saving a template under an existing name replaces its mapping: the agency's current layout wins. */
export async function saveTemplate(
  db: Executor,
  values: {
    agencyId: string | null;
    name: string;
    mapping: Record<string, ColumnTarget>;
    createdById: string | null;
    createdByName: string;
  },
): Promise<TemplateRow> {
  const existing = await findTemplate(db, values.agencyId, values.name);
  if (existing) {
    const [row] = await db
      .update(importTemplates)
      .set({ mapping: values.mapping, updatedAt: sql`now()`, version: sql`${importTemplates.version} + 1` })
      .where(eq(importTemplates.id, existing.id))
      .returning();
    if (!row) throw new Error("update returned no row");
    return row;
  }
  const [row] = await db.insert(importTemplates).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export interface LinkagePerson {
  id: string;
  name: string;
  nikCipher: Uint8Array | null;
  nikIndex: Uint8Array | null;
  kkCipher: Uint8Array | null;
  kkIndex: Uint8Array | null;
  phoneCipher: Uint8Array | null;
  phoneIndex: Uint8Array | null;
  birthPlace: string | null;
  birthDate: string | null;
  sex: string;
  address: string | null;
  villageCode: string;
  districtCode: string;
  rt: string | null;
  rw: string | null;
}

const linkageColumns = {
  id: persons.id,
  name: persons.name,
  nikCipher: persons.nikCipher,
  nikIndex: persons.nikIndex,
  kkCipher: persons.kkCipher,
  kkIndex: persons.kkIndex,
  phoneCipher: persons.phoneCipher,
  phoneIndex: persons.phoneIndex,
  birthPlace: persons.birthPlace,
  birthDate: persons.birthDate,
  sex: persons.sex,
  address: persons.address,
  villageCode: persons.villageCode,
  districtCode: persons.districtCode,
  rt: persons.rt,
  rw: persons.rw,
};

/** One page of the kecamatans' persons in id order, from after `after` (null: from the first), for comparing a list with them. */
export async function personsOfDistricts(
  db: Executor,
  districts: readonly string[],
  limit: number,
  after: string | null = null,
): Promise<LinkagePerson[]> {
  if (districts.length === 0 || limit <= 0) return [];
  return db
    .select(linkageColumns)
    .from(persons)
    .where(
      and(inArray(persons.districtCode, [...districts]), after === null ? undefined : gt(persons.id, after)),
    )
    .orderBy(asc(persons.id))
    .limit(limit);
}

/** Persons enrolled in a period (withdrawn and rejected enrollments left out), or every person of the registry. */
export async function personsOfScope(
  db: Executor,
  scope: { periodId: string } | "registry",
): Promise<LinkagePerson[]> {
  if (scope === "registry") return db.select(linkageColumns).from(persons).orderBy(asc(persons.id));
  return db
    .select(linkageColumns)
    .from(persons)
    .where(
      inArray(
        persons.id,
        db
          .select({ id: enrollments.personId })
          .from(enrollments)
          .where(
            and(
              eq(enrollments.periodId, scope.periodId),
              sql`${enrollments.status} not in ('withdrawn', 'rejected')`,
            ),
          ),
      ),
    )
    .orderBy(asc(persons.id));
}

// Reconciliations --------------------------------------------------------------------------------------------

export async function insertReconciliation(
  db: Executor,
  values: typeof reconciliations.$inferInsert,
): Promise<ReconciliationRow> {
  const [row] = await db.insert(reconciliations).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function getReconciliation(db: Executor, id: string): Promise<ReconciliationRow | null> {
  const [row] = await db.select().from(reconciliations).where(eq(reconciliations.id, id));
  return row ?? null;
}

export async function updateReconciliation(
  db: Executor,
  id: string,
  values: Partial<typeof reconciliations.$inferInsert>,
): Promise<void> {
  await db.update(reconciliations).set(values).where(eq(reconciliations.id, id));
}

export async function listReconciliations(
  db: Executor,
  filter: { periodId?: string; agencyId?: string | null; limit: number },
) {
  return db
    .select()
    .from(reconciliations)
    .where(
      and(
        filter.periodId ? eq(reconciliations.periodId, filter.periodId) : undefined,
        filter.agencyId ? eq(reconciliations.agencyId, filter.agencyId) : undefined,
      ),
    )
    .orderBy(sql`${reconciliations.createdAt} desc`)
    .limit(filter.limit);
}

export async function deleteLines(tx: Executor, reconciliationId: string): Promise<void> {
  await tx.delete(reconciliationLines).where(eq(reconciliationLines.reconciliationId, reconciliationId));
}

/** 1,000 lines × 24 columns stays well below PostgreSQL's 65,535 parameters. */
const LINE_CHUNK = 1000;

export async function insertLines(
  tx: Executor,
  lines: readonly (typeof reconciliationLines.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < lines.length; i += LINE_CHUNK) {
    await tx.insert(reconciliationLines).values(lines.slice(i, i + LINE_CHUNK));
  }
}

export interface LineFilter {
  category?: ReconciliationCategory | undefined;
  districtCode?: string | undefined;
  villageCode?: string | undefined;
  decided?: boolean | undefined;
}

function lineConditions(
  reconciliationId: string,
  filter: LineFilter,
  scope: SQL | undefined,
): SQL | undefined {
  return and(
    eq(reconciliationLines.reconciliationId, reconciliationId),
    scope,
    filter.category ? eq(reconciliationLines.category, filter.category) : undefined,
    filter.districtCode ? eq(reconciliationLines.districtCode, filter.districtCode) : undefined,
    filter.villageCode ? eq(reconciliationLines.villageCode, filter.villageCode) : undefined,
    filter.decided === true ? sql`${reconciliationLines.decision} is not null` : undefined,
    filter.decided === false ? isNull(reconciliationLines.decision) : undefined,
  );
}

export async function searchLines(
  db: Executor,
  reconciliationId: string,
  filter: LineFilter,
  scope: SQL | undefined,
  page: { limit: number; offset: number },
): Promise<{ rows: ReconciliationLineRow[]; total: number }> {
  const where = lineConditions(reconciliationId, filter, scope);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(reconciliationLines)
      .where(where)
      .orderBy(
        asc(reconciliationLines.districtCode),
        asc(reconciliationLines.villageCode),
        asc(reconciliationLines.centralRow),
        asc(reconciliationLines.id),
      )
      .limit(page.limit)
      .offset(page.offset),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from reconciliation_lines where ${where}`),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

/** Lines in export order, a page at a time (keyset on id within the ordering columns). */
export async function* linesInOrder(
  db: Executor,
  reconciliationId: string,
  filter: LineFilter,
  scope: SQL | undefined,
): AsyncGenerator<ReconciliationLineRow[]> {
  const PAGE = 2000;
  for (let offset = 0; ; offset += PAGE) {
    const { rows } = await searchLines(db, reconciliationId, filter, scope, { limit: PAGE, offset });
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < PAGE) return;
  }
}

export async function getLine(
  db: Executor,
  reconciliationId: string,
  lineId: string,
): Promise<ReconciliationLineRow | null> {
  const [row] = await db
    .select()
    .from(reconciliationLines)
    .where(
      and(eq(reconciliationLines.reconciliationId, reconciliationId), eq(reconciliationLines.id, lineId)),
    );
  return row ?? null;
}

export async function decideLine(
  tx: Executor,
  lineId: string,
  expectedVersion: number | null,
  values: {
    decision: string;
    decisionReason: string | null;
    decidedById: string | null;
    decidedByName: string;
  },
): Promise<ReconciliationLineRow | null> {
  const [row] = await tx
    .update(reconciliationLines)
    .set({ ...values, decidedAt: sql`now()`, version: sql`${reconciliationLines.version} + 1` })
    .where(
      and(
        eq(reconciliationLines.id, lineId),
        expectedVersion === null ? undefined : eq(reconciliationLines.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}

export async function areaCounts(
  db: Executor,
  reconciliationId: string,
  level: "district" | "village",
  scope: SQL | undefined,
  districtCode?: string,
) {
  const column = level === "district" ? reconciliationLines.districtCode : reconciliationLines.villageCode;
  return db
    .select({
      code: column,
      category: reconciliationLines.category,
      n: sql<number>`count(*)::int`,
      decided: sql<number>`count(${reconciliationLines.decision})::int`,
    })
    .from(reconciliationLines)
    .where(
      and(
        eq(reconciliationLines.reconciliationId, reconciliationId),
        scope,
        districtCode ? eq(reconciliationLines.districtCode, districtCode) : undefined,
      ),
    )
    .groupBy(column, reconciliationLines.category)
    .orderBy(asc(column));
}

/**
 * Whether an upload is still needed: an import or reconciliation of it waits or runs, or a checked import of
 * it may still be applied (no import of the same content to the same target was applied since).
 */
export async function uploadInUse(db: Executor, storedAs: string, exceptImportId?: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    db,
    sql`select 1 as one from imports i
        where i.stored_as = ${storedAs} and i.id <> ${exceptImportId ?? "00000000-0000-0000-0000-000000000000"}
          and (i.state in ('queued', 'running')
               or (i.state = 'checked' and not exists (
                     select 1 from imports a
                     where a.content_hash = i.content_hash and a.target_key = i.target_key
                       and a.state = 'applied')))
        union all
        select 1 from reconciliations r where r.stored_as = ${storedAs} and r.state in ('queued', 'running')
        limit 1`,
  );
  return rows.length > 0;
}
