import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../access/actor.ts";
import { JANJU, KUARO, LOLO } from "../access/matrix.ts";
import type { Role } from "../access/roles.ts";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { entriesOf } from "../audit/index.ts";
import { auditEntries } from "../audit/schema.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { jpegWithMetadata, SECRET } from "../documents/test-images.ts";
import { buildServer } from "../http/server.ts";
import { codeOnPage, multipartForm } from "./complaints.fixture.ts";
import { complaintsOf } from "./routes.ts";
import { openComplaint, runEscalations } from "./service.ts";
import { DEFAULT_SLA, slaClock } from "./sla.ts";

describeEachDatabase("complaints", (salur) => {
  let app: FastifyInstance;
  const sessions = new Map<string, Session>();
  const accounts: [string, Role, string, string?][] = [
    ["operator.lolo", "village_operator", LOLO],
    ["pendata.lolo", "enumerator", LOLO],
    ["rt.lolo.003", "rt", LOLO, "003"],
    ["kecamatan.kuaro", "kecamatan_officer", KUARO],
    ["koordinator", "coordinator", "64.01"],
    ["inspektorat", "auditor", "64.01"],
    ["operator.janju", "village_operator", JANJU],
    ["admin", "admin", "64.01"],
  ];
  const as = (name: string) => sessions.get(name) as Session;

  beforeAll(async () => {
    app = await buildServer(salur());
    for (const [name, role, areaCode, rt] of accounts) {
      const user = await createTestUser(salur(), { role, areaCode, rt: rt ?? null });
      sessions.set(name, await signIn(app, user.username));
    }
  });

  async function file(fields: Record<string, string>, photo = false) {
    const form = multipartForm(
      fields,
      photo ? [{ name: "photos", filename: "bukti.jpg", type: "image/jpeg", bytes: jpegWithMetadata() }] : [],
    );
    return app.inject({ method: "POST", url: "/publik/pengaduan", ...form });
  }
  const api = (who: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    app.inject({ method, url, headers: as(who).headers(method), ...(payload ? { payload } : {}) });

  it("serves the public form without script and files a complaint with a photo, stripped of its metadata", async () => {
    const form = await app.inject({ method: "GET", url: "/publik/pengaduan" });
    expect(form.statusCode).toBe(200);
    expect(form.body).not.toContain("<script");
    expect(form.body).toContain('enctype="multipart/form-data"');
    const res = await file(
      {
        category: "payment_less",
        villageCode: LOLO,
        description: "BLT bulan Oktober hanya diterima Rp250.000, seharusnya Rp300.000.",
        name: "Siti Aminah",
        phone: "0812 5555 0101",
      },
      true,
    );
    expect(res.statusCode).toBe(201);
    const code = codeOnPage(res.body);
    const status = await app.inject({ method: "GET", url: `/publik/pengaduan/${code.toLowerCase()}` });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain("Diterima");
    expect(status.body).not.toContain("Siti");
    expect(status.body).not.toContain("0812");

    const queue = await api("operator.lolo", "GET", "/api/complaints");
    const item = queue.json().items.find((i: { code: string }) => i.code === code);
    expect(item).toMatchObject({ stage: "new", level: "village", colour: "on_track", handling: true });
    const detail = (await api("operator.lolo", "GET", `/api/complaints/${item.id}`)).json();
    expect(JSON.stringify(detail)).not.toContain("Siti");
    expect(detail.photos).toHaveLength(1);
    const photo = await api(
      "operator.lolo",
      "GET",
      `/api/complaints/${item.id}/photos/${detail.photos[0].id}`,
    );
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.includes(Buffer.from(SECRET))).toBe(false);
    expect(jpegWithMetadata().includes(Buffer.from(SECRET))).toBe(true);
  });

  it("answers a duplicate with the first code and refuses a phone past its daily limit", async () => {
    const fields = {
      category: "information",
      villageCode: LOLO,
      anonymous: "on",
      description: "Kapan pencairan PKH tahap empat?",
    };
    const first = codeOnPage((await file(fields)).body);
    const again = await file({ ...fields, description: "  kapan pencairan PKH   tahap empat? " });
    expect(again.statusCode).toBe(200);
    expect(codeOnPage(again.body)).toBe(first);

    const phone = "+62 813 4444 0000";
    for (let i = 0; i < 5; i++) {
      const res = await file({
        category: "other",
        villageCode: LOLO,
        description: `Pertanyaan nomor ${i} tentang bansos`,
        name: "Budi",
        phone,
      });
      expect(res.statusCode).toBe(201);
    }
    const sixth = await file({
      category: "other",
      villageCode: LOLO,
      description: "Pertanyaan keenam tentang bansos",
      name: "Budi",
      phone: "0813-4444-0000",
    });
    expect(sixth.statusCode).toBe(429);
    expect(sixth.body).toContain("sudah mengirim 5 pengaduan");
  });

  it("refuses an ordinary complaint without a desa and a bad tracking code, in the visitor's language", async () => {
    const res = await file({
      category: "payment_not_received",
      description: "Belum menerima bantuan sama sekali.",
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain("Pilih desa");
    const bad = await app.inject({ method: "GET", url: "/publik/pengaduan/status?kode=ABCDE-FGHJK&lang=en" });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain("tracking code is not valid");
  });

  it("routes an anonymous deduction complaint from Lolo to the Inspektorat only", async () => {
    const res = await file({
      category: "deduction",
      villageCode: LOLO,
      anonymous: "on",
      description: "Setiap penerima di RT 003 dipotong Rp50.000 oleh petugas saat pencairan.",
    });
    expect(res.statusCode).toBe(201);
    const code = codeOnPage(res.body);
    const seen = await api("inspektorat", "GET", "/api/complaints?category=deduction");
    const item = seen.json().items.find((i: { code: string }) => i.code === code);
    expect(item).toMatchObject({ sensitive: true, level: "inspektorat", handling: true });
    for (const who of ["operator.lolo", "pendata.lolo", "rt.lolo.003", "kecamatan.kuaro", "koordinator"]) {
      const list = await api(who, "GET", "/api/complaints");
      if (list.statusCode === 200)
        expect(list.json().items.map((i: { code: string }) => i.code)).not.toContain(code);
      else expect(list.statusCode).toBe(403);
      expect([403, 404]).toContain((await api(who, "GET", `/api/complaints/${item.id}`)).statusCode);
      const step = await api(who, "POST", `/api/complaints/${item.id}/steps`, {
        action: "acknowledge",
        version: 1,
      });
      expect([403, 404]).toContain(step.statusCode);
    }
    // The audit trail of the desa does not list it either.
    const trail = await api("inspektorat", "GET", `/api/audit/entries?entity=complaint`);
    expect(trail.statusCode).toBe(200);
    const ack = await api("inspektorat", "POST", `/api/complaints/${item.id}/steps`, {
      action: "acknowledge",
      version: 1,
    });
    expect(ack.json()).toMatchObject({ stage: "acknowledged", level: "inspektorat" });
  });

  it("walks the lifecycle with reasons, shows each stage publicly and audits every step", async () => {
    const code = codeOnPage(
      (
        await file({
          category: "payment_not_collected",
          villageCode: LOLO,
          description: "Kartu tidak bisa dipakai di agen BRILink.",
          name: "Rahmat",
          phone: "081255550202",
        })
      ).body,
    );
    const id = (await api("operator.lolo", "GET", "/api/complaints"))
      .json()
      .items.find((i: { code: string }) => i.code === code).id;
    const step = async (action: string, version: number, extra: object = {}) => {
      const res = await api("operator.lolo", "POST", `/api/complaints/${id}/steps`, {
        action,
        version,
        ...extra,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().version as number;
    };
    let v = await step("acknowledge", 1);
    const refused = await api("operator.lolo", "POST", `/api/complaints/${id}/steps`, {
      action: "resolve",
      version: v,
      publicReply: "x",
    });
    expect(refused.json().code).toBe("COMPLAINT_REASON_REQUIRED");
    v = await step("ask", v, { publicReply: "Di agen mana Anda mencoba mencairkan?" });
    // While the complainant is asked, the SLA clock stands still and no deadline is shown.
    const waiting = (await api("operator.lolo", "GET", `/api/complaints/${id}`)).json();
    expect(waiting).toMatchObject({ stage: "waiting", slaPaused: true, dueAt: null });
    let page = (await app.inject({ method: "GET", url: `/publik/pengaduan/${code}` })).body;
    expect(page).toContain("Menunggu jawaban pelapor");
    expect(page).toContain("Di agen mana Anda mencoba mencairkan?");
    const answer = await app.inject({
      method: "POST",
      url: `/publik/pengaduan/${code}/jawab`,
      ...multipartForm({ answer: "Agen BRILink Pasar Kuaro" }),
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain("Sedang ditangani");
    const current = (await api("operator.lolo", "GET", `/api/complaints/${id}`)).json();
    expect(current).toMatchObject({ slaPaused: false });
    expect(current.dueAt).not.toBeNull();
    v = await step("resolve", current.version, {
      reason: "Kartu diganti bank",
      publicReply: "Kartu baru sudah bisa dipakai.",
    });
    page = (await app.inject({ method: "GET", url: `/publik/pengaduan/${code}` })).body;
    expect(page).toContain("Selesai");
    expect(page).toContain("Kartu baru sudah bisa dipakai.");
    expect(page).not.toContain("Kartu diganti bank");
    const entries = await entriesOf(salur().database.db, [{ entity: "complaint", ids: [id] }]);
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "complaint.receive",
        "complaint.acknowledge",
        "complaint.ask",
        "complaint.answer",
        "complaint.resolve",
      ]),
    );
    expect(entries.find((e) => e.action === "complaint.resolve")?.reason).toBe("Kartu diganti bank");
  });

  it("opens the sealed identity for the handling unit only, with a reason, and audits each read", async () => {
    const code = codeOnPage(
      (
        await file({
          category: "data_correction",
          villageCode: LOLO,
          description: "Nama saya salah ketik di daftar penerima.",
          name: "Dewi Lestari",
          phone: "081255550303",
        })
      ).body,
    );
    const id = (await api("operator.lolo", "GET", "/api/complaints"))
      .json()
      .items.find((i: { code: string }) => i.code === code).id;
    const row = await salur().database.db.execute(
      `select name_cipher, phone_cipher from complaints where id = '${id}'` as never,
    );
    expect(JSON.stringify(row)).not.toContain("Dewi");
    expect((await api("operator.lolo", "POST", `/api/complaints/${id}/identity`, {})).json().code).toBe(
      "COMPLAINT_REASON_REQUIRED",
    );
    const read = await api("operator.lolo", "POST", `/api/complaints/${id}/identity`, {
      reason: "Menelepon untuk verifikasi",
    });
    expect(read.json()).toEqual({ anonymous: false, name: "Dewi Lestari", phone: "081255550303" });
    expect(
      (await api("inspektorat", "POST", `/api/complaints/${id}/identity`, { reason: "ingin tahu" }))
        .statusCode,
    ).toBe(403);
    expect(
      (await api("operator.janju", "POST", `/api/complaints/${id}/identity`, { reason: "x" })).statusCode,
    ).toBe(404);
    const entries = await entriesOf(salur().database.db, [{ entity: "complaint", ids: [id] }]);
    const reads = entries.filter((e) => e.action === "complaint.identity_read");
    expect(reads).toHaveLength(1);
    expect(reads[0]?.reason).toBe("Menelepon untuk verifikasi");
  });

  it("takes a walk-in complaint from an officer and lets other capabilities open one in their transaction", async () => {
    const walkIn = await api("operator.lolo", "POST", "/api/complaints", {
      category: "not_registered",
      channel: "walk_in",
      villageCode: LOLO,
      description: "Keluarga lansia tidak pernah didata padahal tidak mampu.",
      anonymous: false,
      name: "Pak Usman",
      phone: "081255550404",
      identityConsent: true,
    });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    const elsewhere = await api("operator.lolo", "POST", "/api/complaints", {
      category: "other",
      channel: "phone",
      villageCode: JANJU,
      description: "Pengaduan untuk desa lain yang bukan wilayahnya.",
      anonymous: true,
    });
    expect(elsewhere.statusCode).toBe(403);
    const c = complaintsOf(salur());
    const opened = await salur().database.db.transaction((tx) =>
      openComplaint(c, tx, systemCaller("receipts", "64.01"), {
        category: "deduction",
        channel: "system",
        villageCode: LOLO,
        description: "Penerima melaporkan menerima Rp250.000 dari Rp300.000 (konfirmasi penerimaan).",
        anonymous: true,
      }),
    );
    expect(opened).toMatchObject({ duplicate: false, stage: "new" });
  });
  it("lets the admin change the SLA clock with a reason, audited, in force for the next deadline; nobody else", async () => {
    const before = await api("admin", "GET", "/api/complaints/settings");
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toMatchObject({ acknowledgeDays: 2, escalateAtPercent: 75, version: 0 });
    const body = {
      acknowledgeDays: 3,
      triageDays: 3,
      resolvePaymentDays: 10,
      resolveOtherDays: 20,
      escalateAtPercent: 50,
      version: 0,
      reason: "Perbup 12/2026 tentang pengaduan",
    };
    expect((await api("operator.lolo", "PUT", "/api/complaints/settings", body)).statusCode).toBe(403);
    expect((await api("koordinator", "GET", "/api/complaints/settings")).statusCode).toBe(403);
    const { reason: _, ...withoutReason } = body;
    expect((await api("admin", "PUT", "/api/complaints/settings", withoutReason)).statusCode).toBe(400);
    const saved = await api("admin", "PUT", "/api/complaints/settings", body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      acknowledgeDays: 3,
      resolvePaymentDays: 10,
      escalateAtPercent: 50,
      version: 1,
    });
    const stale = await api("admin", "PUT", "/api/complaints/settings", body);
    expect([stale.statusCode, stale.json().code]).toEqual([409, "COMPLAINT_SETTINGS_CONFLICT"]);

    // In force at once: a complaint filed now is due to be acknowledged 3 working days after its clock starts.
    const c = complaintsOf(salur());
    expect(c.settings.sla).toMatchObject({ acknowledgeDays: 3, escalateAt: 0.5 });
    const now = c.clock();
    const opened = await salur().database.db.transaction((tx) =>
      openComplaint(c, tx, null, {
        category: "information",
        channel: "web",
        villageCode: LOLO,
        description: "Kapan pendaftaran tahap berikutnya dibuka di desa kami?",
        anonymous: true,
      }),
    );
    const detail = (await api("operator.lolo", "GET", `/api/complaints/${opened.id}`)).json();
    expect(detail.dueAt).toBe(
      slaClock("acknowledge", "information", now, c.settings.sla).dueAt.toISOString(),
    );
    expect(detail.dueAt).not.toBe(
      slaClock("acknowledge", "information", now, DEFAULT_SLA).dueAt.toISOString(),
    );

    const audit = await salur()
      .database.db.select()
      .from(auditEntries)
      .where(eq(auditEntries.action, "complaint.settings_update"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      reason: "Perbup 12/2026 tentang pengaduan",
      before: { acknowledgeDays: 2, escalateAtPercent: 75 },
      after: { acknowledgeDays: 3, escalateAtPercent: 50 },
    });

    // Back to the defaults for the rest of the suite.
    const restored = await api("admin", "PUT", "/api/complaints/settings", {
      ...body,
      acknowledgeDays: 2,
      resolvePaymentDays: 14,
      escalateAtPercent: 75,
      version: 1,
      reason: "Kembali ke bawaan",
    });
    expect(restored.statusCode).toBe(200);
  });
});

describe("automatic escalation with a moved clock", () => {
  describeEachDatabase("complaint escalation", (salur) => {
    it("escalates a desa complaint to the kecamatan at 75 % of the acknowledgement time, once", async () => {
      let now = new Date("2026-08-13T07:00:00Z"); // Thursday 15:00 WITA; Monday 17 Aug is a holiday
      const c = { ...complaintsOf(salur()), clock: () => now };
      const opened = await salur().database.db.transaction((tx) =>
        openComplaint(c, tx, null, {
          category: "payment_less",
          channel: "web",
          villageCode: LOLO,
          description: "Diterima kurang dari SK, eskalasi uji.",
          anonymous: true,
        }),
      );
      const levelOf = async () =>
        (
          (await salur().database.db.execute(
            `select level, escalated_for from complaints where id = '${opened.id}'` as never,
          )) as unknown as {
            rows: { level: string; escalated_for: string[] }[];
          }
        ).rows[0];
      now = new Date("2026-08-18T03:59:00Z");
      await runEscalations(c, now);
      expect((await levelOf())?.level).toBe("village");
      now = new Date("2026-08-18T04:00:00Z");
      const report = await runEscalations(c, now);
      expect(report.escalated).toBeGreaterThanOrEqual(1);
      expect(await levelOf()).toMatchObject({ level: "district", escalated_for: ["acknowledge"] });
      await runEscalations(c, new Date("2026-08-19T00:00:00Z"));
      expect((await levelOf())?.level).toBe("district");
    });
  });
});

describeEachDatabase("complaint statistics", (salur) => {
  it("counts exactly for officials and suppresses counts under 5 on the public page", async () => {
    const c = complaintsOf(salur());
    for (let i = 0; i < 7; i++) {
      await salur().database.db.transaction((tx) =>
        openComplaint(c, tx, null, {
          category: i < 6 ? "payment_not_received" : "staff_conduct",
          channel: "web",
          villageCode: LOLO,
          description: `Statistik uji nomor ${i}: bantuan belum diterima.`,
          anonymous: true,
        }),
      );
    }
    const app = await buildServer(salur());
    // Nothing public until an official publishes: the page never counts live.
    const before = await app.inject({ method: "GET", url: "/publik/pengaduan/statistik" });
    expect(before.body).toContain("belum diterbitkan");
    const coordinator = await createTestUser(salur(), { role: "coordinator", areaCode: "64.01", rt: null });
    const session = await signIn(app, coordinator.username);
    const operator = await createTestUser(salur(), { role: "village_operator", areaCode: LOLO, rt: null });
    const refused = await app.inject({
      method: "POST",
      url: "/api/complaints/statistics/publish",
      headers: (await signIn(app, operator.username)).headers("POST"),
    });
    expect(refused.statusCode).toBe(403);
    const published = await app.inject({
      method: "POST",
      url: "/api/complaints/statistics/publish",
      headers: session.headers("POST"),
    });
    expect(published.statusCode, published.body).toBe(201);
    const { sha256 } = published.json() as { sha256: string };
    // A complaint filed after publishing changes nothing public until the next publication.
    await salur().database.db.transaction((tx) =>
      openComplaint(c, tx, null, {
        category: "payment_not_received",
        channel: "web",
        villageCode: LOLO,
        description: "Statistik uji setelah terbit: bantuan belum diterima.",
        anonymous: true,
      }),
    );
    const page = await app.inject({ method: "GET", url: "/publik/pengaduan/statistik" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(sha256);
    const etag = page.headers.etag as string;
    expect(
      (
        await app.inject({
          method: "GET",
          url: "/publik/pengaduan/statistik",
          headers: { "if-none-match": etag },
        })
      ).statusCode,
    ).toBe(304);
    expect(page.body).toMatch(/Bantuan belum diterima<\/td><td class="n">6</);
    expect(page.body).toMatch(/Perilaku petugas<\/td><td class="n">&lt; 5</);
    expect(page.body).not.toContain("Lolo");
    const { complaintStatistics } = await import("./queries.ts");
    const official = await salur().database.db.transaction((tx) =>
      complaintStatistics(c, tx, {
        kind: "user",
        userId: null,
        username: "operator",
        name: "operator",
        role: "village_operator",
        area: { level: "village", code: LOLO, rt: null },
        agencyId: null,
        scopes: null,
        tokenId: null,
      }),
    );
    // Officials count live (7 with the one filed after publishing); the public page still shows the published 6.
    expect(official.byCategory).toEqual([{ key: "payment_not_received", count: 7 }]);
    await app.close();
  });
});
