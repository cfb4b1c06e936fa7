/**
 * One row of a recipient list checked field by field, every finding kept with the field it concerns, so the
 * report can put it next to the cell. Errors keep the row out; warnings ride along with it (an invalid NIK is
 * kept and flagged for verification, as the registry does for every list taken over from the field).
 */
import { type AreaScope, areaContains } from "../access/area.ts";
import { decodeNik, normalizeIdNumber, validateKk, validateNik } from "../nik/index.ts";
import type { Sex } from "../registry/attributes.ts";
import { type PreparedPerson, preparePerson, type RegistryEnvironment } from "../registry/persons.ts";
import type { PersonData } from "../registry/schemas.ts";
import { parseBirthDate } from "./dates.ts";
import type { ColumnMapping, ImportField } from "./headers.ts";
import type { SheetRow } from "./sheet.ts";
import {
  cleanText,
  parseNeighbourhood,
  parsePhone,
  parseRtRw,
  parseRupiah,
  parseSex,
  splitPlaceAndDate,
} from "./values.ts";
import type { VillageResolver } from "./villages.ts";

export type Severity = "error" | "warning";

export interface RowIssue {
  field: ImportField | null;
  code: string;
  severity: Severity;
  params: Record<string, string | number>;
}

export interface RowContext {
  env: RegistryEnvironment;
  villages: VillageResolver;
  mapping: ColumnMapping;
  /** The importer's area: rows of desa outside it are refused, as a registration there would be. */
  area: AreaScope;
  today: string;
  /**
   * Rows go into a program's pipeline: the NIK rules of the field form apply (an invalid NIK refuses the row).
   * A registry-only import keeps such a person with a warning, to be corrected from the card later.
   */
  enrolling?: boolean;
}

export type RowOutcome =
  | { kind: "blank" }
  | { kind: "rejected"; issues: RowIssue[] }
  | { kind: "accepted"; data: PersonData; prepared: PreparedPerson; nik: string | null; issues: RowIssue[] };

/** Digits lost to scientific notation cannot be stored as anything meaningful: the row waits for the card. */
const BLOCKING_ID_CODES = new Set(["NIK_SCIENTIFIC_NOTATION", "KK_SCIENTIFIC_NOTATION"]);
const LIMITS = { name: 120, birthPlace: 80, address: 200, occupation: 80 } as const;

export function validateRow(row: SheetRow, ctx: RowContext): RowOutcome {
  const { mapping } = ctx;
  const issues: RowIssue[] = [];
  const error = (field: ImportField | null, code: string, params: Record<string, string | number> = {}) =>
    issues.push({ field, code, severity: "error", params });
  const warn = (field: ImportField | null, code: string, params: Record<string, string | number> = {}) =>
    issues.push({ field, code, severity: "warning", params });
  const cell = (field: ImportField): string => {
    const column = mapping[field];
    return column === undefined ? "" : (row.cells[column] ?? "").trim();
  };
  const numeric = (field: ImportField) => {
    const column = mapping[field];
    return column !== undefined && row.numeric?.[column] === true;
  };

  let blank = true;
  for (const column of Object.values(mapping)) {
    if (column !== undefined && (row.cells[column] ?? "").trim() !== "") {
      blank = false;
      break;
    }
  }
  if (blank) return { kind: "blank" };

  const name = cleanText(cell("name"));
  if (!name) error("name", "NAME_MISSING");
  else if (name.length > LIMITS.name) error("name", "TEXT_TOO_LONG", { limit: LIMITS.name });

  const nikRaw = cell("nik");
  const kkRaw = cell("kk");
  if (nikRaw && numeric("nik")) warn("nik", "ID_STORED_AS_NUMBER");
  if (kkRaw && numeric("kk")) warn("kk", "ID_STORED_AS_NUMBER");

  let birthPlace = cleanText(cell("birthPlace"));
  let birthText = cell("birthDate");
  let birthField: ImportField = "birthDate";
  if (!birthText && mapping.birthPlaceDate !== undefined) {
    const split = splitPlaceAndDate(cell("birthPlaceDate"));
    birthPlace ??= split.place;
    birthText = split.date ?? "";
    birthField = "birthPlaceDate";
  }
  if (birthPlace && birthPlace.length > LIMITS.birthPlace)
    error("birthPlace", "TEXT_TOO_LONG", { limit: LIMITS.birthPlace });
  let birthDate: string | null = null;
  if (birthText) {
    const parsed = parseBirthDate(birthText, ctx.today);
    if (parsed.ok) {
      birthDate = parsed.date;
      for (const w of parsed.warnings) warn(birthField, w, { value: birthText, date: parsed.date });
    } else error(birthField, parsed.code, parsed.params);
  }

  let sex: Sex | null = null;
  const sexText = cell("sex");
  if (sexText) {
    const parsed = parseSex(sexText);
    if (parsed.ok) sex = parsed.value;
    else error("sex", parsed.code, parsed.params);
  } else if (nikRaw) {
    const decoded = decodeNik(nikRaw, ctx.today);
    if (decoded) {
      sex = decoded.sex;
      warn("sex", "SEX_FROM_NIK", { sex: decoded.sex });
    }
  }
  if (!sex && !sexText) error(mapping.sex !== undefined ? "sex" : null, "SEX_MISSING");

  let rt: string | null = null;
  let rw: string | null = null;
  const rtText = cell("rt");
  const rwText = cell("rw");
  const rtRwText = cell("rtRw");
  if (rtText) {
    const parsed = parseNeighbourhood(rtText, "RT");
    if (parsed.ok) rt = parsed.value;
    else error("rt", parsed.code, parsed.params);
  }
  if (rwText) {
    const parsed = parseNeighbourhood(rwText, "RW");
    if (parsed.ok) rw = parsed.value;
    else error("rw", parsed.code, parsed.params);
  }
  if (rtRwText && !rtText && !rwText) {
    const parsed = parseRtRw(rtRwText);
    if (parsed.ok) ({ rt, rw } = parsed.value);
    else error("rtRw", parsed.code, parsed.params);
  }

  const villageField: ImportField = cell("villageCode") ? "villageCode" : "villageName";
  const village = ctx.villages.resolve({
    code: cell("villageCode") || null,
    name: cell("villageName") || null,
    districtCode: cell("districtCode") || null,
    districtName: cell("districtName") || null,
  });
  let villageCode: string | null = null;
  if (village.ok) {
    villageCode = village.code;
    if (village.warning) warn("villageName", village.warning.code, village.warning.params);
    if (!areaContains(ctx.area, { code: villageCode, rt })) {
      error(villageField, "IMPORT_AREA_FORBIDDEN", { village: ctx.villages.label(villageCode) });
    }
  } else {
    const field: ImportField =
      village.code === "DISTRICT_UNKNOWN"
        ? cell("districtName")
          ? "districtName"
          : "districtCode"
        : villageField;
    error(field, village.code, village.params);
  }

  let phone: string | null = null;
  const phoneText = cell("phone");
  if (phoneText) {
    const parsed = parsePhone(phoneText);
    if (parsed.ok) phone = parsed.value;
    else error("phone", parsed.code, parsed.params);
  }

  const address = cleanText(cell("address"));
  if (address && address.length > LIMITS.address)
    error("address", "TEXT_TOO_LONG", { limit: LIMITS.address });
  const occupation = cleanText(cell("occupation"));
  if (occupation && occupation.length > LIMITS.occupation)
    error("occupation", "TEXT_TOO_LONG", { limit: LIMITS.occupation });
  let monthlyIncome: number | null = null;
  const incomeText = cell("monthlyIncome");
  if (incomeText) {
    const parsed = parseRupiah(incomeText);
    if (parsed.ok) monthlyIncome = parsed.value;
    else error("monthlyIncome", parsed.code, parsed.params);
  }

  const nik = nikRaw ? normalizeIdNumber(nikRaw).value : "";
  if (issues.some((i) => i.severity === "error") || !name || !sex || !villageCode) {
    // The row is refused anyway; its NIK and KK findings are still worth fixing in the same pass.
    const severity = (code: string): Severity => (BLOCKING_ID_CODES.has(code) ? "error" : "warning");
    if (nikRaw) {
      const result = validateNik(nikRaw, { regions: ctx.env.regions, today: ctx.today });
      for (const e of [...result.errors, ...result.warnings]) {
        issues.push({ field: "nik", code: e.code, severity: severity(e.code), params: e.params });
      }
    }
    if (kkRaw) {
      const result = validateKk(kkRaw, { regions: ctx.env.regions, today: ctx.today });
      for (const e of [...result.errors, ...result.warnings]) {
        issues.push({ field: "kk", code: e.code, severity: severity(e.code), params: e.params });
      }
    }
    return { kind: "rejected", issues };
  }

  const data: PersonData = {
    nik: nikRaw || null,
    kk: kkRaw || null,
    phone,
    name,
    sex,
    birthPlace,
    birthDate,
    address,
    villageCode,
    rt,
    rw,
    occupation,
    monthlyIncome,
  };
  const prepared = preparePerson(data, ctx.env, "flag");
  const invalidNik = new Set<string>(
    ctx.enrolling && nikRaw
      ? validateNik(nikRaw, { regions: ctx.env.regions, today: ctx.today }).errors.map((e) => e.code)
      : [],
  );
  for (const w of prepared.warnings) {
    const field: ImportField = w.code.startsWith("KK_") ? "kk" : "nik";
    const blocking = BLOCKING_ID_CODES.has(w.code) || (field === "nik" && invalidNik.has(w.code));
    issues.push({ field, code: w.code, severity: blocking ? "error" : "warning", params: w.params });
  }
  if (issues.some((i) => i.severity === "error")) return { kind: "rejected", issues };
  return { kind: "accepted", data, prepared, nik: /^\d{16}$/.test(nik) ? nik : null, issues };
}
