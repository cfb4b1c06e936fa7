/** Reading a central list: its header found and mapped, each row read into the fields reconciliation compares. */
import { parseBirthDate } from "./dates.ts";
import type { ImportDeps } from "./deps.ts";
import {
  detectHeader,
  HEADER_SEARCH_ROWS,
  type ImportField,
  type MappingTemplate,
  mapHeaders,
} from "./headers.ts";
import { FileRejected } from "./limits.ts";
import type { ListPerson } from "./reconcile.ts";
import { openSheet, type SheetRow, type SheetSource } from "./sheet.ts";
import { cleanText, parseNeighbourhood, parseRtRw, parseSex, splitPlaceAndDate } from "./values.ts";
import type { VillageResolver } from "./villages.ts";

export interface CentralRow {
  row: number;
  person: ListPerson;
}

/** The central list's rows as persons; rows without a name are counted and left out. */
export async function readCentralList(
  source: SheetSource,
  settings: { template: MappingTemplate; headerRow: number | null; sheetName: string | null; today: string },
  d: Pick<ImportDeps, "limits">,
  villages: VillageResolver,
  onBytes?: (bytes: number) => void,
) {
  const sheet = await openSheet(source, d.limits, {
    ...(settings.sheetName ? { sheetName: settings.sheetName } : {}),
    ...(onBytes ? { onBytes } : {}),
  });
  const head: SheetRow[] = [];
  const rows: CentralRow[] = [];
  let skipped = 0;
  let headerRow = 0;
  let mapping: Partial<Record<ImportField, number>> = {};
  let headers: string[] = [];
  const take = (r: SheetRow) => {
    const cell = (field: ImportField) => {
      const column = mapping[field];
      return column === undefined ? "" : (r.cells[column] ?? "").trim();
    };
    const name = cleanText(cell("name"));
    if (!name) {
      if (r.cells.some((c) => c.trim() !== "")) skipped++;
      return;
    }
    let birthPlace = cleanText(cell("birthPlace"));
    let birthText = cell("birthDate");
    if (!birthText && mapping.birthPlaceDate !== undefined) {
      const split = splitPlaceAndDate(cell("birthPlaceDate"));
      birthPlace ??= split.place;
      birthText = split.date ?? "";
    }
    const birth = birthText ? parseBirthDate(birthText, settings.today) : null;
    const sex = cell("sex") ? parseSex(cell("sex")) : null;
    let rt: string | null = null;
    let rw: string | null = null;
    if (cell("rt")) rt = ((p) => (p.ok ? p.value : cell("rt")))(parseNeighbourhood(cell("rt"), "RT"));
    if (cell("rw")) rw = ((p) => (p.ok ? p.value : cell("rw")))(parseNeighbourhood(cell("rw"), "RW"));
    if (!rt && !rw && cell("rtRw")) {
      const parsed = parseRtRw(cell("rtRw"));
      if (parsed.ok) ({ rt, rw } = parsed.value);
    }
    const village = villages.resolve({
      code: cell("villageCode") || null,
      name: cell("villageName") || null,
      districtCode: cell("districtCode") || null,
      districtName: cell("districtName") || null,
    });
    rows.push({
      row: r.number,
      person: {
        nik: cell("nik") || null,
        kk: cell("kk") || null,
        name,
        birthPlace,
        birthDate: birth?.ok ? birth.date : null,
        sex: sex?.ok ? sex.value : null,
        address: cleanText(cell("address")),
        villageCode: village.ok ? village.code : null,
        rt,
        rw,
        phone: cell("phone") || null,
      },
    });
  };
  for await (const r of sheet.rows) {
    if (headerRow === 0) {
      head.push(r);
      const explicit = settings.headerRow !== null && r.number >= settings.headerRow;
      if (!explicit && head.length < HEADER_SEARCH_ROWS) continue;
      const detection =
        settings.headerRow !== null
          ? ((row) => (row ? { headerRow: row.number, ...mapHeaders(row.cells, settings.template) } : null))(
              head.find((h) => h.number === settings.headerRow),
            )
          : detectHeader(head, settings.template);
      if (!detection || detection.mapping.name === undefined) {
        throw new FileRejected("HEADER_NOT_FOUND", head[0]?.number ?? 1, 1, { rows: HEADER_SEARCH_ROWS });
      }
      headerRow = detection.headerRow;
      mapping = detection.mapping;
      headers = detection.headers;
      for (const h of head) if (h.number > headerRow) take(h);
      continue;
    }
    take(r);
  }
  if (headerRow === 0) {
    const detection = detectHeader(head, settings.template);
    if (!detection)
      throw new FileRejected("HEADER_NOT_FOUND", head[0]?.number ?? 1, 1, { rows: HEADER_SEARCH_ROWS });
    headerRow = detection.headerRow;
    mapping = detection.mapping;
    headers = detection.headers;
    for (const h of head) if (h.number > headerRow) take(h);
  }
  return { rows, skipped, layout: { format: sheet.format, headerRow, headers, mapping } };
}
