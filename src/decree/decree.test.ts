import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { systemCaller } from "../access/actor.ts";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { rupiahInWords } from "../money/words.ts";
import { createAgency } from "../registry/service.ts";
import { applyTransitions } from "../workflow/service.ts";
import { type Applicant, type Scenario, setUpScenario, submittedApplicant } from "../workflow/testing.ts";
import { checkAnnexProof, sha256Hex } from "./annex.ts";
import { decreedRecipients, inclusionProof, ProvableAnnexes, proofsInForce } from "./read.ts";
import type { DecreeView } from "./schemas.ts";
import * as store from "./store.ts";

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "salur-sk-"));
  const file = join(dir, "sk.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
}

/** Applicants moved to "published" (the sanggah list) by the system, as the workflow would. */
async function published(scenario: Scenario, count: number): Promise<Applicant[]> {
  const applicants: Applicant[] = [];
  for (let i = 0; i < count; i++) applicants.push(await submittedApplicant(scenario));
  const system = systemCaller("test", "64.01");
  const db = scenario.salur.database.db;
  for (const action of ["verify", "validate", "select", "publish"] as const) {
    const outcomes = await db.transaction((tx) =>
      applyTransitions(scenario.salur.registry, tx, system, {
        action,
        items: applicants.map((a) => ({ id: a.enrollmentId, version: a.version })),
      }),
    );
    outcomes.forEach((o, i) => {
      (applicants[i] as Applicant).version = o.version;
    });
  }
  return applicants;
}

describeEachDatabase("decree", (salur) => {
  let app: FastifyInstance;
  let scenario: Scenario;
  let applicants: Applicant[];
  const sessions: Record<string, Session> = {};
  let first: DecreeView;
  let amendment: DecreeView;

  const call = (who: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
    app.inject({ method, url, headers: sessions[who]?.headers(method), ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    app = await buildServer(salur());
    scenario = await setUpScenario(salur());
    applicants = await published(scenario, 6);
    const s = salur();
    const other = await createAgency(s.registry, systemCaller("t", "64.01"), {
      code: `dinsos-${Date.now()}`,
      name: "Dinas Sosial",
    });
    const accounts = {
      manager: scenario.officers.manager.username,
      approver: scenario.officers.approver.username,
      colleague: (
        await createTestUser(s, { role: "program_manager", areaCode: "64.01", agencyId: scenario.agencyId })
      ).username,
      coordinator: (await createTestUser(s, { role: "coordinator", areaCode: "64.01" })).username,
      outsider: (await createTestUser(s, { role: "program_manager", areaCode: "64.01", agencyId: other.id }))
        .username,
    };
    for (const [who, username] of Object.entries(accounts)) sessions[who] = await signIn(app, username);
  });

  it("drafts from the period's published list: annex frozen, hashed and rooted at a signed checkpoint", async () => {
    const res = await call("manager", "POST", "/api/decrees", {
      periodId: scenario.umkm.periodId,
      sanggah: { opensOn: "2026-11-10", closesOn: "2026-11-30" },
    });
    expect(res.statusCode, res.body).toBe(200);
    first = res.json();
    expect(first).toMatchObject({ status: "draft", lineCount: 6, totalAmount: 7_200_000, number: null });
    expect(first.annexSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.checkpointId).toBeGreaterThan(0);
    const csv = await call("manager", "GET", `/api/decrees/${first.id}/annex.csv`);
    expect(sha256Hex(csv.body)).toBe(first.annexSha256);
    expect(csv.body).toContain("640105**********");
  });

  it("refuses another agency's program manager, the drafter checking their own draft, and a premature approval", async () => {
    expect(
      (await call("outsider", "POST", "/api/decrees", { periodId: scenario.umkm.periodId })).statusCode,
    ).toBe(404);
    expect((await call("outsider", "GET", `/api/decrees/${first.id}`)).statusCode).toBe(404);
    const own = await call("manager", "POST", `/api/decrees/${first.id}/check`, { version: 1 });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe("DECREE_CHECKER_IS_DRAFTER");
    expect(
      (await call("approver", "POST", `/api/decrees/${first.id}/approve`, { version: 1 })).json().code,
    ).toBe("DECREE_NOT_CHECKED");
    expect(
      (await call("colleague", "POST", `/api/decrees/${first.id}/check`, { version: 1 })).statusCode,
    ).toBe(200);
    const open = await call("approver", "POST", `/api/decrees/${first.id}/approve`, { version: 2 });
    expect(open.statusCode).toBe(409);
    expect(open.json().code).toBe("DECREE_SANGGAH_OPEN");
    expect(
      (await call("manager", "POST", `/api/decrees/${first.id}/approve`, { version: 2 })).statusCode,
    ).toBe(403);
  });

  it("approves once sanggah has closed: numbered, enrollments approved, a replayed approval changes nothing", async () => {
    await store.saveSanggah(salur().database.db, scenario.umkm.periodId, "2026-11-01", "2026-11-20");
    const res = await call("approver", "POST", `/api/decrees/${first.id}/approve`, { version: 2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().number).toBe("846/KEP-001/2026");
    const replay = await call("approver", "POST", `/api/decrees/${first.id}/approve`, { version: 2 });
    expect(replay.statusCode).toBe(409);
    const decreed = await decreedRecipients(salur().database.db, first.id);
    expect(decreed.decree.status).toBe("approved");
    expect(decreed.recipients.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
    const states = await store.enrollmentStates(
      salur().database.db,
      applicants.map((a) => a.enrollmentId),
    );
    expect(new Set(states.map((s) => s.status))).toEqual(new Set(["approved"]));
    first = (await call("manager", "GET", `/api/decrees/${first.id}`)).json();
  });

  it("prints the PDF with the totals in words and no NIK beyond the region; the archive copy is entitled and audited", async () => {
    const res = await call("approver", "GET", `/api/decrees/${first.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(sha256Hex(res.rawPayload)).toBe(first.pdfSha256);
    const text = pdfText(res.rawPayload).replace(/\s+/g, " ");
    expect(text).toContain("KEPUTUSAN BUPATI PASER");
    expect(text).toContain("NOMOR 846/KEP-001/2026");
    expect(text).toContain("Menimbang");
    expect(text).toContain("KESATU");
    expect(text).toContain(rupiahInWords(7_200_000));
    expect(text).toContain(first.annexSha256);
    expect(text).not.toMatch(/640105\d{10}/);
    expect((await call("approver", "GET", `/api/decrees/${first.id}/pdf?variant=archive`)).statusCode).toBe(
      403,
    );
    const archive = await call("manager", "GET", `/api/decrees/${first.id}/pdf?variant=archive`);
    expect(archive.statusCode).toBe(200);
    expect(pdfText(archive.rawPayload)).toMatch(/640105\d{10}/);
  });

  it("shows the decree in force on the public page, found by number or by the QR's id", async () => {
    const byNumber = await app.inject({ url: `/publik/sk?nomor=${encodeURIComponent("846/KEP-001/2026")}` });
    expect(byNumber.statusCode).toBe(303);
    const page = await app.inject({ url: byNumber.headers.location as string });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Berlaku");
    expect(page.body).toContain(first.merkleRoot);
    expect(page.body).not.toMatch(/640105/);
    expect((await app.inject({ url: "/publik/sk?nomor=846%2FKEP-999%2F2026" })).statusCode).toBe(404);
  });

  it("hands a recipient an inclusion proof that fails against another decree's root", async () => {
    const s = salur();
    const proof = await inclusionProof(s.database.db, first.id, applicants[0]?.enrollmentId ?? "", s.vault);
    expect(checkAnnexProof(proof, first.merkleRoot)).toBe(true);
    // The self-check's way (annexes kept between checks) hands out the same proof, loading the annex once.
    const annexes = new ProvableAnnexes();
    const ids = applicants.map((a) => a.enrollmentId);
    const kept = await proofsInForce(s.database.db, ids, s.vault, annexes);
    expect(kept.find((p) => p.line === proof.line)).toEqual(proof);
    expect(kept.every((p) => checkAnnexProof(p, first.merkleRoot))).toBe(true);
    const reads = vi.spyOn(store, "linesOf");
    expect(await proofsInForce(s.database.db, ids, s.vault, annexes)).toEqual(kept);
    expect(reads).not.toHaveBeenCalled();
    reads.mockRestore();
    const more = await published(scenario, 1);
    const draft = await call("manager", "POST", "/api/decrees", {
      periodId: scenario.umkm.periodId,
      amendsId: first.id,
    });
    expect(draft.statusCode, draft.body).toBe(200);
    amendment = draft.json();
    expect(checkAnnexProof(proof, amendment.merkleRoot)).toBe(false);
    const diff = (await call("manager", "GET", `/api/decrees/${amendment.id}/diff`)).json();
    expect(diff.added.map((l: { enrollmentId: string }) => l.enrollmentId)).toEqual([more[0]?.enrollmentId]);
    expect(diff).toMatchObject({ removed: [], changed: [], unchanged: 6, amendsNumber: "846/KEP-001/2026" });
  });

  it("approves the amendment, which supersedes the first decree and prints the difference", async () => {
    expect(
      (await call("coordinator", "POST", `/api/decrees/${amendment.id}/check`, { version: 1 })).statusCode,
    ).toBe(200);
    const res = await call("approver", "POST", `/api/decrees/${amendment.id}/approve`, { version: 2 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().number).toBe("846/KEP-002/2026");
    const old = (await call("manager", "GET", `/api/decrees/${first.id}`)).json();
    expect(old).toMatchObject({ status: "amended", supersededByNumber: "846/KEP-002/2026" });
    const page = await app.inject({ url: `/publik/sk/${first.id}` });
    expect(page.body).toContain("Diubah dengan SK 846/KEP-002/2026");
    const pdf = await call("manager", "GET", `/api/decrees/${amendment.id}/pdf`);
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, " ");
    expect(text).toContain("PERUBAHAN TERHADAP KEPUTUSAN NOMOR 846/KEP-001/2026");
    expect(text).toContain("Ditambahkan 1, dihapus 0, diubah 0, tetap 6");
  });

  it("records the signed PDF's hash once, beside the unsigned one", async () => {
    const signed = Buffer.from("%PDF-1.7\n% signed outside Salur\n");
    const put = (who: string) =>
      app.inject({
        method: "PUT",
        url: `/api/decrees/${amendment.id}/signed-pdf`,
        headers: { ...sessions[who]?.headers("PUT"), "content-type": "application/pdf" },
        payload: signed,
      });
    expect((await put("outsider")).statusCode).toBe(404);
    const res = await put("approver");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().signedPdfSha256).toBe(sha256Hex(signed));
    expect((await put("approver")).statusCode).toBe(409);
    const page = await app.inject({ url: `/publik/sk/${amendment.id}` });
    expect(page.body).toContain(sha256Hex(signed));
  });
});

describe("decree numbering pattern", () => {
  it("is refused without a sequence placeholder", async () => {
    const { isNumberPattern } = await import("./diff.ts");
    expect(isNumberPattern("846/KEP/2026")).toBe(false);
    expect(isNumberPattern("846/KEP-{NNN}/{YYYY}")).toBe(true);
  });
});
