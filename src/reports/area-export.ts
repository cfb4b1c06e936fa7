/**
 * Area data for desa and kecamatan officials (seed 000: "Pemerintahan Kecamatan dan Desa ... meminta data UMKM
 * penerima bantuan yang ada di wilayahnya"): the applications of their own area with status, decree and payment,
 * as XLSX. The area is the caller's own (or one inside it); NIKs are disclosed as the registry discloses them,
 * full only on an explicit request by a role entitled to identity; every download is an audit entry written
 * before the file is built.
 */
import ExcelJS from "exceljs";
import { actorCan, auditActor, type Caller } from "../access/actor.ts";
import { type AreaScope, areaScope, areaWithin, placeKey } from "../access/area.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { openBound, type Vault } from "../privacy/vault.ts";
import { type Disclosure, discloseIdNumber, disclosureFor } from "../registry/persons.ts";
import type { Reports } from "./packs.ts";
import { areaLabel } from "./service.ts";
import * as store from "./store.ts";

export interface AreaExportInput {
  /** A desa or kecamatan inside the caller's area; the caller's own area when absent. */
  areaCode?: string | null | undefined;
  identity: "masked" | "full";
}

/** The scope asked for, refused when it reaches outside the caller's own area. */
export function exportScope(caller: Caller, areaCode: string | null | undefined): AreaScope {
  if (!areaCode) return caller.actor.area;
  const scope = areaScope(areaCode);
  if (!scope || !areaWithin(scope, caller.actor.area)) throw new DomainError("FORBIDDEN", {}, 403);
  return scope;
}

export async function exportAreaRecipients(
  reports: Reports,
  vault: Vault,
  caller: Caller,
  input: AreaExportInput,
): Promise<{ bytes: Buffer; name: string; rows: number }> {
  const scope = exportScope(caller, input.areaCode);
  if (input.identity === "full" && !actorCan(caller.actor, "person.identity"))
    throw new DomainError("FORBIDDEN", {}, 403);
  const disclosure: Disclosure = input.identity === "full" ? "full" : disclosureFor(caller.actor);
  const area = placeKey({ code: scope.code, rt: scope.rt });
  // The copy leaves the system as soon as it is built: recorded first, masked or not.
  await reports.db.transaction((tx) =>
    reports.env.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: input.identity === "full" ? "report.area_export_identity" : "report.area_export",
      entity: "area_export",
      entityId: area,
      area,
      after: { areaCode: scope.code, rt: scope.rt, disclosure },
      requestId: caller.requestId,
    }),
  );
  const rows = await store.recipientsIn(reports.db, { area: scope, agencyId: null });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Salur";
  const sheet = workbook.addWorksheet("Penerima");
  sheet.columns = [
    { header: "Nama", width: 28 },
    { header: "NIK", width: 20 },
    { header: "Kecamatan", width: 18 },
    { header: "Desa", width: 18 },
    { header: "Kode desa", width: 15 },
    { header: "RT", width: 6 },
    { header: "RW", width: 6 },
    { header: "Program", width: 28 },
    { header: "Tahap", width: 16 },
    { header: "Status (kode)", width: 18 },
    { header: "Nilai SK (Rp)", width: 15 },
    { header: "Dibayar (Rp)", width: 15 },
    { header: "Status pembayaran", width: 16 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const nik = openBound(vault, "nik", row.nik_cipher, row.nik_index);
    sheet.addRow([
      row.name,
      nik ? discloseIdNumber(nik, disclosure) : "",
      areaLabel(reports.env.regions, row.district_code),
      areaLabel(reports.env.regions, row.village_code),
      row.village_code,
      row.rt ?? "",
      row.rw ?? "",
      row.program_name,
      row.period_name,
      row.status,
      row.decreed_amount === null ? null : Number(row.decreed_amount),
      row.paid_amount === null ? null : Number(row.paid_amount),
      row.payment_status ?? "",
    ]);
  }
  for (const c of [11, 12]) sheet.getColumn(c).numFmt = "#,##0";
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { bytes, name: `penerima-${area.replace(/[/.]/g, "-")}.xlsx`, rows: rows.length };
}
