import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../access/demo-users.ts";
import { type Session, signIn } from "../access/testing.ts";
import { openDatabase, queryRows } from "../db/index.ts";
import { openTestDatabase, TEST_TODAY, testConfig } from "../db/testing.ts";
import { decreePublicCacheOf } from "../decree/runtime.ts";
import { seedDemo } from "../demo/seed.ts";
import { buildServer } from "../http/server.ts";
import { matchAgainstRegistry } from "../matching/registry-index.ts";
import { portalOf } from "../portal/portal.ts";
import { enrollments, periods, programs } from "../registry/schema.ts";
import { openSalur, type Salur } from "../runtime.ts";

const WAIT = { timeout: 10_000, interval: 50 };

/**
 * Two Salur processes (two pools, two listening connections) on one PostgreSQL database: what one writes, the
 * other's in-memory caches show without a restart — the match index, the published snapshots, the public
 * decree page. The portal's poll is off in the second process, so only the change notifications can do it.
 */
describe.skipIf(!process.env.TEST_DATABASE_URL)("caches follow changes made by another process", () => {
  const config = testConfig();
  let writer: Salur;
  let reader: Salur;
  let writerApp: FastifyInstance;
  let readerApp: FastifyInstance;
  const sessions: Record<string, Session> = {};

  beforeAll(async () => {
    writer = await openSalur(config, {
      database: await openTestDatabase("postgres"),
      today: () => TEST_TODAY,
    });
    await seedDemo(writer, { persons: 1_500 });
    // The scratch database has no password (trust auth in tests), so its location is its URL.
    const second = await openDatabase({ kind: "postgres", url: writer.database.location });
    reader = await openSalur(config, { database: second, today: () => TEST_TODAY });
    for (const s of [writer, reader]) s.access.demoMode = true;
    portalOf(writer, { pollMs: 0 });
    portalOf(reader, { pollMs: 0 });
    writerApp = await buildServer(writer);
    readerApp = await buildServer(reader);
    for (const user of ["pendata.lolo", "dinsos", "kabid.dinsos"])
      sessions[user] = await signIn(writerApp, user, DEMO_PASSWORD);
  }, 240_000);

  afterAll(async () => {
    await readerApp?.close();
    await writerApp?.close();
    await reader?.close();
    await writer?.close();
  });

  const write = (user: string, method: "POST" | "PATCH", url: string, payload: object) =>
    writerApp.inject({ method, url, headers: (sessions[user] as Session).headers(method), payload });

  it("matches a registration in one process against a person saved a moment earlier by the other", async () => {
    const person = {
      name: "Sulastri Wulandari Kusumaningtyas",
      sex: "P",
      birthDate: "1979-08-17",
      villageCode: "64.01.05.2002",
      rt: "003",
      rw: "002",
      address: "Jl. Gunung Rampah No. 7",
    };
    const probe = {
      ...person,
      name: "Hj. Sulastri Wulandari Kusumaningtias",
      address: "Jalan Gunung Rampah 7",
    };
    const record = { ...probe, nik: null, kk: null, phone: null, birthPlace: null };
    // The reader's index is built before the write, so only a notification can bring the new person in.
    expect(await matchAgainstRegistry(reader.registry, record)).not.toContainEqual(
      expect.objectContaining({ decision: "link" }),
    );
    const saved = await write("pendata.lolo", "POST", "/api/persons", person);
    expect(saved.statusCode).toBe(201);
    const id = saved.json().person?.id ?? saved.json().id;
    await expect
      .poll(async () => (await matchAgainstRegistry(reader.registry, record))[0]?.personId, WAIT)
      .toBe(id);
  });

  it("serves a sanggah list approved in one process from the other's public pages", async () => {
    const [row] = await writer.database.db
      .select({ id: periods.id })
      .from(enrollments)
      .innerJoin(periods, eq(periods.id, enrollments.periodId))
      .innerJoin(programs, eq(programs.id, enrollments.programId))
      .where(and(eq(enrollments.status, "selected"), eq(programs.code, "SEMBAKO-LANSIA")))
      .limit(1);
    expect(row).toBeDefined();
    await portalOf(reader).cache.ensureLoaded();
    const prepared = await write("dinsos", "POST", "/api/portal/publications", {
      periodId: row?.id,
      kind: "sanggah",
    });
    expect(prepared.statusCode).toBe(201);
    const { id, sha256 } = prepared.json() as { id: string; sha256: string };
    const approved = await write("kabid.dinsos", "POST", `/api/portal/publications/${id}/approve`, {
      sha256,
    });
    expect(approved.statusCode).toBe(200);
    await expect.poll(() => portalOf(reader).cache.get(id)?.sha256, WAIT).toBe(sha256);
    const download = await readerApp.inject({ method: "GET", url: `/publik/publikasi/${id}/snapshot.json` });
    expect(download.statusCode).toBe(200);
  });

  it("shows a decree's new status on the other process's public page without waiting for its minute", async () => {
    const [decree] = await queryRows<{ id: string; number: string }>(
      writer.database.db,
      sql`select id, number from decrees where status = 'approved' order by decreed_on limit 1`,
    );
    expect(decree).toBeDefined();
    const cache = decreePublicCacheOf(reader);
    expect((await cache.find(decree?.number as string))?.status).toBe("approved");
    // A status change written by the other process (the revocation's own route needs a whole new decree round).
    await writer.database.db.execute(
      sql`update decrees set status = 'revoked', revoked_reason = 'Uji antarproses' where id = ${decree?.id}`,
    );
    await expect.poll(async () => (await cache.find(decree?.number as string))?.status, WAIT).toBe("revoked");
  });
});
