import { sql } from "drizzle-orm";
import type { Caller } from "../access/actor.ts";
import { parsePlaceKey } from "../access/area.ts";
import { type AccessProbes, PLACES, type PlaceName, type ProbeContext } from "../access/matrix.ts";
import { queryRows } from "../db/index.ts";
import { submitReconciliation } from "./reconciliation.ts";
import { importDeps, submitImport } from "./service.ts";
import { csvText, upload } from "./testing.ts";

/**
 * Access-matrix probes of the import and reconciliation routes (src/access/access-matrix.test.ts). An import
 * belongs to its sender's area and its program's agency; a reconciliation to its program's agency, its lines to
 * their desa. Fixtures are made once, by senders placed in each matrix place.
 */
const HEADER = ["NAMA", "JK", "KODE DESA", "RT"];

function senderAt(c: ProbeContext, place: PlaceName): Caller {
  const { code, rt } = PLACES[place];
  return { actor: { ...c.setup.actor, area: { level: "rt", code, rt } }, requestId: null };
}

const listFile = (name: string, place: PlaceName) =>
  csvText([HEADER, [name, "P", PLACES[place].code, PLACES[place].rt]]);

/** Fixtures per running Salur: the matrix runs once per database kind in one process. */
function cacheOf(
  caches: WeakMap<object, Map<string, Promise<string>>>,
  c: ProbeContext,
): Map<string, Promise<string>> {
  let cache = caches.get(c.salur);
  if (!cache) {
    cache = new Map();
    caches.set(c.salur, cache);
  }
  return cache;
}

const importCaches = new WeakMap<object, Map<string, Promise<string>>>();

/** A checked import of agency A (or B) sent from the place: finished, with its file kept. */
function checkedImport(
  c: ProbeContext,
  place: PlaceName,
  agency: "A" | "B",
  purpose: "read" | "discard" = "read",
): Promise<string> {
  const key = `${place}:${agency}:${purpose}`;
  const imports = cacheOf(importCaches, c);
  let made = imports.get(key);
  if (!made) {
    made = (async () => {
      const d = importDeps(c.salur);
      const stored = await upload(d, listFile(`Matrix Impor ${place} ${agency} ${purpose}`, place));
      const submitted = await submitImport(d, senderAt(c, place), stored, {
        fileName: `matrix-${place}.csv`,
        periodId: agency === "A" ? c.fx.periodA : c.fx.periodB,
        mode: "check",
        invalidRows: "reject_file",
      });
      if (submitted.job) await d.jobs.wait(submitted.job.id);
      return submitted.importId;
    })();
    imports.set(key, made);
  }
  return made;
}

const reconciliationCaches = new WeakMap<object, Map<string, Promise<string>>>();

/** A finished reconciliation of period A (or B) against a central list naming nobody in the registry. */
function reconciliationOf(c: ProbeContext, agency: "A" | "B"): Promise<string> {
  const reconciliations = cacheOf(reconciliationCaches, c);
  let made = reconciliations.get(agency);
  if (!made) {
    made = (async () => {
      const d = importDeps(c.salur);
      const stored = await upload(d, listFile(`Sumiati Pusat ${agency}`, "inside"));
      const submitted = await submitReconciliation(d, c.setup, stored, {
        fileName: "pusat.csv",
        periodId: agency === "A" ? c.fx.periodA : c.fx.periodB,
        scope: "period",
        sourceName: "DTKS",
      });
      if (submitted.job) await d.jobs.wait(submitted.job.id);
      return submitted.reconciliationId;
    })();
    reconciliations.set(agency, made);
  }
  return made;
}

/** The line of a fixture person (enrolled in period A at each place). */
async function lineOf(c: ProbeContext, reconciliationId: string, place: PlaceName): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    c.salur.database.db,
    sql`select id from reconciliation_lines where reconciliation_id = ${reconciliationId} and person_id = ${c.fx.persons[place]}`,
  );
  if (!row) throw new Error(`no reconciliation line for ${place}`);
  return row.id;
}

const importItems = (body: unknown) => body as unknown[];
const importWhere = async (item: { area: string | null; agencyId: string | null }) => ({
  area: item.area ? parsePlaceKey(item.area) : null,
  agencyId: item.agencyId,
});

const importObject = async (
  c: ProbeContext,
  path: (id: string) => string,
  method = "GET",
  purpose: "read" | "discard" = "read",
) => {
  const place: PlaceName = c.side === "outside-area" ? c.place : "inside";
  const id = await checkedImport(c, place, c.side === "outside-agency" ? "B" : "A", purpose);
  return { method, url: `/api/imports/${path(id)}`, kind: "object" as const };
};

const reconciliationObject = async (c: ProbeContext, path: (id: string) => string) => {
  const id = await reconciliationOf(c, c.side === "outside-agency" ? "B" : "A");
  return { method: "GET", url: `/api/reconciliations/${path(id)}`, kind: "object" as const };
};

const fileBase64 = (name: string, place: PlaceName) => Buffer.from(listFile(name, place)).toString("base64");

export const ACCESS_PROBES: AccessProbes = {
  "POST /api/imports": async (c) => ({
    method: "POST",
    url: `/api/imports?fileName=probe.csv&mode=check&periodId=${c.side === "outside-agency" ? c.fx.periodB : c.fx.periodA}`,
    payload: { fileBase64: fileBase64(`Matrix Kirim ${c.next()}`, "inside") },
    kind: "create",
  }),
  "GET /api/imports": async (c) => {
    const inside = await checkedImport(c, "inside", "A");
    await checkedImport(c, c.place === "inside" ? "janju" : c.place, "A");
    await checkedImport(c, "inside", "B");
    return {
      method: "GET",
      url: "/api/imports",
      kind: "list",
      items: importItems,
      whereIs: importWhere,
      mustInclude: (items) => items.some((i) => (i as { id: string }).id === inside),
    };
  },
  "GET /api/imports/:id": (c) => importObject(c, (id) => id),
  "GET /api/imports/:id/issues": (c) => importObject(c, (id) => `${id}/issues`),
  "GET /api/imports/:id/report": (c) => importObject(c, (id) => `${id}/report?format=csv`),
  "POST /api/imports/:id/apply": (c) => importObject(c, (id) => `${id}/apply`, "POST"),
  // Its own imports: a discard deletes the file the report probes read.
  "POST /api/imports/:id/discard": (c) => importObject(c, (id) => `${id}/discard`, "POST", "discard"),
  "GET /api/import-templates": async (c) => ({
    method: "GET",
    url: `/api/import-templates?agencyId=${c.fx.agencyA}`,
    kind: "list",
    items: (body) => body as unknown[],
    whereIs: async (item: { agencyId: string | null }) => ({ agencyId: item.agencyId }),
  }),
  "POST /api/import-templates": async (c) => ({
    method: "POST",
    url: "/api/import-templates",
    payload: {
      agencyId: c.side === "outside-agency" ? c.fx.agencyB : c.fx.agencyA,
      name: `Templat ${c.next()}`,
      mapping: { "NAMA KRT": "name" },
    },
    kind: "create",
  }),
  "POST /api/reconciliations": async (c) => ({
    method: "POST",
    url: `/api/reconciliations?fileName=pusat.csv&periodId=${c.side === "outside-agency" ? c.fx.periodB : c.fx.periodA}`,
    payload: { fileBase64: fileBase64(`Matrix Pusat ${c.next()}`, "inside") },
    kind: "create",
  }),
  "GET /api/reconciliations": async (c) => {
    const inside = await reconciliationOf(c, "A");
    await reconciliationOf(c, "B");
    return {
      method: "GET",
      url: "/api/reconciliations",
      kind: "list",
      items: (body) => body as unknown[],
      whereIs: async (item: { agencyId: string }) => ({ agencyId: item.agencyId }),
      mustInclude: (items) => items.some((i) => (i as { id: string }).id === inside),
    };
  },
  "GET /api/reconciliations/:id": (c) => reconciliationObject(c, (id) => id),
  "GET /api/reconciliations/:id/villages": (c) =>
    reconciliationObject(c, (id) => `${id}/villages?districtCode=64.01.05`),
  "GET /api/reconciliations/:id/export": (c) => reconciliationObject(c, (id) => `${id}/export?format=csv`),
  "GET /api/reconciliations/:id/lines": async (c) => {
    if (c.side === "outside-agency") return reconciliationObject(c, (id) => `${id}/lines`);
    const id = await reconciliationOf(c, "A");
    const inside = await lineOf(c, id, "inside");
    return {
      method: "GET",
      url: `/api/reconciliations/${id}/lines?pageSize=200`,
      kind: "list",
      items: (body) => (body as { items: unknown[] }).items,
      whereIs: async (item: { village: { code: string } | null; rt: string | null }) => ({
        area: item.village ? { code: item.village.code, rt: item.rt } : null,
      }),
      mustInclude: (items) => items.some((i) => (i as { id: string }).id === inside),
    };
  },
  "POST /api/reconciliations/:id/decisions": async (c) => {
    const id = await reconciliationOf(c, c.side === "outside-agency" ? "B" : "A");
    const place: PlaceName = c.side === "outside-area" ? c.place : "inside";
    const line = await lineOf(c, id, place);
    return {
      method: "POST",
      url: `/api/reconciliations/${id}/decisions`,
      payload: { lines: [{ id: line }], decision: "keep_proposed" },
      kind: "object",
    };
  },
};
