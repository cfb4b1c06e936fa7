/**
 * Verification batches: the persons of a scope fixed as numbered lines under a code, and the file the civil
 * registry office receives (CSV or XLSX, the office's columns). Full NIK and KK only for callers entitled to
 * them; every download is an audit entry written before the file leaves.
 */
import { createHash, randomBytes } from "node:crypto";
import { PassThrough } from "node:stream";
import { type Actor, actorCan, auditActor, type Caller } from "../access/actor.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { createTableWriter, type TableFormat } from "../imports/table-writer.ts";
import { openBound } from "../privacy/vault.ts";
import { type Disclosure, discloseBirthDate, discloseIdNumber } from "../registry/persons.ts";
import { CLAIMING_STATUSES } from "../workflow/engine.ts";
import type { BatchField, BatchScope } from "./codes.ts";
import { DEFAULT_BATCH_COLUMNS } from "./codes.ts";
import { assertCan, batchNotFound, type CivilRegistry, seesArea } from "./context.ts";
import type { BatchRow } from "./schema.ts";
import * as store from "./store.ts";

export interface BatchInput {
  scope: BatchScope;
  /** A desa or kecamatan code (scopes village/district); otherwise the caller's area, or narrower. */
  areaCode?: string | undefined;
  periodId?: string | undefined;
}

const CODE_SYMBOLS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** DKP-YYYYMMDD-XXXXXX: read over the phone to the office, so no 0/O or 1/I. */
export function batchCode(today: string, random: Buffer = randomBytes(6)): string {
  const tail = [...random].map((b) => CODE_SYMBOLS[b % CODE_SYMBOLS.length]).join("");
  return `DKP-${today.replace(/-/g, "")}-${tail}`;
}

export function batchView(row: BatchRow, areaName: string) {
  return {
    id: row.id,
    code: row.code,
    scope: row.scope,
    area: { code: row.areaCode, name: areaName },
    periodId: row.periodId,
    rowCount: row.rowCount,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function visibleBatch(
  db: Parameters<typeof store.getBatch>[0],
  actor: Actor,
  id: string,
  forUpdate = false,
) {
  const batch = await store.getBatch(db, id, forUpdate);
  if (!batch || !seesArea(actor, batch.areaCode)) throw batchNotFound(id);
  return batch;
}

export async function createBatch(cr: CivilRegistry, caller: Caller, input: BatchInput) {
  const { actor } = caller;
  assertCan(actor, "civil_registry.verify");
  const areaCode = input.areaCode ?? actor.area.code;
  const level = areaCode.split(".").length;
  if (input.scope === "village" && level !== 4)
    throw new DomainError("CIVIL_REGISTRY_AREA_INVALID", { code: areaCode }, 400);
  if (input.scope === "district" && level !== 3)
    throw new DomainError("CIVIL_REGISTRY_AREA_INVALID", { code: areaCode }, 400);
  if (!cr.env.regions.get(areaCode))
    throw new DomainError("CIVIL_REGISTRY_AREA_INVALID", { code: areaCode }, 400);
  if (!seesArea(actor, areaCode))
    throw new DomainError("CIVIL_REGISTRY_AREA_OUTSIDE", { code: areaCode }, 403);
  if (input.scope === "period" && !input.periodId)
    throw new DomainError("CIVIL_REGISTRY_PERIOD_REQUIRED", {}, 400);
  return cr.db.transaction(async (tx) => {
    const chosen = await store.personsForBatch(tx, {
      scope: input.scope,
      areaCode,
      periodId: input.periodId ?? null,
      within: actor.area,
      statuses: CLAIMING_STATUSES,
    });
    if (chosen.length === 0) throw new DomainError("CIVIL_REGISTRY_BATCH_EMPTY", { code: areaCode }, 409);
    const hash = createHash("sha256");
    chosen.forEach((p, i) => {
      hash.update(`${i + 1};${p.id};${p.nikIndex ? Buffer.from(p.nikIndex).toString("hex") : ""}\n`);
    });
    const batch = await store.insertBatch(tx, {
      code: batchCode(cr.env.today()),
      scope: input.scope,
      areaCode,
      periodId: input.periodId ?? null,
      rowCount: chosen.length,
      sha256: hash.digest("hex"),
      createdBy: actor.userId,
    });
    await store.insertLines(
      tx,
      chosen.map((p, i) => ({
        batchId: batch.id,
        line: i + 1,
        personId: p.id,
        nikIndex: p.nikIndex,
        villageCode: p.villageCode,
        districtCode: p.districtCode,
      })),
    );
    await cr.audit.append(tx, {
      actor: auditActor(actor),
      action: "civil_registry.batch_create",
      entity: "civil_registry_batch",
      entityId: batch.id,
      area: areaCode === cr.env.regencyCode ? null : areaCode,
      before: null,
      after: { code: batch.code, scope: batch.scope, rowCount: batch.rowCount, sha256: batch.sha256 },
      reason: null,
      requestId: caller.requestId,
    });
    return batchView(batch, cr.env.regions.get(areaCode)?.name ?? areaCode);
  });
}

export async function listBatches(
  cr: CivilRegistry,
  caller: Caller,
  page: { limit: number; offset: number },
) {
  assertCan(caller.actor, "civil_registry.verify");
  const { rows, total } = await store.listBatches(cr.db, caller.actor.area, page.limit, page.offset);
  return { total, items: rows.map((r) => batchView(r, cr.env.regions.get(r.areaCode)?.name ?? r.areaCode)) };
}

export interface ExportInput {
  format: TableFormat;
  columns?: readonly { header: string; field: BatchField }[] | undefined;
}

const SEX_WORDS = { L: "LAKI-LAKI", P: "PEREMPUAN" } as const;

/** DD-MM-YYYY, as the office's sheets write dates. */
const officeDate = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}` : "";

export async function exportBatch(cr: CivilRegistry, caller: Caller, batchId: string, input: ExportInput) {
  const { actor } = caller;
  assertCan(actor, "civil_registry.verify");
  const columns = input.columns && input.columns.length > 0 ? input.columns : DEFAULT_BATCH_COLUMNS;
  // The office matches on the full NIK; a caller without the identity right sends region digits only.
  const disclosure: Disclosure = actorCan(actor, "person.identity") ? "full" : "restricted";
  return cr.db.transaction(async (tx) => {
    const batch = await visibleBatch(tx, actor, batchId);
    const lines = await store.linesWithPersons(tx, batch.id);
    const region = (code: string) => cr.env.regions.get(code)?.name ?? code;
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve, reject) => {
      out.on("end", resolve);
      out.on("error", reject);
    });
    const writer = createTableWriter(out, input.format, { sheetName: batch.code, delimiter: ";" });
    await writer.row(
      columns.map((c) => c.header),
      { emphasis: "header" },
    );
    for (const { line, person } of lines) {
      const nik = openBound(cr.env.vault, "nik", person.nikCipher, person.nikIndex);
      const kk = openBound(cr.env.vault, "kk", person.kkCipher, person.kkIndex);
      const value = (field: BatchField): string => {
        switch (field) {
          case "batch_code":
            return batch.code;
          case "line":
            return String(line);
          case "nik":
            return nik ? discloseIdNumber(nik, disclosure) : "";
          case "kk":
            return kk ? discloseIdNumber(kk, disclosure) : "";
          case "name":
            return person.name;
          case "birth_place":
            return person.birthPlace ?? "";
          case "birth_date":
            return disclosure === "full"
              ? officeDate(discloseBirthDate(person.birthDate, disclosure))
              : (person.birthDate?.slice(0, 4) ?? "");
          case "sex":
            return SEX_WORDS[person.sex];
          case "address":
            return [
              person.address,
              person.rt ? `RT ${person.rt}` : null,
              person.rw ? `RW ${person.rw}` : null,
            ]
              .filter(Boolean)
              .join(" ");
          case "village":
            return region(person.villageCode);
          case "district":
            return region(person.districtCode);
        }
      };
      await writer.row(columns.map((c) => value(c.field)));
    }
    await writer.close();
    await done;
    const bytes = Buffer.concat(chunks);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await cr.audit.append(tx, {
      actor: auditActor(actor),
      action: "civil_registry.batch_export",
      entity: "civil_registry_batch",
      entityId: batch.id,
      area: batch.areaCode === cr.env.regencyCode ? null : batch.areaCode,
      before: null,
      after: { code: batch.code, format: input.format, rows: lines.length, disclosure, sha256 },
      reason: null,
      requestId: caller.requestId,
    });
    return { bytes, sha256, rowCount: lines.length, fileName: `${batch.code}.${input.format}`, batch };
  });
}
