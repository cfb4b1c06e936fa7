import { describe, expect, it } from "vitest";
import { WORKFLOW_ACTIONS } from "../../../src/workflow/engine.ts";
import { translate } from "../i18n/catalog.ts";
import type { Translate } from "../i18n/language.tsx";
import { actionLabel, entryDetails } from "./labels.ts";

/** The server's sources as text (Vite reads them at test time; tests, fixtures and access probes left out). */
const SOURCES = import.meta.glob(
  [
    "../../../src/**/*.ts",
    "!../../../src/**/*.test.ts",
    "!../../../src/**/testing.ts",
    "!../../../src/**/*.fixture.ts",
    "!../../../src/**/access-probes.ts",
  ],
  {
    query: "?raw",
    import: "default",
    eager: true,
  },
) as Record<string, string>;

/** Every literal audit action the server writes (`action: "person.create"`), and each workflow step's. */
function writtenActions(): string[] {
  const found = new Set<string>(WORKFLOW_ACTIONS.map((a) => `enrollment.${a}`));
  for (const text of Object.values(SOURCES)) {
    for (const match of text.matchAll(/action: "([a-z_]+\.[a-z_]+)"/g)) if (match[1]) found.add(match[1]);
  }
  return [...found].sort();
}

function translator(language: "id" | "en"): Translate {
  const t = ((code: string, params?: Record<string, string | number>) =>
    translate(code, params, language)) as Translate;
  t.code = (code, params, fallback) => {
    const text = translate(code, params, language);
    return text === code && fallback !== undefined ? fallback : text;
  };
  t.language = language;
  return t;
}

describe("audit labels", () => {
  const t = translator("id");

  it.each(writtenActions())("%s has a readable label in both languages", (action) => {
    for (const language of ["id", "en"] as const) {
      const label = actionLabel(translator(language), {
        action,
        entity: action.split(".")[0] ?? "",
        actor: null,
      });
      expect(label).not.toContain(action);
      expect(label).not.toMatch(/Tindakan lain|Other action/);
    }
  });

  it("tells a kecamatan validation from an agency's, and names the step, the reason code and the document", () => {
    const validate = { action: "enrollment.validate", entity: "enrollment" };
    expect(actionLabel(t, { ...validate, actor: { role: "kecamatan_officer" } })).toBe(
      "Divalidasi kecamatan",
    );
    expect(actionLabel(t, { ...validate, actor: { role: "program_manager" } })).toBe("Divalidasi dinas");
    const rejection = {
      action: "enrollment.reject",
      entity: "enrollment",
      actor: { role: "village_operator" },
      reason: "Tidak tinggal di alamat",
      changes: [
        { field: "status", before: "submitted", after: "rejected" },
        { field: "reasonCode", after: "not_found_at_address" },
      ],
    };
    expect(actionLabel(t, rejection)).toBe("Ditolak desa");
    expect(entryDetails(t, rejection)).toEqual([
      "Diajukan → Ditolak",
      "Kode alasan: Tidak ditemukan di alamat",
      "Alasan: Tidak tinggal di alamat",
    ]);
    const attach = {
      action: "enrollment.document_attach",
      entity: "enrollment",
      actor: null,
      reason: null,
      changes: [{ field: "kind", after: "kk" }],
    };
    expect(entryDetails(t, attach)).toEqual(["Dokumen: Kartu Keluarga"]);
  });

  it("gives a person, a household and an application's registration three different labels", () => {
    const labels = ["person.create", "household.create", "enrollment.create", "business.create"].map(
      (action) => actionLabel(t, { action, entity: action.split(".")[0] ?? "", actor: null }),
    );
    expect(new Set(labels).size).toBe(4);
  });
});
