import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../access/demo-users.ts";
import { type Session, signIn } from "../access/testing.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { seedDemo } from "../demo/seed.ts";
import { buildServer } from "../http/server.ts";
import { enrollments, periods, programs } from "../registry/schema.ts";
import { portalOf } from "./portal.ts";
import { checkCodeOf } from "./self-check.ts";

const form = (fields: Record<string, string>) => ({
  headers: { "content-type": "application/x-www-form-urlencoded" },
  payload: new URLSearchParams(fields).toString(),
});

describeEachDatabase("public portal", (salur) => {
  let app: FastifyInstance;
  const sessions: Record<string, Session> = {};
  let periodId: string;

  beforeAll(async () => {
    await seedDemo(salur(), { persons: 1_500 });
    portalOf(salur(), { pollMs: 0 });
    // Demo accounts sign in with the published password only in demo mode (`salur serve --demo`).
    salur().access.demoMode = true;
    app = await buildServer(salur());
    for (const user of ["dinsos", "kabid.dinsos", "diskopukm", "operator.lolo", "kecamatan.kuaro", "bank"])
      sessions[user] = await signIn(app, user, DEMO_PASSWORD);
    // A DINSOS period with selected applicants that the demo did not publish yet.
    const [row] = await salur()
      .database.db.select({ id: periods.id })
      .from(enrollments)
      .innerJoin(periods, eq(periods.id, enrollments.periodId))
      .innerJoin(programs, eq(programs.id, enrollments.programId))
      .where(and(eq(enrollments.status, "selected"), eq(programs.code, "SEMBAKO-LANSIA")))
      .limit(1);
    periodId = row?.id as string;
  }, 600_000);

  const api = (user: string, method: "GET" | "POST", url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: (sessions[user] as Session).headers(method),
      ...(payload ? { payload } : {}),
    });

  it("publishes a sanggah list only with a second official: prepared by one, approved by another of the agency", async () => {
    const prepared = await api("dinsos", "POST", "/api/portal/publications", { periodId, kind: "sanggah" });
    expect(prepared.statusCode).toBe(201);
    const { id, sha256, entries } = prepared.json() as { id: string; sha256: string; entries: number };
    expect(entries).toBeGreaterThan(0);
    expect(portalOf(salur()).cache.get(id)).toBeUndefined();

    const self = await api("dinsos", "POST", `/api/portal/publications/${id}/approve`, { sha256 });
    expect([self.statusCode, self.json().code]).toEqual([403, "MAKER_CHECKER_CONFLICT"]);
    const otherAgency = await api("diskopukm", "POST", `/api/portal/publications/${id}/approve`, { sha256 });
    expect(otherAgency.statusCode).toBe(404);
    const wrongHash = await api("kabid.dinsos", "POST", `/api/portal/publications/${id}/approve`, {
      sha256: "0".repeat(64),
    });
    expect([wrongHash.statusCode, wrongHash.json().code]).toEqual([409, "PUBLICATION_HASH_MISMATCH"]);

    const approved = await api("kabid.dinsos", "POST", `/api/portal/publications/${id}/approve`, { sha256 });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().objectionEndsOn).toBe("2026-12-02");
    const statuses = await queryRows<{ status: string; n: number }>(
      salur().database.db,
      sql`select e.status, count(*)::int as n from portal_publication_entries pe join enrollments e on e.id = pe.enrollment_id where pe.publication_id = ${id} group by 1`,
    );
    expect(statuses).toEqual([{ status: "published", n: entries }]);
    const audit = await queryRows<{ action: string }>(
      salur().database.db,
      sql`select action from audit_entries where entity_id = ${id} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(["publication.prepare", "publication.approve"]);
    const again = await api("kabid.dinsos", "POST", `/api/portal/publications/${id}/approve`, { sha256 });
    expect(again.statusCode).toBe(409);
  });

  it("serves the published pages from memory: no database query, ETag answered with 304", async () => {
    const db = salur().database.db as unknown as Record<string, unknown>;
    const saved = { select: db.select, execute: db.execute, transaction: db.transaction };
    const fail = () => {
      throw new Error("a public page queried the database");
    };
    Object.assign(db, { select: fail, execute: fail, transaction: fail });
    try {
      const page = await app.inject({ url: "/publik/program/SEMBAKO-LANSIA" });
      expect(page.statusCode).toBe(200);
      expect(page.headers["cache-control"]).toMatch(/max-age=60/);
      const etag = String(page.headers.etag);
      const cached = await app.inject({
        url: "/publik/program/SEMBAKO-LANSIA",
        headers: { "if-none-match": etag },
      });
      expect(cached.statusCode).toBe(304);
      expect((await app.inject({ url: "/publik/data" })).statusCode).toBe(200);
    } finally {
      Object.assign(db, saved);
    }
  });

  it("supersedes a publication with a newer one and keeps the older one viewable with its date", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const p = (
        await api("dinsos", "POST", "/api/portal/publications", { periodId, kind: "statistics" })
      ).json();
      expect(
        (await api("kabid.dinsos", "POST", `/api/portal/publications/${p.id}/approve`, { sha256: p.sha256 }))
          .statusCode,
      ).toBe(200);
      ids.push(p.id);
    }
    const older = await app.inject({ url: `/publik/publikasi/${ids[0]}` });
    expect(older.statusCode).toBe(200);
    expect(older.body).toContain("sudah digantikan");
    expect(older.body).toContain(`/publik/publikasi/${ids[1]}`);
    const newer = await app.inject({ url: `/publik/publikasi/${ids[1]}` });
    expect(newer.body).not.toContain("sudah digantikan");
    const json = await app.inject({ url: `/publik/publikasi/${ids[0]}/snapshot.json` });
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(json.rawPayload).digest("hex")).toBe(json.headers["x-content-sha256"]);
  });

  it("takes a public objection without an account into the officials' queue, without the objector's contact and without removing anyone", async () => {
    const p = portalOf(salur())
      .cache.all()
      .find((x) => x.snapshot.kind === "sanggah" && x.snapshot.program.code === "SEMBAKO-LANSIA");
    const entry = p?.snapshot.entries[0];
    if (!p || !entry) throw new Error("no sanggah list");
    const formPage = await app.inject({ url: `/publik/sanggah/${p.id}/${entry.ref}` });
    expect(formPage.statusCode).toBe(200);
    const missing = await app.inject({
      method: "POST",
      url: `/publik/sanggah/${p.id}/${entry.ref}`,
      ...form({ alasan: "not_poor", penjelasan: "" }),
    });
    expect(missing.statusCode).toBe(422);
    const filed = await app.inject({
      method: "POST",
      url: `/publik/sanggah/${p.id}/${entry.ref}`,
      ...form({
        alasan: "not_resident",
        penjelasan: "Sudah pindah ke Balikpapan sejak tahun lalu.",
        kontak: "0812-9999-0000",
      }),
    });
    expect(filed.statusCode).toBe(201);

    const village = entry.villageCode;
    const list = await api("dinsos", "GET", "/api/portal/objections");
    expect(list.statusCode).toBe(200);
    const item = (
      list.json().items as { villageCode: string; reason: string; enrollmentStatus: string }[]
    ).find((o) => o.villageCode === village);
    expect(item?.reason).toBe("Sudah pindah ke Balikpapan sejak tahun lalu.");
    expect(item?.enrollmentStatus).toBe("published");
    expect(list.body).not.toContain("0812");
    const bank = await api("bank", "GET", "/api/portal/objections");
    expect(bank.statusCode).toBe(403);
    // Desa Lolo's operator sees only Lolo's objections.
    const lolo = (await api("operator.lolo", "GET", "/api/portal/objections")).json().items as {
      villageCode: string;
    }[];
    expect(lolo.every((o) => o.villageCode === "64.01.05.2002")).toBe(true);
  });

  it("lets an official decide an objection, upheld or dismissed, with a reason, once, audited; the next snapshot tells the public the outcome", async () => {
    const p = portalOf(salur())
      .cache.all()
      .find((x) => x.snapshot.kind === "sanggah" && x.snapshot.program.code === "SEMBAKO-LANSIA");
    const entry = p?.snapshot.entries[1];
    if (!p || !entry) throw new Error("no sanggah list");
    const filed = await app.inject({
      method: "POST",
      url: `/publik/sanggah/${p.id}/${entry.ref}`,
      ...form({ alasan: "not_poor", penjelasan: "Punya toko besar dan dua mobil di depan rumah." }),
    });
    expect(filed.statusCode).toBe(201);
    const open = (await api("dinsos", "GET", "/api/portal/objections?state=open")).json().items as {
      id: string;
      enrollmentId: string;
      villageCode: string;
    }[];
    expect(open.length).toBeGreaterThanOrEqual(2);
    const [first, second] = open as [(typeof open)[0], (typeof open)[0]];
    const decide = (user: string, id: string, body: object) =>
      api(user, "POST", `/api/portal/objections/${id}/decision`, body);

    expect((await decide("bank", first.id, { outcome: "upheld", reason: "Terbukti mampu" })).statusCode).toBe(
      403,
    );
    const short = await decide("dinsos", first.id, { outcome: "upheld", reason: "ya" });
    expect([short.statusCode, short.json().code]).toEqual([400, "VALIDATION_FAILED"]);
    if (first.villageCode !== "64.01.05.2002")
      expect(
        (await decide("operator.lolo", first.id, { outcome: "dismissed", reason: "Bukan wilayah saya" }))
          .statusCode,
      ).toBe(404);

    const upheld = await decide("dinsos", first.id, {
      outcome: "upheld",
      reason: "Diperiksa di lapangan: memang sudah pindah.",
    });
    expect(upheld.statusCode, upheld.body).toBe(200);
    expect(upheld.json()).toMatchObject({ state: "upheld", enrollmentStatus: "objection_upheld" });
    const twice = await decide("dinsos", first.id, {
      outcome: "dismissed",
      reason: "Diperiksa ulang oleh dinas.",
    });
    expect([twice.statusCode, twice.json().code]).toEqual([409, "OBJECTION_ALREADY_DECIDED"]);
    const dismissed = await decide("dinsos", second.id, {
      outcome: "dismissed",
      reason: "Diperiksa di lapangan: masih tinggal di desa.",
    });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
    expect(dismissed.json()).toMatchObject({ state: "dismissed", enrollmentStatus: "published" });

    const audit = await queryRows<{ entity_id: string; reason: string; after: unknown }>(
      salur().database.db,
      sql`select entity_id, reason, after from audit_entries where action = 'objection.decide' order by seq`,
    );
    expect(audit.map((a) => [a.entity_id, a.reason])).toEqual([
      [first.enrollmentId, "Diperiksa di lapangan: memang sudah pindah."],
      [second.enrollmentId, "Diperiksa di lapangan: masih tinggal di desa."],
    ]);
    const steps = await queryRows<{ action: string }>(
      salur().database.db,
      sql`select action from audit_entries where entity_id = ${first.enrollmentId} order by seq desc limit 2`,
    );
    expect(steps.map((s) => s.action)).toContain("objection.decide");

    // The public learns the outcome from the next publication, never from a live query.
    const prepared = await api("dinsos", "POST", "/api/portal/publications", {
      periodId,
      kind: "statistics",
    });
    expect(prepared.statusCode).toBe(201);
    const { id, sha256 } = prepared.json() as { id: string; sha256: string };
    expect(
      (await api("kabid.dinsos", "POST", `/api/portal/publications/${id}/approve`, { sha256 })).statusCode,
    ).toBe(200);
    const published = portalOf(salur()).cache.get(id);
    // One upheld and one dismissed are fewer than 5: withheld; none left open is no one to point at.
    expect(published?.snapshot.objections).toEqual({ upheld: null, dismissed: null, open: 0 });
    const page = await app.inject({ url: `/publik/program/${published?.snapshot.program.code}` });
    expect(page.body).toContain("Sanggahan masyarakat");
  });

  it("answers a self-check only with NIK and check code, the same page for an unknown NIK as for a wrong code, at most 5 tries a day", async () => {
    const [row] = await queryRows<{ id: string; nik_cipher: Uint8Array; nik_index: Uint8Array }>(
      salur().database.db,
      sql`select p.id, p.nik_cipher, p.nik_index from persons p join enrollments e on e.person_id = p.id where e.status = 'published' and p.nik_cipher is not null limit 1`,
    );
    if (!row) throw new Error("no published person");
    const nik = salur().vault.open("nik", row.nik_cipher, row.nik_index);
    const code = checkCodeOf(portalOf(salur()), row.id);
    const ask = (n: string, k: string, ip: string) =>
      app.inject({ method: "POST", url: "/publik/cek", remoteAddress: ip, ...form({ nik: n, kode: k }) });

    const right = await ask(nik, code.toLowerCase(), "10.0.0.1");
    expect(right.statusCode).toBe(200);
    expect(right.body).toContain("Diusulkan, masa sanggah");
    expect(right.body).not.toContain(nik);
    expect(right.headers["cache-control"]).toBe("no-store");

    const wrong = await ask(nik, "ZZZZ-ZZZZ", "10.0.0.2");
    const unknown = await ask("6401010101990001", "ZZZZ-ZZZZ", "10.0.0.3");
    expect(wrong.statusCode).toBe(unknown.statusCode);
    expect(wrong.body).toBe(unknown.body);

    // Three more tries under that NIK make five; the sixth is refused even with the right code.
    for (let i = 0; i < 3; i++) expect((await ask(nik, "ZZZZ-ZZZZ", `10.0.1.${i}`)).statusCode).toBe(200);
    const sixth = await ask(nik, code, "10.0.2.1");
    expect(sixth.statusCode).toBe(429);
  });

  it("hands the check code to the desa of the person only, and the full-name poster to officials in scope only", async () => {
    const [row] = await queryRows<{ id: string }>(
      salur().database.db,
      sql`select id from persons where village_code = '64.01.05.2002' limit 1`,
    );
    const lolo = await api("operator.lolo", "GET", `/api/portal/persons/${row?.id}/check-code`);
    expect(lolo.json().code).toBe(checkCodeOf(portalOf(salur()), row?.id as string));
    const [janju] = await queryRows<{ id: string }>(
      salur().database.db,
      sql`select id from persons where village_code = '64.01.04.2002' limit 1`,
    );
    expect(
      (await api("operator.lolo", "GET", `/api/portal/persons/${janju?.id}/check-code`)).statusCode,
    ).toBe(404);

    const p = portalOf(salur())
      .cache.all()
      .find((x) => x.snapshot.kind === "sanggah" && x.snapshot.program.agency === "Dinas Sosial");
    const village = p?.snapshot.entries[0]?.villageCode as string;
    const poster = await api("dinsos", "GET", `/api/portal/publications/${p?.id}/poster/${village}`);
    expect(poster.statusCode).toBe(200);
    expect(poster.body).toContain("<svg");
    const [full] = await queryRows<{ name: string }>(
      salur().database.db,
      sql`select p.name from portal_publication_entries pe join enrollments e on e.id = pe.enrollment_id join persons p on p.id = e.person_id where pe.publication_id = ${p?.id} and e.village_code = ${village} limit 1`,
    );
    expect(poster.body).toContain(full?.name);
  });
  it("hands a decreed recipient their inclusion proof after the self-check, and the offline script accepts it", async () => {
    const [row] = await queryRows<{
      id: string;
      nik_cipher: Uint8Array;
      nik_index: Uint8Array;
      root: string;
    }>(
      salur().database.db,
      sql`select p.id, p.nik_cipher, p.nik_index, d.merkle_root as root
          from decree_lines l join decrees d on d.id = l.decree_id
          join enrollments e on e.id = l.enrollment_id join persons p on p.id = e.person_id
          where d.status = 'approved' and p.nik_cipher is not null limit 1`,
    );
    if (!row) throw new Error("the demo decree lists no one");
    const nik = salur().vault.open("nik", row.nik_cipher, row.nik_index);
    const page = await app.inject({
      method: "POST",
      url: "/publik/cek",
      remoteAddress: "10.9.9.9",
      ...form({ nik, kode: checkCodeOf(portalOf(salur()), row.id) }),
    });
    expect(page.statusCode).toBe(200);
    const textarea = /<textarea id="bukti-0"[^>]*>([^<]*)<\/textarea>/.exec(page.body)?.[1];
    expect(textarea).toBeTruthy();
    const proof = (textarea as string)
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
    const dir = mkdtempSync(join(tmpdir(), "salur-proof-"));
    const file = join(dir, "bukti.json");
    writeFileSync(file, proof);
    const script = await app.inject({ url: "/publik/sk/verify-decree-proof.mjs" });
    writeFileSync(join(dir, "verify-decree-proof.mjs"), script.body);
    const check = (root: string, who: string) =>
      spawnSync(process.execPath, [join(dir, "verify-decree-proof.mjs"), file, root, who]).status;
    expect(check(row.root, nik)).toBe(0);
    expect(check(row.root, `${nik.slice(0, 15)}${(Number(nik[15]) + 1) % 10}`)).toBe(1);
    expect(check("0".repeat(64), nik)).toBe(1);
    rmSync(dir, { recursive: true, force: true });
  });
});
