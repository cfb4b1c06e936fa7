import { createHash, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { type Session, signIn } from "../access/testing.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { MAX_DOCUMENT_BYTES } from "../documents/service.ts";
import { CANVAS_JPEG, CANVAS_PNG, jpegWithMetadata, SECRET } from "../documents/test-images.ts";
import { buildServer } from "../http/server.ts";
import { kuaroKk, kuaroNik, LOLO, newApplicant, type Scenario, setUpScenario } from "../workflow/testing.ts";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describeEachDatabase("field registration and documents API", (salur) => {
  let app: FastifyInstance;
  let s: Scenario;
  const sessions: Record<"enumerator" | "operator" | "operator2" | "janjuOperator" | "manager", Session> =
    {} as never;

  beforeAll(async () => {
    app = await buildServer(salur());
    s = await setUpScenario(salur());
    for (const name of Object.keys(s.officers) as (keyof Scenario["officers"])[]) {
      if (name in { enumerator: 1, operator: 1, operator2: 1, janjuOperator: 1, manager: 1 }) {
        sessions[name as keyof typeof sessions] = await signIn(app, s.officers[name].username);
      }
    }
  });

  const send = (
    who: keyof typeof sessions,
    method: "GET" | "POST" | "PUT" | "PATCH",
    url: string,
    payload?: unknown,
    extra: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      headers: { ...sessions[who].headers(method), ...extra },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const photo = (who: keyof typeof sessions, url: string, bytes: Uint8Array, type = "image/jpeg") =>
    app.inject({
      method: url.includes("/registrations/") ? "PUT" : "POST",
      url,
      headers: { ...sessions[who].headers("POST"), "content-type": type },
      payload: Buffer.from(bytes),
    });

  const newPerson = (overrides: Record<string, unknown> = {}) => ({
    nik: kuaroNik("1979-08-17", "P"),
    kk: kuaroKk(),
    name: "Sumiati",
    sex: "P",
    birthDate: "1979-08-17",
    villageCode: LOLO,
    rt: "3",
    employment: "informal_trader",
    ...overrides,
  });
  const submission = (overrides: Record<string, unknown> = {}) => ({
    capturedAt: "2026-11-24T09:15:00+08:00",
    periodId: s.umkm.periodId,
    applicant: { kind: "new", person: newPerson() },
    business: { name: "Warung Sumiati", sector: "food" },
    appearedInPerson: true,
    documents: ["ktp", "kk", "sku"],
    ...overrides,
  });
  const stagePapers = async (id: string, kinds = ["ktp", "kk", "sku"]) => {
    for (const kind of kinds) {
      const res = await photo("enumerator", `/api/registrations/${id}/documents/${kind}`, jpegWithMetadata());
      expect(res.statusCode, res.body).toBe(200);
    }
  };
  const count = async (table: string, where = sql`true`) => {
    const [row] = await queryRows<{ n: number }>(
      salur().database.db,
      sql`select count(*)::int as n from ${sql.raw(table)} where ${where}`,
    );
    return row?.n ?? 0;
  };

  describe("an offline queue synced when the signal returns", () => {
    it("applies a submission with its photos once, submitted for verification, and answers a resend the same way", async () => {
      const id = randomUUID();
      await stagePapers(id);
      const body = submission();
      const first = await send("enumerator", "PUT", `/api/registrations/${id}`, body);
      expect(first.statusCode, first.body).toBe(201);
      const applied = first.json();
      expect(applied).toMatchObject({
        submissionId: id,
        replayed: false,
        applicationStatus: "submitted",
        submitted: true,
        blocked: null,
      });
      expect(applied.eligibility.eligible).toBe(true);
      const before = {
        persons: await count("persons"),
        enrollments: await count("enrollments"),
        audit: await count("audit_entries"),
      };
      for (let i = 0; i < 3; i++) {
        const again = await send("enumerator", "PUT", `/api/registrations/${id}`, body);
        expect(again.statusCode).toBe(200);
        expect(again.json()).toMatchObject({ ...applied, replayed: true, eligibility: applied.eligibility });
      }
      expect({
        persons: await count("persons"),
        enrollments: await count("enrollments"),
        audit: await count("audit_entries"),
      }).toEqual(before);
      // The photos are on the application now; a late resend of one cannot change them.
      const late = await photo(
        "enumerator",
        `/api/registrations/${id}/documents/ktp`,
        CANVAS_PNG,
        "image/png",
      );
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe("SUBMISSION_ALREADY_APPLIED");
      const checklist = await send("operator", "GET", `/api/enrollments/${applied.enrollmentId}/documents`);
      expect(checklist.json()).toMatchObject({ required: ["ktp", "kk", "sku"], missing: [] });
    });

    it("applies one of several simultaneous sends of the same submission and replays the others", async () => {
      const id = randomUUID();
      await stagePapers(id);
      const body = submission({ applicant: { kind: "new", person: newPerson({ name: "Rahmawati" }) } });
      const answers = await Promise.all(
        Array.from({ length: 4 }, () => send("enumerator", "PUT", `/api/registrations/${id}`, body)),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 201]);
      expect(new Set(answers.map((a) => a.json().enrollmentId)).size).toBe(1);
      expect(await count("registrations", sql`submission_id = ${id}`)).toBe(1);
    });

    it("refuses the same submission id with different data", async () => {
      const id = randomUUID();
      await stagePapers(id);
      const body = submission({ applicant: { kind: "new", person: newPerson({ name: "Ngatini" }) } });
      expect((await send("enumerator", "PUT", `/api/registrations/${id}`, body)).statusCode).toBe(201);
      const other = await send("enumerator", "PUT", `/api/registrations/${id}`, {
        ...body,
        appearedInPerson: false,
        presenter: { name: "X", relation: "other" },
      });
      expect(other.statusCode).toBe(409);
      expect(other.json().code).toBe("SUBMISSION_ID_REUSED");
    });

    it("refuses a submission whose photos did not all arrive, writing nothing, and accepts it once they have", async () => {
      const id = randomUUID();
      await stagePapers(id, ["ktp"]);
      const body = submission({ applicant: { kind: "new", person: newPerson({ name: "Paini" }) } });
      const persons = await count("persons");
      const res = await send("enumerator", "PUT", `/api/registrations/${id}`, body, {
        "accept-language": "en",
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0]).toMatchObject({
        field: "documents",
        code: "STAGED_DOCUMENT_MISSING",
        params: { kinds: "kk, sku" },
      });
      expect(await count("persons")).toBe(persons);
      await stagePapers(id, ["kk", "sku"]);
      expect((await send("enumerator", "PUT", `/api/registrations/${id}`, body)).statusCode).toBe(201);
    });

    it("keeps an ineligible applicant as a draft and says which rule failed, in Indonesian and in English", async () => {
      const id = randomUUID();
      await stagePapers(id);
      const body = submission({
        applicant: {
          kind: "new",
          person: newPerson({ name: "Dewi Muda", birthDate: "2010-02-02", nik: kuaroNik("2010-02-02", "P") }),
        },
      });
      const res = await send("enumerator", "PUT", `/api/registrations/${id}`, body, {
        "accept-language": "en",
      });
      expect(res.statusCode).toBe(201);
      const result = res.json();
      expect(result).toMatchObject({
        applicationStatus: "draft",
        submitted: false,
        blocked: { code: "ELIGIBILITY_FAILED" },
      });
      const age = result.eligibility.results.find((r: { rule: string }) => r.rule === "min_age");
      expect(age).toMatchObject({ passed: false, code: "ELIG_AGE_BELOW", params: { age: 16, minimum: 17 } });
      expect(age.message).toBe("Aged 16, below the minimum age of 17.");
      const replay = await send("enumerator", "PUT", `/api/registrations/${id}`, body);
      expect(
        replay.json().eligibility.results.find((r: { rule: string }) => r.rule === "min_age").message,
      ).toBe("Umur 16 tahun, kurang dari batas minimal 17 tahun.");
    });

    it("requires who handed in the papers when the applicant did not come in person", async () => {
      const res = await send(
        "enumerator",
        "PUT",
        `/api/registrations/${randomUUID()}`,
        submission({ appearedInPerson: false }),
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ field: "presenter", code: "PRESENTER_REQUIRED" }),
      ]);
    });
  });

  describe("a change made on the server meanwhile", () => {
    it("surfaces an offline edit of a person edited since, with both versions, keeps it, and applies it once resolved", async () => {
      const a = await newApplicant(s, { program: "bst" });
      const downloaded = (await send("enumerator", "GET", `/api/persons/${a.personId}`)).json();
      // Meanwhile, at the desa office, the operator corrects the address.
      const edit = await send("operator", "PATCH", `/api/persons/${a.personId}`, {
        version: downloaded.version,
        address: "Jl. Poros Kuaro No. 7",
      });
      expect(edit.statusCode, edit.body).toBe(200);
      const id = randomUUID();
      const offline = submission({
        periodId: s.umkm.periodId,
        applicant: {
          kind: "existing",
          personId: a.personId,
          version: downloaded.version,
          changes: { address: "Jl. Lolo Gang Mawar", occupation: "Pedagang sayur" },
        },
        documents: [],
        submit: false,
      });
      const res = await send("enumerator", "PUT", `/api/registrations/${id}`, offline);
      expect(res.statusCode, res.body).toBe(409);
      const body = res.json();
      expect(body).toMatchObject({
        code: "REGISTRATION_CONFLICT",
        submissionId: id,
        conflict: {
          kind: "person_changed",
          personId: a.personId,
          server: { address: "Jl. Poros Kuaro No. 7", version: downloaded.version + 1 },
          submitted: {
            address: "Jl. Lolo Gang Mawar",
            occupation: "Pedagang sayur",
            baseVersion: downloaded.version,
          },
          fields: ["address", "occupation"],
        },
      });
      expect(body.message).toMatch(/Bandingkan kedua versi/);
      const conflicts = (await send("operator", "GET", "/api/registrations?status=conflict")).json();
      expect(conflicts.items.map((i: { submissionId: string }) => i.submissionId)).toContain(id);
      // The enumerator keeps the operator's address, adds the occupation, and resends against the new version.
      const resolved = {
        ...offline,
        applicant: {
          kind: "existing",
          personId: a.personId,
          version: downloaded.version + 1,
          changes: { occupation: "Pedagang sayur" },
        },
      };
      const again = await send("enumerator", "PUT", `/api/registrations/${id}`, resolved);
      expect(again.statusCode, again.body).toBe(201);
      const person = (await send("operator", "GET", `/api/persons/${a.personId}`)).json();
      expect(person).toMatchObject({ address: "Jl. Poros Kuaro No. 7", occupation: "Pedagang sayur" });
      expect(await count("registrations", sql`submission_id = ${id} and status = 'applied'`)).toBe(1);
    });

    it("surfaces a NIK registered by someone else meanwhile instead of creating a second person", async () => {
      const nik = kuaroNik("1970-01-05", "L");
      const desk = await send("operator", "POST", "/api/persons", {
        nik,
        name: "Slamet",
        sex: "L",
        birthDate: "1970-01-05",
        villageCode: LOLO,
        rt: "3",
      });
      expect(desk.statusCode, desk.body).toBe(201);
      const res = await send(
        "enumerator",
        "PUT",
        `/api/registrations/${randomUUID()}`,
        submission({
          applicant: {
            kind: "new",
            person: newPerson({ nik, name: "Slamet Riyadi", sex: "L", birthDate: "1970-01-05" }),
          },
          documents: [],
        }),
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().conflict).toMatchObject({
        kind: "person_exists",
        personId: desk.json().person.id,
        fields: ["kk", "name", "employment"],
      });
    });
  });

  describe("photos", () => {
    it("strips a phone photo's metadata, keeps both hashes, seals the bytes, and logs who looked at it", async () => {
      const a = await newApplicant(s);
      const original = jpegWithMetadata();
      const res = await photo("enumerator", `/api/enrollments/${a.enrollmentId}/documents/ktp`, original);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        kind: "ktp",
        mediaType: "image/jpeg",
        sha256: sha256(CANVAS_JPEG),
        originalSha256: sha256(original),
        size: CANVAS_JPEG.length,
        removedMetadata: ["APP1", "APP1", "APP13", "APP2", "APP11", "COM", "trailer"],
      });
      const sealed = await queryRows<{ sealed: Uint8Array }>(
        salur().database.db,
        sql`select sealed from document_contents`,
      );
      for (const row of sealed) {
        expect(Buffer.from(row.sealed).includes(CANVAS_JPEG.subarray(200, 260))).toBe(false);
        expect(Buffer.from(row.sealed).toString("latin1")).not.toContain(SECRET);
      }
      const id = res.json().id;
      expect((await send("enumerator", "GET", `/api/documents/${id}/content`)).statusCode).toBe(403);
      expect((await send("janjuOperator", "GET", `/api/documents/${id}/content`)).statusCode).toBe(404);
      const view = await send("operator", "GET", `/api/documents/${id}/content?reason=Verifikasi%20KTP`);
      expect(view.statusCode).toBe(200);
      expect(view.headers["content-type"]).toBe("image/jpeg");
      expect(Buffer.from(view.rawPayload).equals(CANVAS_JPEG)).toBe(true);
      const [read] = await queryRows<{ reason: string; actor_id: string }>(
        salur().database.db,
        sql`select reason, actor_id from audit_entries where action = 'document.read' and entity_id = ${a.enrollmentId}`,
      );
      expect(read).toEqual({ reason: "Verifikasi KTP", actor_id: s.officers.operator.id });
    });

    it.each([
      [
        "a PDF",
        Buffer.from("%PDF-1.7 surat keterangan usaha"),
        "application/pdf",
        415,
        "DOCUMENT_TYPE_UNSUPPORTED",
      ],
      ["a JPEG labelled as PNG", CANVAS_JPEG, "image/png", 415, "DOCUMENT_TYPE_MISMATCH"],
      ["a photo cut off in transfer", CANVAS_JPEG.subarray(0, 400), "image/jpeg", 422, "DOCUMENT_MALFORMED"],
      [
        "a photo over the size limit",
        Buffer.concat([CANVAS_JPEG, Buffer.alloc(MAX_DOCUMENT_BYTES)]),
        "image/jpeg",
        413,
        "DOCUMENT_TOO_LARGE",
      ],
    ])("refuses %s", async (_name, bytes, type, status, code) => {
      const a = await newApplicant(s);
      const res = await photo("enumerator", `/api/enrollments/${a.enrollmentId}/documents/sku`, bytes, type);
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
    });
  });

  describe("verification through the API", () => {
    it("answers a decision on a stale version with 409, naming the current version and status", async () => {
      const id = randomUUID();
      await stagePapers(id);
      const applied = (
        await send(
          "enumerator",
          "PUT",
          `/api/registrations/${id}`,
          submission({ applicant: { kind: "new", person: newPerson({ name: "Tumini" }) } }),
        )
      ).json();
      const ok = await send("operator", "POST", `/api/enrollments/${applied.enrollmentId}/transitions`, {
        action: "verify",
        version: applied.version,
      });
      expect(ok.statusCode, ok.body).toBe(200);
      const late = await send("operator2", "POST", `/api/enrollments/${applied.enrollmentId}/transitions`, {
        action: "reject",
        version: applied.version,
        reasonCode: "duplicate",
        reason: "Sudah terdaftar di desa lain",
      });
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({
        code: "ENROLLMENT_VERSION_CONFLICT",
        params: { expected: applied.version, actual: applied.version + 1, status: "verified" },
      });
      expect(late.json().message).toContain("baru saja diubah petugas lain");
      const view = (
        await send("operator", "GET", `/api/enrollments/${applied.enrollmentId}/workflow`)
      ).json();
      expect(view.application.status).toBe("verified");
      expect(view.history.map((h: { action: string }) => h.action)).toContain("enrollment.verify");
      const queue = (await send("operator", "GET", "/api/workflow/queue?status=verified")).json();
      expect(queue.items.map((i: { id: string }) => i.id)).toContain(applied.enrollmentId);
      const table = (await send("operator", "GET", "/api/workflow/transitions")).json();
      expect(table.transitions.find((t: { action: string }) => t.action === "verify")).toMatchObject({
        roles: ["village_operator"],
        duty: "verify",
      });
    });

    it("bulk-verifies through the API and reports each application", async () => {
      const ids: { id: string; version: number }[] = [];
      for (const name of ["Sarinah", "Kartini"]) {
        const sid = randomUUID();
        await stagePapers(sid);
        const r = (
          await send(
            "enumerator",
            "PUT",
            `/api/registrations/${sid}`,
            submission({ applicant: { kind: "new", person: newPerson({ name }) } }),
          )
        ).json();
        ids.push({ id: r.enrollmentId, version: r.version });
      }
      const res = await send("operator", "POST", "/api/workflow/transitions", {
        action: "verify",
        items: [...ids, { id: randomUUID(), version: 1 }],
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ applied: 2, refused: 1 });
      expect(res.json().results[2]).toMatchObject({ ok: false, code: "ENROLLMENT_NOT_FOUND", status: 404 });
    });
  });

  describe("proxies and checks", () => {
    it("reports a presenter who brought papers for several applicants and a KTP photo reused across applications", async () => {
      const presenter = { name: "Pak Darto", nik: kuaroNik("1968-04-04", "L"), relation: "neighbour" };
      const enrollments: string[] = [];
      for (const name of ["Parmi", "Sutini", "Wagiyem"]) {
        const id = randomUUID();
        await stagePapers(id);
        const res = await send(
          "enumerator",
          "PUT",
          `/api/registrations/${id}`,
          submission({
            applicant: { kind: "new", person: newPerson({ name }) },
            appearedInPerson: false,
            presenter: { ...presenter, name: name === "Sutini" ? "Darto" : "Pak Darto" },
          }),
        );
        expect(res.statusCode, res.body).toBe(201);
        enrollments.push(res.json().enrollmentId);
      }
      const report = (
        await send("operator", "GET", `/api/registrations/report?periodId=${s.umkm.periodId}&minApplicants=3`)
      ).json();
      // The same NIK groups "Pak Darto" and "Darto" as one presenter.
      expect(report.presenters).toHaveLength(1);
      expect(report.presenters[0]).toMatchObject({ applicants: 3, submissions: 3, villages: 1, officers: 1 });
      expect(
        report.presenters[0].registrations.map((r: { enrollmentId: string }) => r.enrollmentId).sort(),
      ).toEqual([...enrollments].sort());
      expect(JSON.stringify(report)).not.toContain(presenter.nik);
      expect(
        report.officers.find((o: { officerId: string }) => o.officerId === s.officers.enumerator.id)
          .notInPerson,
      ).toBeGreaterThanOrEqual(3);
      const reused = report.reusedPhotos.find((p: { sha256: string }) => p.sha256 === sha256(CANVAS_JPEG));
      expect(reused.applications).toBeGreaterThanOrEqual(3);
      expect(reused.enrollmentIds).toEqual(expect.arrayContaining(enrollments));
      const janju = (await send("janjuOperator", "GET", "/api/registrations/report?minApplicants=1")).json();
      expect(janju.presenters).toEqual([]);
    });

    it("explains a NIK while typing and warns of a person already registered, without details outside the area", async () => {
      const a = await newApplicant(s);
      const [row] = await queryRows<{ name: string }>(
        salur().database.db,
        sql`select name from persons where id = ${a.personId}`,
      );
      const nik = kuaroNik("1985-03-14", "P");
      const bad = await send("enumerator", "POST", "/api/registrations/check", { nik: "6401053102880003" });
      expect(bad.json().nik).toMatchObject({ valid: false });
      expect(bad.json().nik.errors[0].code).toMatch(/^NIK_BIRTHDATE/);
      const byName = await send("enumerator", "POST", "/api/registrations/check", {
        name: row?.name,
        birthDate: "1985-03-14",
        nik,
        periodId: s.umkm.periodId,
      });
      expect(byName.json().duplicates).toEqual([
        expect.objectContaining({
          match: "name_birthdate",
          inYourArea: true,
          personId: a.personId,
          enrolledInPeriod: "draft",
        }),
      ]);
      const elsewhere = await send("janjuOperator", "POST", "/api/registrations/check", {
        name: row?.name,
        birthDate: "1985-03-14",
      });
      // Outside the caller's area the check says nothing at all (issue 12, L1).
      expect(elsewhere.json().duplicates).toEqual([]);
    });
  });
});
