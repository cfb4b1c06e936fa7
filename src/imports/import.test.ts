import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { matchAgainstRegistry } from "../matching/registry-index.ts";
import { type ImportDeps, importDeps, submitImport } from "./service.ts";
import * as store from "./store.ts";
import {
  cleanRecords,
  csvText,
  LIST_HEADERS,
  listRows,
  programPeriod,
  upload,
  xlsxBuffer,
} from "./testing.ts";

async function count(d: ImportDeps, table: string, where = sql`true`): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    d.db,
    sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`,
  );
  return Number(row?.n ?? 0);
}

describeEachDatabase("imports", (salur, kind) => {
  let d: ImportDeps;
  let target: Awaited<ReturnType<typeof programPeriod>>;

  beforeAll(async () => {
    d = importDeps(salur(), { parallel: "inline" });
    target = await programPeriod(salur());
  });
  afterAll(async () => {
    await d.jobs.idle();
  });

  async function run(content: string | Buffer, options: Partial<Parameters<typeof submitImport>[3]> = {}) {
    const stored = await upload(d, content);
    const submitted = await submitImport(d, target.caller, stored, {
      fileName: "daftar.csv",
      periodId: target.periodId,
      mode: "apply",
      invalidRows: "reject_file",
      ...options,
    });
    const job = submitted.job ? await d.jobs.wait(submitted.job.id) : null;
    const record = await store.getImport(d.db, submitted.importId);
    if (!record) throw new Error("import vanished");
    return { submitted, job, record };
  }

  describe("a clean list", () => {
    const records = cleanRecords(120, 21);
    const csv = csvText([LIST_HEADERS, ...listRows(records)]);

    it("creates every person and enrollment in one go, with one audit entry", async () => {
      const personsBefore = await count(d, "persons");
      const { job, record } = await run(csv);
      expect(job?.state).toBe("succeeded");
      expect(record.state).toBe("applied");
      expect(record.summary).toMatchObject({
        dataRows: 120,
        accepted: 120,
        personsCreated: 120,
        enrollmentsCreated: 120,
      });
      expect(await count(d, "persons")).toBe(personsBefore + 120);
      expect(await count(d, "enrollments", sql`period_id = ${target.periodId}`)).toBe(120);
      const audit = await queryRows<{ action: string }>(
        d.db,
        sql`select action from audit_entries where entity = 'import' and entity_id = ${record.id}`,
      );
      expect(audit.map((a) => a.action)).toEqual(["import.apply"]);
    });

    // PGlite runs no autovacuum: without these a name search on the grown registry scans every person.
    it.skipIf(kind !== "pglite")(
      "leaves the embedded database's planner with statistics of the persons it brought",
      async () => {
        const [row] = await queryRows<{ n: number }>(
          d.db,
          sql`select count(*)::int as n from pg_stats where tablename = 'persons' and attname = 'name_search'`,
        );
        expect(row?.n).toBe(1);
        expect(await store.estimatedPersons(d.db)).toBeGreaterThanOrEqual(120);
      },
    );

    it("changes nothing when the same file is sent again, and says which import it was", async () => {
      const personsBefore = await count(d, "persons");
      const { submitted, record } = await run(csv);
      expect(record.state).toBe("duplicate");
      expect(submitted.duplicateOf).not.toBeNull();
      expect(await count(d, "persons")).toBe(personsBefore);
    });
  });

  it("screens a list of hundreds of rows on a worker thread: a registry person written again and a row sent twice are warned", async () => {
    // The clean list above is in the registry now; this list repeats its first person with a mistyped NIK
    // and no KK, and one of its own rows under a mistyped NIK.
    const registered = cleanRecords(120, 21)[0] as (typeof records)[number];
    const records = cleanRecords(600, 24);
    const mistyped = (nik: string | null) =>
      nik ? `${nik.slice(0, 15)}${(Number(nik[15]) + 1) % 10}` : null;
    const again = { ...registered, nik: mistyped(registered.nik), kk: null };
    const twice = { ...(records[9] as (typeof records)[number]), nik: mistyped(records[9]?.nik ?? null) };
    const rows = listRows([...records, again, twice]);
    const { record } = await run(csvText([LIST_HEADERS, ...rows]), { mode: "check" });
    expect(record.state).toBe("checked");
    expect(record.summary).toMatchObject({ screening: { ran: true } });
    const issues = await store.issuesFrom(d.db, record.id, 0, 10_000);
    const [person] = await queryRows<{ id: string }>(
      d.db,
      sql`select id from persons where name = ${registered.name} and birth_date = ${registered.birthDate}`,
    );
    // Row 1 is the header: the 601st record is row 602.
    expect(issues.filter((i) => i.code === "POSSIBLE_REGISTRY_DUPLICATE")).toEqual([
      expect.objectContaining({ row: 602, params: expect.objectContaining({ personId: person?.id }) }),
    ]);
    expect(issues.filter((i) => i.code === "POSSIBLE_DUPLICATE_IN_FILE")).toEqual([
      expect.objectContaining({ row: 603, params: expect.objectContaining({ row: 11 }) }),
    ]);
  });

  it("applies nothing from a file with a bad row, and reports the row and column", async () => {
    const records = cleanRecords(30, 22);
    const rows = listRows(records);
    (rows[7] as string[])[5] = "31-02-1980";
    const personsBefore = await count(d, "persons");
    const { record } = await run(csvText([LIST_HEADERS, ...rows]));
    expect(record.state).toBe("rejected");
    expect(await count(d, "persons")).toBe(personsBefore);
    const issues = await store.issuesFrom(d.db, record.id, 0, 100);
    const errors = issues.filter((i) => i.severity === "error");
    expect(errors).toEqual([expect.objectContaining({ row: 9, column: 5, code: "DATE_INVALID" })]);
  });

  it("skips the bad rows when asked to, and lists them", async () => {
    const records = cleanRecords(30, 23);
    const rows = listRows(records);
    (rows[2] as string[])[3] = "";
    const { record } = await run(csvText([LIST_HEADERS, ...rows]), { invalidRows: "skip_rows" });
    expect(record.state).toBe("applied");
    expect(record.summary).toMatchObject({ accepted: 29, rejected: 1, personsCreated: 29 });
    const issues = await store.issuesFrom(d.db, record.id, 0, 100);
    expect(issues.filter((i) => i.severity === "error")).toEqual([
      expect.objectContaining({ row: 4, code: "NAME_MISSING" }),
    ]);
  });

  it("only checks in check mode", async () => {
    const personsBefore = await count(d, "persons");
    const { record } = await run(csvText([LIST_HEADERS, ...listRows(cleanRecords(20, 24))]), {
      mode: "check",
    });
    expect(record.state).toBe("checked");
    expect(record.summary).toMatchObject({ accepted: 20 });
    expect(await count(d, "persons")).toBe(personsBefore);
  });

  it("imports persons without a program, and finds them again by NIK the next time", async () => {
    const records = cleanRecords(12, 26);
    const first = await run(csvText([LIST_HEADERS, ...listRows(records)]), { periodId: null });
    expect(first.record).toMatchObject({
      state: "applied",
      targetKey: "persons",
      summary: { personsCreated: 12, enrollmentsCreated: 0 },
    });
    // The same people in another layout (another file): nobody is registered twice.
    const again = await run(
      csvText([
        ["NAMA", "NIK", "JK", "KODE DESA"],
        ...records.map((r) => [r.name, r.nik ?? "", r.sex ?? "", r.villageCode ?? ""]),
      ]),
      {
        periodId: target.periodId,
      },
    );
    expect(again.record.summary).toMatchObject({
      personsCreated: 0,
      personsExisting: 12,
      enrollmentsCreated: 12,
    });
    const issues = await store.issuesFrom(d.db, again.record.id, 0, 100);
    expect(issues.filter((i) => i.code === "REGISTRY_PERSON_EXISTS")).toHaveLength(12);
  });

  it("makes applied persons findable by the overlap search that was built before the import", async () => {
    await matchAgainstRegistry(salur().registry, { name: "Siapa Saja" }); // the index exists from here on
    const records = cleanRecords(5, 27);
    const { record } = await run(csvText([LIST_HEADERS, ...listRows(records)]), { periodId: null });
    expect(record.state).toBe("applied");
    const first = records[0] as (typeof records)[number];
    const found = await matchAgainstRegistry(salur().registry, {
      nik: first.nik ?? null,
      name: first.name,
      birthDate: first.birthDate ?? null,
      villageCode: first.villageCode ?? null,
    });
    expect(found[0]?.probability).toBeGreaterThan(0.9);
  });

  it("reads an XLSX the same way", async () => {
    const records = cleanRecords(25, 25);
    const buffer = await xlsxBuffer([["DAFTAR PENERIMA BANTUAN"], [], LIST_HEADERS, ...listRows(records)]);
    const { record } = await run(buffer, { fileName: "daftar.xlsx" });
    expect(record.state).toBe("applied");
    expect(record.summary).toMatchObject({ accepted: 25 });
    expect((record.layout as { headerRow: number }).headerRow).toBe(3);
  });
});

describeEachDatabase("imports prepared on a worker thread", (salur) => {
  it("load the same rows as prepared in the main thread", async () => {
    const d = importDeps(salur(), { parallel: "worker" });
    const target = await programPeriod(salur());
    const records = cleanRecords(300, 27);
    const rows = listRows(records);
    (rows[10] as string[])[1] = "6,40105E+15";
    const stored = await upload(d, csvText([LIST_HEADERS, ...rows]));
    const submitted = await submitImport(d, target.caller, stored, {
      fileName: "daftar.csv",
      periodId: target.periodId,
      mode: "apply",
      invalidRows: "skip_rows",
    });
    const job = await d.jobs.wait(submitted.job?.id ?? "");
    expect(job.state).toBe("succeeded");
    const record = await store.getImport(d.db, submitted.importId);
    expect(record).toMatchObject({
      state: "applied",
      summary: { accepted: 299, rejected: 1, personsCreated: 299 },
    });
    const issues = await store.issuesFrom(d.db, submitted.importId, 0, 10);
    expect(issues.filter((i) => i.severity === "error")).toEqual([
      expect.objectContaining({ row: 12, column: 1, code: "NIK_SCIENTIFIC_NOTATION" }),
    ]);
    await d.jobs.idle();
  });
});
