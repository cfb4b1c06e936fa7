import { sql } from "drizzle-orm";
import { type AccessProbes, type ProbeContext, programAgency } from "../access/matrix.ts";
import { queryRows } from "../db/index.ts";
import { createPeriod } from "../registry/service.ts";
import { draftDecree } from "./service.ts";
import * as store from "./store.ts";

/**
 * Access-matrix probes of the decree routes (src/access/access-matrix.test.ts). Decrees are agency records:
 * a program manager of agency A must not see, check, sign or list agency B's. Every inside probe that changes
 * a decree gets a fresh one in the state it needs, drafted by the setup actor (so no duty conflicts).
 */
async function freshPeriod(
  c: ProbeContext,
  programId: string,
  place: "janju" | "sandeley" = "janju",
): Promise<string> {
  const period = await createPeriod(c.salur.registry, c.setup, {
    programId,
    name: `SK ${c.next()}`,
    startsOn: "2026-01-01",
    endsOn: "2026-12-31",
    status: "open",
  });
  // The published list of the new period: one enrollment, as the workflow leaves it, of the person in Janju —
  // outside every matrix user's area, so the enrollment lists other probes check are not crowded by it. The
  // approver decides on each enrollment of the decree within their area (Kuaro): that probe uses Sandeley.
  const [person] = await queryRows<{ person_id: string; village_code: string; district_code: string }>(
    c.salur.database.db,
    sql`select person_id, village_code, district_code from enrollments where id = ${c.fx.enrollments[place]}`,
  );
  if (!person) throw new Error("matrix fixture enrollment missing");
  await c.salur.database.db.execute(
    sql`insert into enrollments (person_id, program_id, period_id, status, village_code, district_code)
        values (${person.person_id}, ${programId}, ${period.id}, 'published', ${person.village_code}, ${person.district_code})`,
  );
  await store.saveSanggah(c.salur.database.db, period.id, "2026-01-01", "2026-01-15");
  return period.id;
}

type State = "draft" | "checked" | "approved";

/** A decree of program A (inside) or B (outside-agency) in the state the probe needs. */
async function decreeIn(
  c: ProbeContext,
  state: State,
  place: "janju" | "sandeley" = "janju",
): Promise<{ id: string; version: number }> {
  const programId = c.side === "outside-agency" ? c.fx.programB : c.fx.programA;
  const periodId = await freshPeriod(c, programId, place);
  const db = c.salur.database.db;
  const decrees = { registry: c.salur.registry, publicUrl: "http://localhost", clock: () => new Date() };
  const { id } = await db.transaction((tx) => draftDecree(decrees, tx, c.setup, { periodId }));
  if (state === "draft") return { id, version: 1 };
  await store.updateDecree(db, id, 1, { status: "checked" });
  if (state === "checked") return { id, version: 2 };
  await store.updateDecree(db, id, 2, { status: "approved", number: `MX/${id}`, decreedOn: "2026-02-01" });
  return { id, version: 3 };
}

const object = (method: string, url: string, payload?: object) => ({
  method,
  url,
  kind: "object" as const,
  ...(payload ? { payload } : {}),
});

export const ACCESS_PROBES: AccessProbes = {
  "GET /api/decrees": async (c) => {
    const inside = await decreeIn(c, "draft");
    const agencyA = await programAgency(c.salur, c.fx.programA);
    return {
      method: "GET",
      url: "/api/decrees",
      kind: "list",
      items: (body) => body as { id: string; agencyId: string }[],
      whereIs: async (item: { agencyId: string }) => ({ agencyId: item.agencyId }),
      mustInclude: (items) =>
        c.side !== "inside" ||
        (items as { id: string; agencyId: string }[]).some(
          (i) => i.id === inside.id || i.agencyId === agencyA,
        ),
    };
  },
  "POST /api/decrees": async (c) => {
    const programId = c.side === "outside-agency" ? c.fx.programB : c.fx.programA;
    return object("POST", "/api/decrees", { periodId: await freshPeriod(c, programId) });
  },
  "GET /api/decrees/:id": async (c) => object("GET", `/api/decrees/${(await decreeIn(c, "draft")).id}`),
  "GET /api/decrees/:id/lines": async (c) =>
    object("GET", `/api/decrees/${(await decreeIn(c, "draft")).id}/lines`),
  "GET /api/decrees/:id/diff": async (c) =>
    object("GET", `/api/decrees/${(await decreeIn(c, "draft")).id}/diff`),
  "GET /api/decrees/:id/pdf": async (c) =>
    object("GET", `/api/decrees/${(await decreeIn(c, "draft")).id}/pdf`),
  "GET /api/decrees/:id/annex.csv": async (c) =>
    object("GET", `/api/decrees/${(await decreeIn(c, "draft")).id}/annex.csv`),
  "POST /api/decrees/:id/check": async (c) => {
    const d = await decreeIn(c, "draft");
    return object("POST", `/api/decrees/${d.id}/check`, { version: d.version });
  },
  "POST /api/decrees/:id/approve": async (c) => {
    const d = await decreeIn(c, "checked", "sandeley");
    return object("POST", `/api/decrees/${d.id}/approve`, { version: d.version });
  },
  "POST /api/decrees/:id/revoke": async (c) => {
    const d = await decreeIn(c, "approved");
    return object("POST", `/api/decrees/${d.id}/revoke`, { version: d.version, reason: "uji matriks akses" });
  },
  "PUT /api/decrees/:id/signed-pdf": async (c) => {
    const d = await decreeIn(c, "approved");
    return object("PUT", `/api/decrees/${d.id}/signed-pdf`, {
      pdfBase64: Buffer.from("%PDF-1.7\n% matrix\n").toString("base64"),
    });
  },
  "GET /api/decrees/:id/signed-pdf": async (c) => {
    const d = await decreeIn(c, "approved");
    await store.updateDecree(c.salur.database.db, d.id, d.version, {
      signedPdf: Buffer.from("%PDF-1.7\n"),
      signedPdfSha256: "0".repeat(64),
    });
    return object("GET", `/api/decrees/${d.id}/signed-pdf`);
  },
  "GET /api/programs/:id/decree-template": async (c) =>
    object(
      "GET",
      `/api/programs/${c.side === "outside-agency" ? c.fx.programB : c.fx.programA}/decree-template`,
    ),
  "PUT /api/programs/:id/decree-template": async (c) =>
    object(
      "PUT",
      `/api/programs/${c.side === "outside-agency" ? c.fx.programB : c.fx.programA}/decree-template`,
      {
        subject: "Penetapan Penerima Uji Matriks",
        considering: ["bahwa uji matriks akses perlu dijalankan;"],
        legalBasis: ["Undang-Undang Nomor 27 Tahun 2022;"],
        decisions: ["Menetapkan {jumlah} penerima {program}."],
      },
    ),
};
