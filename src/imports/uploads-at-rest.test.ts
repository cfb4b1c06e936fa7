import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { importDeps } from "./service.ts";
import { cleanRecords, csvText, LIST_HEADERS, listRows, programPeriod } from "./testing.ts";
import { UPLOAD_RETENTION_MS } from "./uploads.ts";

/** Every file under the upload directory, read whole. */
function filesOnDisk(directory: string): Buffer[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isFile() ? [readFileSync(path)] : [];
  });
}

describeEachDatabase("uploaded lists at rest", (salur) => {
  let app: FastifyInstance;
  let manager: Session;
  let periodId: string;

  beforeAll(async () => {
    app = await buildServer(salur());
    const target = await programPeriod(salur());
    periodId = target.periodId;
    const account = await createTestUser(salur(), {
      role: "program_manager",
      areaCode: "64.01",
      agencyId: target.agencyId,
    });
    manager = await signIn(app, account.username);
  });
  afterAll(async () => {
    await importDeps(salur()).jobs.idle();
    await app.close();
  });

  const send = async (seed: number, mode: "check" | "apply") => {
    const records = cleanRecords(12, seed);
    const res = await app.inject({
      method: "POST",
      url: `/api/imports?fileName=daftar-${seed}.csv&periodId=${periodId}&mode=${mode}`,
      payload: csvText([LIST_HEADERS, ...listRows(records)]),
      headers: { ...manager.headers("POST"), "content-type": "text/csv" },
    });
    expect(res.statusCode).toBe(202);
    const { importId, job } = res.json() as { importId: string; job: { id: string } };
    await importDeps(salur()).jobs.wait(job.id);
    return { importId, records };
  };
  const post = (url: string) => app.inject({ method: "POST", url, headers: manager.headers("POST") });

  it("M5: no plaintext NIK of an uploaded list is on disk, and the list is deleted once applied or discarded", async () => {
    const d = importDeps(salur());
    const checked = await send(301, "check");
    const discarded = await send(302, "check");
    const niks = [...checked.records, ...discarded.records].flatMap((r) => (r.nik ? [r.nik] : []));
    const onDisk = () => filesOnDisk(d.uploads.directory);

    expect(onDisk().length).toBeGreaterThanOrEqual(2);
    const plain = onDisk().flatMap((file) => niks.filter((nik) => file.includes(nik)));
    expect(plain).toEqual([]);
    // The report still reads the list through its seal.
    const report = await app.inject({
      method: "GET",
      url: `/api/imports/${checked.importId}/report?format=csv`,
      headers: manager.headers(),
    });
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain(checked.records[0]?.nik);

    const applied = await post(`/api/imports/${checked.importId}/apply`);
    expect(applied.statusCode).toBe(202);
    await d.jobs.wait((applied.json() as { job: { id: string } }).job.id);
    expect((await post(`/api/imports/${discarded.importId}/discard`)).statusCode).toBe(200);
    const left = onDisk().flatMap((file) =>
      [...checked.records, ...discarded.records].filter((r) => r.name && file.includes(r.name)),
    );
    expect(left).toEqual([]);
    expect(onDisk()).toEqual([]);
    expect((await post(`/api/imports/${discarded.importId}/apply`)).statusCode).toBe(409);

    const entries = await queryRows<{ action: string }>(
      salur().database.db,
      sql`select action from audit_entries where entity_id = ${discarded.importId}`,
    );
    expect(entries.map((e) => e.action)).toContain("import.discard");
  }, 120_000);

  it("M5: a list left in plaintext by an older version is sealed at start, and any list goes at the retention limit", async () => {
    const d = importDeps(salur());
    const records = cleanRecords(5, 303);
    const text = csvText([LIST_HEADERS, ...listRows(records)]);
    const legacy = join(d.uploads.directory, "a".repeat(64));
    writeFileSync(legacy, text, { mode: 0o600 });
    const first = await d.uploads.sweep(UPLOAD_RETENTION_MS);
    expect(first.sealed).toBe(1);
    const kept = await send(304, "check");
    expect(readFileSync(legacy).includes(records[0]?.nik as string)).toBe(false);
    const source = d.uploads.source("a".repeat(64), Buffer.byteLength(text));
    expect((await source.head(1 << 20)).toString("utf8")).toBe(text);

    const later = await d.uploads.sweep(UPLOAD_RETENTION_MS, Date.now() + UPLOAD_RETENTION_MS + 60_000);
    expect(later.removed).toBeGreaterThanOrEqual(2);
    expect(filesOnDisk(d.uploads.directory)).toEqual([]);
    const report = await app.inject({
      method: "GET",
      url: `/api/imports/${kept.importId}/report`,
      headers: manager.headers(),
    });
    expect(report.statusCode).toBe(409);
  });
});
