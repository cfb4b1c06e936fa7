import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../src/access/actor.ts";
import { queryRows } from "../src/db/index.ts";
import type { SourceRecord } from "../src/demo/index.ts";
import { importDeps, submitImport } from "../src/imports/service.ts";
import { cleanRecords, csvText, LIST_HEADERS, listRows, upload } from "../src/imports/testing.ts";
import * as registry from "../src/registry/service.ts";
import type { Salur } from "../src/runtime.ts";
import { chromiumAvailable, DESKTOP } from "./support/browser.ts";
import { type InProcessSalur, ROOT, startSalurInProcess } from "./support/server.ts";

/**
 * Central–regional reconciliation in a real Chromium against the real server, on a small demo: the Dinas
 * Sosial's program manager uploads a central list built from the demo generator in which the test planted
 * persons found in the regency's period as they are, persons written with another RT, and persons the regency
 * never registered; the four counts must be exactly those. Then a field-check decision with its reason is
 * recorded, survives a reload, and one set is exported and read back.
 */
const SCREENSHOTS = join(ROOT, "e2e", "screenshots");
const PHONE = { width: 390, height: 844 };

const PLANTED = { matched: 30, conflict: 10, central_only: 12, regional_only: 20 } as const;

/** Another RT for a record, so the same person reads differently in one field only. */
function otherRt(record: SourceRecord): SourceRecord {
  const rt = Number(record.rt);
  return { ...record, rt: String(rt > 1 ? rt - 1 : rt + 1).padStart(3, "0") };
}

/** RFC 4180 as the export writes it (comma-separated): quoted cells may hold commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe.skipIf(!chromiumAvailable)("central–regional reconciliation in Chromium", () => {
  let salur: Salur;
  let running: InProcessSalur | undefined;
  let baseUrl = "";
  let programName = "";
  let periodName = "";
  let centralCsv = "";
  let centralOnlyNames: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startSalurInProcess(1_000);
    ({ salur, baseUrl } = running);

    // A program period of the Dinas Sosial, whose recipients are 60 persons the regency imported.
    const caller = systemCaller("e2e reconciliation", salur.config.regencyCode);
    const [dinsos] = await queryRows<{ id: string }>(
      salur.database.db,
      sql`select id from agencies where code = 'DINSOS'`,
    );
    programName = "BLT Rekonsiliasi Uji";
    periodName = "Tahap Uji Rekonsiliasi";
    const program = await registry.createProgram(salur.registry, caller, {
      agencyId: (dinsos as { id: string }).id,
      code: "blt-rekon-uji",
      name: programName,
      kind: "cash",
      target: "person",
      amountPerRecipient: 600_000,
      budget: 600_000_000,
      quota: 1_000,
    });
    const period = await registry.createPeriod(salur.registry, caller, {
      programId: program.id,
      name: periodName,
      startsOn: "2026-07-01",
      endsOn: "2026-12-31",
      status: "open",
    });
    const records = cleanRecords(80, 47);
    const regional = records.slice(0, 60);
    // A differing RT is only a conflict where both lists have one.
    expect(regional.every((r) => /^\d+$/.test(r.rt ?? ""))).toBe(true);
    const d = importDeps(salur);
    const imported = await submitImport(
      d,
      caller,
      await upload(d, csvText([LIST_HEADERS, ...listRows(regional)])),
      { fileName: "penerima-daerah.csv", periodId: period.id, mode: "apply", invalidRows: "reject_file" },
    );
    const job = await d.jobs.wait(imported.job?.id ?? "");
    expect(job.state).toBe("succeeded");

    // The central list: 30 as the regency has them, 10 with another RT, 12 the regency never registered; the
    // other 20 recipients of the period are missing from it.
    const centralOnly = records.slice(60, 60 + PLANTED.central_only);
    centralOnlyNames = centralOnly.map((r) => r.name).sort();
    const central = [
      ...regional.slice(0, PLANTED.matched),
      ...regional.slice(PLANTED.matched, PLANTED.matched + PLANTED.conflict).map(otherRt),
      ...centralOnly,
    ];
    centralCsv = csvText([LIST_HEADERS, ...listRows(central)]);
  }, 300_000);

  afterAll(async () => {
    await running?.close();
  }, 60_000);

  const signedIn = (username: string, viewport = DESKTOP) =>
    (running as InProcessSalur).signedIn(username, viewport);

  /** Nothing wider than the screen: a phone user never scrolls sideways to reach a button. */
  async function fitsWidth(page: Page): Promise<void> {
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
        .document.documentElement;
      return root.scrollWidth - (globalThis as unknown as { innerWidth: number }).innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  }

  const setCount = async (page: Page, set: keyof typeof PLANTED) =>
    Number(
      (await page.getByTestId(`reconciliation-set-${set}`).getByTestId("set-count").textContent())?.replace(
        /\D/g,
        "",
      ),
    );

  const linesCount = (page: Page, total: number) =>
    page
      .getByTestId("reconciliation-lines-count")
      .filter({ hasText: new RegExp(`^${total} baris$`) })
      .waitFor();

  let reconciliationUrl = "";

  it("uploads a central list, follows the job and shows the four sets the test planted", async () => {
    const page = await signedIn("dinsos");
    await page
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Rekonsiliasi pusat–daerah" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Rekonsiliasi pusat–daerah" }).waitFor();
    await page.getByText("Belum ada rekonsiliasi").waitFor();

    await page.getByRole("combobox", { name: /^Program/ }).selectOption({ label: programName });
    await page.getByRole("combobox", { name: /^Tahap/ }).selectOption({ label: periodName });
    // The scope is explained in plain words; the period's recipients is the default.
    expect(await page.getByRole("radio", { name: /^Penerima pada tahap ini/ }).isChecked()).toBe(true);
    await page.getByText(/^Orang yang terdaftar sebagai penerima pada tahap yang dipilih/).waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: "dtks-tahap-2.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(centralCsv, "utf8"),
    });
    await page.screenshot({ path: join(SCREENSHOTS, "reconciliations-1280.png"), fullPage: true });
    await page.getByRole("button", { name: "Mulai rekonsiliasi" }).click();
    // A small list reconciles in about a second: the progress may come and go before it is seen.
    await page
      .getByTestId("reconciliation-progress")
      .or(page.getByRole("heading", { level: 1, name: "Rekonsiliasi DTKS" }))
      .first()
      .waitFor();
    await page.waitForURL(/\/rekonsiliasi\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    reconciliationUrl = page.url();
    await page.getByRole("heading", { level: 1, name: "Rekonsiliasi DTKS" }).waitFor();
    await page.getByTestId("reconciliation-set-matched").waitFor();

    for (const set of Object.keys(PLANTED) as (keyof typeof PLANTED)[])
      expect({ set, count: await setCount(page, set) }).toEqual({ set, count: PLANTED[set] });
    // Per kecamatan, the rows add up to the whole list.
    const districts = page.getByTestId("reconciliation-district");
    expect(await districts.count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(SCREENSHOTS, "reconciliation-1280.png"), fullPage: false });

    // The conflicts say which field differs: the RT the test changed.
    await page.getByTestId("reconciliation-set-conflict").click();
    await linesCount(page, PLANTED.conflict);
    const conflict = page.getByTestId("reconciliation-line").first();
    expect(await conflict.getByTestId("reconciliation-conflicts").textContent()).toBe("Berbeda: RT");
    expect(await conflict.locator("tr[data-differs]").count()).toBe(1);
    await conflict.getByText("Mengapa dianggap orang yang sama").click();
    expect(await conflict.getByTestId("reconciliation-evidence").locator("li").count()).toBeGreaterThan(2);
    await page.screenshot({ path: join(SCREENSHOTS, "reconciliation-conflicts-1280.png"), fullPage: true });

    // A kecamatan opens its desa.
    await districts.first().getByRole("button").click();
    await page.getByTestId("reconciliation-village").first().waitFor();

    // The list of reconciliations shows this one, done, with its counts.
    await page.goto(`${baseUrl}/rekonsiliasi`);
    const row = page
      .getByTestId("reconciliation-list")
      .getByRole("row")
      .filter({ hasText: "dtks-tahap-2.csv" });
    await row.getByText("Selesai").waitFor();
    expect(await row.textContent()).toContain(
      `${PLANTED.matched} cocok · ${PLANTED.conflict} beda · ${PLANTED.central_only} hanya pusat · ${PLANTED.regional_only} hanya daerah`,
    );
  }, 120_000);

  it("records a field-check decision with a reason that survives a reload, and exports the set", async () => {
    expect(reconciliationUrl).not.toBe("");
    const page = await signedIn("dinsos");
    await page.goto(`${reconciliationUrl}?set=central_only&decided=false`);
    await linesCount(page, PLANTED.central_only);
    const first = page.getByTestId("reconciliation-line").first();
    await first.getByTestId("reconciliation-field-check").getByText("Yang perlu dicek di lapangan").waitFor();
    const name = (await first.getByTestId("reconciliation-line-name").textContent()) ?? "";
    expect(centralOnlyNames).toContain(name);

    await first.getByRole("checkbox", { name: "Pilih baris 1" }).check();
    const bar = page.getByTestId("reconciliation-decide");
    await bar.getByText("1 baris dipilih").waitFor();
    // "Not eligible" needs a reason: refused in the form, before any request.
    await bar.getByRole("combobox", { name: /^Keputusan/ }).selectOption({ label: "Tidak layak" });
    await bar.getByRole("button", { name: "Simpan keputusan" }).click();
    await bar.getByText("Tuliskan alasannya.").waitFor();

    await bar.getByRole("combobox", { name: /^Keputusan/ }).selectOption({ label: "Perlu cek lapangan" });
    const reason = "Menurut ketua RT pindah ke Desa Lolo";
    await bar.getByRole("textbox", { name: /^Alasan/ }).fill(reason);
    await bar.getByRole("button", { name: "Simpan keputusan" }).click();
    await bar.getByText("Keputusan tersimpan untuk 1 baris.").waitFor();
    // Undecided lines only: the decided one leaves the list.
    await linesCount(page, PLANTED.central_only - 1);

    const [audit] = await queryRows<{ n: number }>(
      salur.database.db,
      sql`select count(*)::int as n from audit_entries where action = 'reconciliation.decide' and reason = ${reason}`,
    );
    expect(audit?.n).toBe(1);

    await page.goto(`${reconciliationUrl}?set=central_only&decided=true`);
    await page.reload();
    await linesCount(page, 1);
    const decided = page.getByTestId("reconciliation-line").first();
    expect(await decided.getAttribute("data-decision")).toBe("field_check");
    const said = (await decided.getByTestId("reconciliation-decision").textContent()) ?? "";
    expect(said).toContain("Perlu cek lapangan — oleh Pengelola Program Dinas Sosial");
    expect(said).toContain(`Alasan: ${reason}`);
    await page.screenshot({ path: join(SCREENSHOTS, "reconciliation-decided-1280.png"), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV untuk Hanya di daftar pusat" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("rekonsiliasi-DTKS-central_only.csv");
    const rows = parseCsv(readFileSync(await download.path(), "utf8")).filter((r) => r.some((c) => c !== ""));
    const [header, ...lines] = rows;
    expect(header).toContain("NAMA (PUSAT)");
    expect(lines).toHaveLength(PLANTED.central_only);
    const nameColumn = (header as string[]).indexOf("NAMA (PUSAT)");
    expect(lines.map((l) => l[nameColumn]).sort()).toEqual(centralOnlyNames);
    const decidedRow = lines.find((l) => l.includes(reason));
    expect(decidedRow).toContain("Perlu cek lapangan");
    // NIKs leave masked unless full identity is asked for (and audited).
    expect(lines.flat().join(" ")).not.toMatch(/\b\d{16}\b/);

    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "XLSX untuk Hanya di daftar pusat" }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe("rekonsiliasi-DTKS-central_only.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    expect(workbook.worksheets[0]?.actualRowCount).toBe(PLANTED.central_only + 1);
  }, 120_000);

  it("shows an auditor the results and the decisions taken, without a way to upload or decide", async () => {
    expect(reconciliationUrl).not.toBe("");
    const page = await signedIn("inspektorat");
    await page.goto(`${baseUrl}/rekonsiliasi`);
    await page.getByTestId("reconciliation-list").waitFor();
    expect(await page.getByRole("button", { name: "Mulai rekonsiliasi" }).count()).toBe(0);
    await page.goto(`${reconciliationUrl}?set=central_only&decided=true`);
    await linesCount(page, 1);
    await page.getByText("Anda dapat melihat hasil ini, tetapi tidak mencatat keputusan.").waitFor();
    const line = page.getByTestId("reconciliation-line").first();
    expect(await line.getByTestId("reconciliation-decision").textContent()).toContain(
      "Perlu cek lapangan — oleh Pengelola Program Dinas Sosial",
    );
    expect(await line.getByRole("checkbox").count()).toBe(0);
    expect(await page.getByTestId("reconciliation-decide").count()).toBe(0);

    // In English every word comes from the catalogs too: no message code shows through.
    await page.getByText("EN", { exact: true }).first().click();
    await page.getByRole("heading", { level: 1, name: "Reconciliation DTKS" }).waitFor();
    await page.getByText("Central list only", { exact: true }).first().waitFor();
    await line.getByText(/^Field check needed — by Pengelola Program Dinas Sosial/).waitFor();
    const text = (await page.locator("body").textContent()) ?? "";
    expect(text).not.toMatch(/\b(RECON|MATCHING|JOB|IMPORT)_[A-Z_]+/);
  }, 60_000);

  it("stays usable on a 390 px phone", async () => {
    expect(reconciliationUrl).not.toBe("");
    const page = await signedIn("dinsos", PHONE);
    await page.goto(`${reconciliationUrl}?set=conflict`);
    await linesCount(page, PLANTED.conflict);
    await fitsWidth(page);
    await page.getByTestId("reconciliation-line").first().getByRole("checkbox").check();
    await page.getByTestId("reconciliation-decide").getByRole("combobox").waitFor();
    await fitsWidth(page);
    await page.screenshot({ path: join(SCREENSHOTS, "reconciliation-390.png"), fullPage: true });
    await page.goto(`${baseUrl}/rekonsiliasi`);
    await page.getByTestId("reconciliation-cards").getByText("dtks-tahap-2.csv").waitFor();
    await fitsWidth(page);
    await page.screenshot({ path: join(SCREENSHOTS, "reconciliations-390.png"), fullPage: true });
  }, 60_000);
});
