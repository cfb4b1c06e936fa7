import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { paymentsOf, prepareBatches } from "../payments/index.ts";
import { paymentWorld } from "../payments/payments.fixture.ts";
import { enrollments, persons } from "../registry/schema.ts";
import { evaluateApplication, policyFor } from "../workflow/service.ts";
import * as workflowStore from "../workflow/store.ts";
import {
  type Applicant,
  JANJU,
  LOLO,
  newApplicant,
  type Scenario,
  setUpScenario,
} from "../workflow/testing.ts";
import {
  approveReview,
  type CivilRegistry,
  checkOnline,
  civilRegistryOf,
  createBatch,
  decideReview,
  exportBatch,
  httpVerifier,
  importResults,
  listReviews,
  personVerification,
  verificationStatistics,
} from "./index.ts";
import { civilRegistryResults, civilRegistryReviews, personVerifications } from "./schema.ts";

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, status: error.status };
    throw error;
  }
  return null;
};

/** The exported CSV as rows of cells (BOM, CRLF and the semicolon the office's Excel reads). */
function rowsOf(bytes: Buffer): string[][] {
  return bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter((l) => l !== "")
    .map((l) => l.split(";"));
}

const csv = (rows: string[][]) => Buffer.from(`${rows.map((r) => r.join(";")).join("\r\n")}\r\n`);

describeEachDatabase("civil registry verification", (salur) => {
  let cr: CivilRegistry;
  let s: Scenario;
  const who: Record<"padan" | "differs" | "absent" | "dead", Applicant> = {} as never;
  let recipient: { personId: string; enrollmentId: string; periodId: string; bankId: string };
  let world: Awaited<ReturnType<typeof paymentWorld>>;
  let batch: { id: string; code: string; rowCount: number };
  let exported: string[][];
  let resultRows: string[][];

  beforeAll(async () => {
    cr = civilRegistryOf(salur(), null);
    s = await setUpScenario(salur());
    const one = (name: string) => newApplicant(s, { name, program: "bst" });
    who.padan = await one("Rahmawati Padan");
    who.differs = await one("Siti Aminah");
    who.absent = await one("Yusuf Tidakada");
    who.dead = await one("Bahrun Almarhum");
    world = await paymentWorld(salur(), 3);
    const [first] = world.enrollmentIds;
    const [row] = await salur()
      .database.db.select({ personId: enrollments.personId })
      .from(enrollments)
      .where(eq(enrollments.id, first as string));
    recipient = {
      personId: row?.personId as string,
      enrollmentId: first as string,
      periodId: world.periodId,
      bankId: world.bankId,
    };
  });

  it("makes a batch of Desa Lolo with numbered lines, a code, a count and a hash", async () => {
    const made = await createBatch(cr, s.officers.operator.caller, { scope: "village", areaCode: LOLO });
    expect(made.code).toMatch(/^DKP-20261125-[A-Z2-9]{6}$/);
    expect(made.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [count] = await salur()
      .database.db.select({ n: sql<number>`count(*)::int` })
      .from(persons)
      .where(eq(persons.villageCode, LOLO));
    expect(made.rowCount).toBe(count?.n);
    batch = made;
  });

  it("exports the office's columns with full numbers for the operator, and audits the download", async () => {
    const file = await exportBatch(cr, s.officers.operator.caller, batch.id, { format: "csv" });
    exported = rowsOf(file.bytes);
    expect(exported[0]).toEqual([
      "KODE BATCH",
      "NO",
      "NIK",
      "NO KK",
      "NAMA",
      "TEMPAT LAHIR",
      "TGL LAHIR",
      "JK",
      "ALAMAT",
      "DESA",
      "KECAMATAN",
    ]);
    expect(exported).toHaveLength(batch.rowCount + 1);
    const siti = exported.find((r) => r[4] === "Siti Aminah");
    expect(siti?.[2]).toMatch(/^640105\d{10}$/);
    expect(siti?.[6]).toBe("14-03-1985");
    expect(siti?.slice(9)).toEqual(["Lolo", "Kuaro"]);
    const audit = await queryRows(
      salur().database.db,
      sql`select after from audit_entries where action = 'civil_registry.batch_export' and entity_id = ${batch.id}`,
    );
    expect(audit).toHaveLength(1);
    const xlsx = await exportBatch(cr, s.officers.kecamatan.caller, batch.id, {
      format: "xlsx",
      columns: [
        { header: "NIK", field: "nik" },
        { header: "NAMA", field: "name" },
      ],
    });
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe("PK");
  });

  it("refuses insiders: another desa's operator, and roles that do not verify", async () => {
    expect(
      await refusal(exportBatch(cr, s.officers.janjuOperator.caller, batch.id, { format: "csv" })),
    ).toEqual({
      code: "CIVIL_REGISTRY_BATCH_NOT_FOUND",
      status: 404,
    });
    expect(
      await refusal(createBatch(cr, s.officers.janjuOperator.caller, { scope: "village", areaCode: LOLO })),
    ).toEqual({
      code: "CIVIL_REGISTRY_AREA_OUTSIDE",
      status: 403,
    });
    for (const role of [s.officers.enumerator, s.officers.approver, s.officers.bank])
      expect(await refusal(exportBatch(cr, role.caller, batch.id, { format: "csv" }))).toEqual({
        code: "FORBIDDEN",
        status: 403,
      });
    expect(
      await refusal(
        importResults(cr, s.officers.janjuOperator.caller, batch.id, {
          fileName: "x.csv",
          bytes: csv([["NIK", "STATUS"]]),
        }),
      ),
    ).toEqual({ code: "CIVIL_REGISTRY_BATCH_NOT_FOUND", status: 404 });
  });

  it("imports the result: padan, tidak padan with the registry's name, not found by NIK, deceased; unmatched lines reported", async () => {
    const line = (name: string) => exported.find((r) => r[4] === name) as string[];
    const recipientLine = await salur()
      .database.db.select({ name: persons.name })
      .from(persons)
      .where(eq(persons.id, recipient.personId));
    const dead = line(recipientLine[0]?.name as string);
    resultRows = [
      ["KODE BATCH", "NO", "NIK", "NAMA", "STATUS", "NAMA DUKCAPIL"],
      [
        batch.code,
        line("Rahmawati Padan")[1] as string,
        line("Rahmawati Padan")[2] as string,
        "Rahmawati Padan",
        "PADAN",
        "",
      ],
      [
        batch.code,
        line("Siti Aminah")[1] as string,
        "",
        "Siti Aminah",
        "TIDAK PADAN",
        "SITI AMINAH BINTI UMAR",
      ],
      ["", "", line("Yusuf Tidakada")[2] as string, "Yusuf Tidakada", "DATA TIDAK DITEMUKAN", ""],
      [batch.code, line("Bahrun Almarhum")[1] as string, "", "Bahrun Almarhum", "MENINGGAL DUNIA", ""],
      [batch.code, dead[1] as string, dead[2] as string, dead[4] as string, "MENINGGAL", ""],
      [batch.code, "99999", "", "Tak Dikenal", "PADAN", ""],
    ];
    const result = await importResults(cr, s.officers.operator.caller, batch.id, {
      fileName: "hasil.csv",
      bytes: csv(resultRows),
    });
    expect(result.alreadyReceived).toBe(false);
    expect(result.summary).toMatchObject({
      applied: 5,
      unmatched: 1,
      reviews: 1,
      withdrawn: 2,
      byStatus: { padan: 1, tidak_padan: 1, not_found: 1, deceased: 2, moved: 0 },
      report: [{ row: 7, problem: "no_such_line" }],
    });
    expect(await personVerification(cr, s.officers.operator.caller, who.differs.personId)).toEqual({
      status: "tidak_padan",
      checkedOn: "2026-11-25",
      source: "batch",
      sourceRef: batch.code,
    });
    const dead1 = await workflowStore.loadApplication(salur().database.db, who.dead.enrollmentId);
    expect(dead1?.status).toBe("withdrawn");
    const dead2 = await workflowStore.loadApplication(salur().database.db, recipient.enrollmentId);
    expect(dead2?.status).toBe("withdrawn");
  });

  const state = async () => {
    const db = salur().database.db;
    const count = async (
      table: typeof civilRegistryResults | typeof civilRegistryReviews | typeof personVerifications,
    ) => (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n;
    return {
      results: await count(civilRegistryResults),
      reviews: await count(civilRegistryReviews),
      verifications: await db
        .select({
          personId: personVerifications.personId,
          status: personVerifications.status,
          ref: personVerifications.sourceRef,
        })
        .from(personVerifications)
        .orderBy(personVerifications.personId),
    };
  };

  it("changes nothing when the same file comes again, or shuffled", async () => {
    const before = await state();
    const replay = await importResults(cr, s.officers.kecamatan.caller, batch.id, {
      fileName: "lagi.csv",
      bytes: csv(resultRows),
    });
    expect(replay.alreadyReceived).toBe(true);
    const [header, ...body] = resultRows;
    const shuffled = await importResults(cr, s.officers.operator.caller, batch.id, {
      fileName: "acak.csv",
      bytes: csv([header as string[], ...body.reverse()]),
    });
    expect(shuffled.summary).toMatchObject({ applied: 0, unchanged: 5, unmatched: 1, withdrawn: 0 });
    expect(await state()).toEqual(before);
  });

  it("shows the name difference side by side; one decides, another approves, and the registry's edit applies it", async () => {
    const queue = await listReviews(cr, s.officers.operator.caller, {
      states: ["open"],
      limit: 25,
      offset: 0,
    });
    const item = queue.items.find((i) => i.person.id === who.differs.personId);
    expect(item).toMatchObject({
      field: "name",
      ours: "Siti Aminah",
      registry: "SITI AMINAH BINTI UMAR",
      status: "tidak_padan",
    });
    expect(
      (await listReviews(cr, s.officers.janjuOperator.caller, { states: ["open"], limit: 25, offset: 0 }))
        .items,
    ).toEqual([]);
    const id = item?.id as string;
    const decided = await decideReview(cr, s.officers.operator.caller, id, {
      decision: "accept_registry",
      reason: "Sesuai KTP-el yang diperlihatkan",
      version: item?.version as number,
    });
    expect(
      await refusal(approveReview(cr, s.officers.operator.caller, id, { version: decided.version })),
    ).toEqual({
      code: "MAKER_CHECKER_CONFLICT",
      status: 403,
    });
    expect(
      await refusal(approveReview(cr, s.officers.janjuOperator.caller, id, { version: decided.version })),
    ).toEqual({
      code: "CIVIL_REGISTRY_REVIEW_NOT_FOUND",
      status: 404,
    });
    const approved = await approveReview(cr, s.officers.operator2.caller, id, { version: decided.version });
    expect(approved.state).toBe("accepted");
    const [person] = await salur()
      .database.db.select()
      .from(persons)
      .where(eq(persons.id, who.differs.personId));
    expect(person?.name).toBe("SITI AMINAH BINTI UMAR");
    const audit = await queryRows(
      salur().database.db,
      sql`select reason from audit_entries where action = 'person.update' and entity_id = ${who.differs.personId}`,
    );
    expect(audit).toHaveLength(1);
  });

  it("keeps the withdrawn recipient out of a new payment batch", async () => {
    const [made] = await prepareBatches(paymentsOf(salur()), world.maker, {
      decreeId: recipient.periodId,
      bankAgencyId: recipient.bankId,
      claimDeadline: "2026-12-31",
      split: "none",
    });
    expect(made?.lineCount).toBe(2);
    const lines = await queryRows(
      salur().database.db,
      sql`select 1 from payment_lines where enrollment_id = ${recipient.enrollmentId}`,
    );
    expect(lines).toHaveLength(0);
  });

  it("lets an eligibility rule require 'NIK padan' and counts verifications per desa", async () => {
    const db = salur().database.db;
    const rule = {
      requiredDocuments: [],
      rules: [{ rule: "civil_registry_padan", withinMonths: 12 }],
    } as const;
    const verdict = async (a: Applicant) => {
      const app = await workflowStore.loadApplication(db, a.enrollmentId);
      if (!app) throw new Error("no application");
      await policyFor(db, app);
      return (await evaluateApplication(cr, db, app, { requiredDocuments: [], rules: [...rule.rules] }))
        .eligible;
    };
    expect(await verdict(who.padan)).toBe(true);
    expect(await verdict(who.absent)).toBe(false);
    const stats = await verificationStatistics(cr, s.officers.kecamatan.caller, "village");
    const lolo = stats.find((r) => r.code === LOLO);
    expect(lolo).toMatchObject({
      name: "Lolo",
      verified: 5,
      padan: 1,
      tidakPadan: 1,
      notFound: 1,
      deceased: 2,
    });
    expect(stats.some((r) => r.code === JANJU)).toBe(false);
    expect(await refusal(verificationStatistics(cr, s.officers.enumerator.caller, "village"))).toEqual({
      code: "FORBIDDEN",
      status: 403,
    });
  });

  it("is off by default, and records the answer with its source when configured", async () => {
    const a = await newApplicant(s, { name: "Daring Satu", program: "bst" });
    const off = civilRegistryOf(salur());
    expect(await refusal(checkOnline(off, s.officers.operator.caller, a.personId))).toEqual({
      code: "CIVIL_REGISTRY_ONLINE_OFF",
      status: 409,
    });
    const deceasedService = {
      verify: async () => ({ status: "deceased" as const, values: {}, requestId: "R-9" }),
    };
    const on = civilRegistryOf(salur(), deceasedService);
    expect(await refusal(checkOnline(on, s.officers.janjuOperator.caller, a.personId))).toMatchObject({
      status: 404,
    });
    const answer = await checkOnline(on, s.officers.operator.caller, a.personId);
    expect(answer).toMatchObject({ status: "deceased", withdrawn: 1 });
    expect(await personVerification(on, s.officers.operator.caller, a.personId)).toMatchObject({
      status: "deceased",
      source: "online",
      sourceRef: "R-9",
    });
  });
});

describe("the online verification adapter", () => {
  let server: Server;
  let url: string;
  const seen: { auth: string | undefined; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        seen.push({ auth: req.headers.authorization, body });
        const { nik } = JSON.parse(body) as { nik: string };
        if (req.headers.authorization !== `Basic ${Buffer.from("salur:rahasia").toString("base64")}`) {
          res.writeHead(401).end();
          return;
        }
        res.writeHead(200, { "content-type": "application/json" });
        const answers: Record<string, object> = {
          "6401054101850001": { status: "PADAN", request_id: "R-1" },
          "6401054101850002": { status: "TIDAK PADAN", request_id: "R-2", nama: "SITI  AMINAH", jk: "P" },
          "6401054101850003": { status: "MENINGGAL", request_id: "R-3" },
        };
        res.end(JSON.stringify(answers[nik] ?? { status: "bukan status", request_id: "R-x" }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/verifikasi`;
    return () => new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const settings = () => ({ url, user: "salur", password: "rahasia", timeoutMs: 2000 });

  it("sends one NIK with the credentials and reads the answer", async () => {
    const verifier = httpVerifier(settings());
    expect(await verifier.verify("6401054101850001")).toEqual({
      status: "padan",
      values: {},
      requestId: "R-1",
    });
    expect(await verifier.verify("6401054101850002")).toEqual({
      status: "tidak_padan",
      values: { name: "SITI AMINAH", sex: "P" },
      requestId: "R-2",
    });
    expect(seen[0]?.body).toBe('{"nik":"6401054101850001"}');
  });

  it("turns refused credentials, a garbled answer and a dead service into coded errors", async () => {
    expect(
      await refusal(httpVerifier({ ...settings(), password: "salah" }).verify("6401054101850001")),
    ).toEqual({
      code: "CIVIL_REGISTRY_ONLINE_REFUSED",
      status: 502,
    });
    expect(await refusal(httpVerifier(settings()).verify("6401054101850009"))).toEqual({
      code: "CIVIL_REGISTRY_ONLINE_UNAVAILABLE",
      status: 502,
    });
    expect(
      await refusal(httpVerifier({ ...settings(), url: "http://127.0.0.1:9/x" }).verify("6401054101850001")),
    ).toEqual({
      code: "CIVIL_REGISTRY_ONLINE_UNAVAILABLE",
      status: 502,
    });
  });
});
