import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { importDeps } from "./service.ts";
import { cleanRecords, csvText, LIST_HEADERS, listRows, programPeriod } from "./testing.ts";

describeEachDatabase("import reports for readers without the identity right", (salur) => {
  let app: FastifyInstance;
  let manager: Session;
  let auditor: Session;
  let auditorId: string;
  let managerId: string;

  beforeAll(async () => {
    app = await buildServer(salur());
    const target = await programPeriod(salur());
    const m = await createTestUser(salur(), {
      role: "program_manager",
      areaCode: "64.01",
      agencyId: target.agencyId,
    });
    const a = await createTestUser(salur(), { role: "auditor", areaCode: "64.01" });
    manager = await signIn(app, m.username);
    auditor = await signIn(app, a.username);
    managerId = m.id;
    auditorId = a.id;
    periodId = target.periodId;
  });
  let periodId: string;
  afterAll(async () => {
    await importDeps(salur()).jobs.idle();
    await app.close();
  });

  it("M4: the auditor's report and findings hold no NIK, KK or phone digit beyond the region, and every download is audited", async () => {
    const records = cleanRecords(30, 77);
    const rows = listRows(records);
    (rows[2] as string[])[1] = `${(rows[2] as string[])[1]?.slice(0, 15)}`; // a NIK one digit short
    const res = await app.inject({
      method: "POST",
      url: `/api/imports?fileName=daftar.csv&periodId=${periodId}&mode=check`,
      payload: csvText([LIST_HEADERS, ...rows]),
      headers: { ...manager.headers("POST"), "content-type": "text/csv" },
    });
    expect(res.statusCode).toBe(202);
    const { importId, job } = res.json() as { importId: string; job: { id: string } };
    await importDeps(salur()).jobs.wait(job.id);

    const secrets = records.flatMap((r) => [r.nik, r.kk, r.phone].filter((v): v is string => !!v));
    const serials = records.flatMap((r) =>
      [r.nik, r.kk].filter((v): v is string => !!v).map((v) => v.slice(6)),
    );
    const get = (session: Session, url: string) =>
      app.inject({ method: "GET", url, headers: session.headers() });

    const full = await get(manager, `/api/imports/${importId}/report?format=csv`);
    expect(full.statusCode).toBe(200);
    expect(secrets.filter((s) => full.body.includes(s)).length).toBeGreaterThan(0);

    for (const format of ["csv", "xlsx"] as const) {
      const masked = await get(auditor, `/api/imports/${importId}/report?format=${format}`);
      expect(masked.statusCode).toBe(200);
      const text = format === "csv" ? masked.body : await xlsxText(masked.rawPayload);
      expect(secrets.filter((s) => text.includes(s))).toEqual([]);
      expect(serials.filter((s) => text.includes(s))).toEqual([]);
      // Birth dates keep their year only.
      expect(records.filter((r) => r.birthDate && text.includes(r.birthDate))).toEqual([]);
      expect(text).toContain("**********");
    }
    const issues = await get(auditor, `/api/imports/${importId}/issues`);
    expect(issues.statusCode).toBe(200);
    const shortNik = (rows[2] as string[])[1] as string;
    expect(issues.body).not.toContain(shortNik.slice(6));

    const entries = await queryRows<{ actor_id: string; after: { format: string; identity: string } }>(
      salur().database.db,
      sql`select actor_id, after from audit_entries
          where action = 'import.report_download' and entity_id = ${importId} order by seq`,
    );
    expect(entries.map((e) => [e.actor_id, e.after.format, e.after.identity])).toEqual([
      [managerId, "csv", "full"],
      [auditorId, "csv", "masked"],
      [auditorId, "xlsx", "masked"],
    ]);
  }, 120_000);
});

async function xlsxText(bytes: Buffer): Promise<string> {
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const cells: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value ?? "")))),
  );
  return cells.join("\n");
}
