import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/index.ts";
import { cleanRecords, csvText, LIST_HEADERS, listRows } from "../src/imports/testing.ts";
import type { Salur } from "../src/runtime.ts";
import { chromiumAvailable, DESKTOP, waitForValue } from "./support/browser.ts";
import { type InProcessSalur, ROOT, startSalurInProcess } from "./support/server.ts";

/**
 * List imports in a real Chromium against the real server on a small demo: Dinas Sosial's program manager
 * uploads a list with broken rows and sees each finding by row and column, downloads the report with its note
 * column and checks the file again with a column read differently; then checks and saves a clean list into a
 * program period, sees the counts and keeps the layout as a template; sending that file again changes nothing and
 * says so.
 */
const SCREENSHOTS = join(ROOT, "e2e", "screenshots");
const PHONE = { width: 390, height: 844 };
const CLEAN_ROWS = 8;
const IMPORT_URL = /\/impor\/[0-9a-f-]{36}$/;

/** The page's globals, typed just enough for the scripts run inside it (no DOM lib here). */
interface InPage {
  document: { documentElement: { scrollWidth: number } };
  innerWidth: number;
}

interface Target {
  program: string;
  period: string;
  period_id: string;
}

/** The demo generator's clean records as a list; rows 2 … 9 of the file (row 1 is the header). */
const clean = listRows(cleanRecords(CLEAN_ROWS, 23));
const cleanCsv = csvText([LIST_HEADERS, ...clean]);

/** The same rows and four broken ones after them (rows 10 … 13), each wrong in one column. */
function brokenCsv(): string {
  const first = clean[0] as string[];
  const broken = (i: number, column: number, value: string) => {
    const row = [...(clean[i] as string[])];
    row[0] = String(CLEAN_ROWS + i + 1);
    row[column] = value;
    return row;
  };
  return csvText([
    LIST_HEADERS,
    ...clean,
    broken(1, 3, ""), // row 10: NAMA empty
    broken(2, 5, "31-02-1980"), // row 11: TGL LAHIR that does not exist
    broken(3, 10, "64.01.99.9999"), // row 12: KODE DESA unknown
    [String(CLEAN_ROWS + 5), ...first.slice(1)], // row 13: row 2 again, so its NIK twice
  ]);
}

describe.skipIf(!chromiumAvailable)("list imports in Chromium", () => {
  let salur: Salur;
  let running: InProcessSalur | undefined;
  let baseUrl = "";
  let target: Target | undefined;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startSalurInProcess(1_500);
    ({ salur, baseUrl } = running);
    // A period of a Dinas Sosial program, open if there is one: where the program manager's list goes.
    [target] = await queryRows<Target>(
      salur.database.db,
      sql`select pr.name as program, pe.name as period, pe.id as period_id
          from periods pe join programs pr on pr.id = pe.program_id join agencies a on a.id = pr.agency_id
          where a.code = 'DINSOS' order by (pe.status = 'open') desc, pe.starts_on desc limit 1`,
    );
  }, 300_000);

  afterAll(async () => {
    await running?.close();
  }, 60_000);

  const signedIn = (username: string, viewport = DESKTOP) =>
    (running as InProcessSalur).signedIn(username, viewport);

  async function openImports(page: Page): Promise<void> {
    await page
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Impor daftar" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Impor daftar" }).waitFor();
  }

  /** Fills the upload form for the Dinas Sosial period and sends `content` as `name` (read by `template`). */
  async function upload(
    page: Page,
    name: string,
    content: string,
    mode: "check" | "apply",
    template?: string,
  ): Promise<void> {
    const period = target as Target;
    await page.getByLabel("Program", { exact: true }).selectOption({ label: period.program });
    const periodSelect = page.getByLabel(/^Tahap/);
    await periodSelect.locator(`option[value="${period.period_id}"]`).waitFor({ state: "attached" });
    await periodSelect.selectOption(period.period_id);
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
    await page.getByTestId("import-file-chosen").getByText(name).waitFor();
    if (template) {
      const templates = page.getByLabel("Cara membaca kolom");
      await templates.locator("option", { hasText: template }).waitFor({ state: "attached" });
      await templates.selectOption({ label: template });
    }
    if (mode === "apply") await page.getByRole("radio", { name: "Periksa lalu langsung simpan" }).check();
    await page
      .getByRole("button", { name: mode === "check" ? "Periksa berkas" : "Periksa dan simpan" })
      .click();
  }

  /** The job is followed live and the import's page opens when it ends (a small file may end before it is seen). */
  async function followToImport(page: Page, from: string): Promise<string> {
    await page
      .getByTestId("import-progress")
      .or(page.getByRole("heading", { level: 1 }).filter({ hasText: /\.csv$/ }))
      .first()
      .waitFor();
    await page.waitForURL((url) => IMPORT_URL.test(url.pathname) && url.href !== from, { timeout: 60_000 });
    // The import page can open while the check is still running; the test reads the state it settles in.
    // Only this import's own status counts: the page it came from (the list, or the import it re-checks)
    // shows other imports' states and may still be on screen for a moment after the address changed.
    await importStatus(page)
      .locator('[data-testid="import-state"]:not([data-state="queued"]):not([data-state="running"])')
      .waitFor({ timeout: 60_000 });
    return page.url();
  }

  /** The status section of the import the address names (not one still on screen from the page before). */
  function importStatus(page: Page) {
    const id = new URL(page.url()).pathname.split("/").pop() ?? "";
    return page.locator(`section[data-import-id="${id}"]`);
  }

  async function stateOf(page: Page): Promise<string | null> {
    return importStatus(page).getByTestId("import-state").getAttribute("data-state");
  }

  /** Nothing wider than the screen: a phone user never scrolls sideways to reach a button. */
  async function fitsWidth(page: Page): Promise<void> {
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as InPage).document.documentElement;
      return root.scrollWidth - (globalThis as unknown as InPage).innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  }

  let rejectedUrl = "";

  it("shows each broken row's finding by row and column and offers the report with its note column", async () => {
    expect(target).toBeDefined();
    const page = await signedIn("dinsos");
    await openImports(page);
    await upload(page, "daftar-rusak.csv", brokenCsv(), "check");
    rejectedUrl = await followToImport(page, page.url());

    // Refused as a whole (the default policy): nothing saved, and the page says why.
    expect(await stateOf(page)).toBe("rejected");
    expect(await page.getByTestId("import-state-text").textContent()).toMatch(
      /4 baris salah; tidak ada yang disimpan/,
    );
    expect(await page.getByTestId("import-sum-rows").textContent()).toMatch(/^12/);
    expect(await page.getByTestId("import-sum-rejected").textContent()).toMatch(/^4/);

    // Each broken row's error, found where the officer will look for it: its row and its column.
    const finding = async (row: number, message: RegExp) => {
      const cell = page
        .locator(`[data-testid="import-issue"][data-row="${row}"][data-severity="error"]`)
        .filter({ hasText: message });
      await cell.first().waitFor();
      return cell.first().textContent();
    };
    expect(await finding(10, /Nama kosong/)).toMatch(/^10D \(NAMA\)Galat/);
    expect(await finding(11, /'31-02-1980' tidak ada di kalender/)).toMatch(/^11F \(TGL LAHIR\)Galat/);
    expect(await finding(12, /64\.01\.99\.9999/)).toMatch(/^12K \(KODE DESA\)Galat/);
    expect(await finding(13, /sudah ada di baris 2 /)).toMatch(/^13B \(NIK\)Galat/);
    // The layout found: which header went to which field.
    const mapping = page.getByTestId("import-mapping");
    await waitForValue(
      page,
      () => mapping.locator('[data-header="TGL LAHIR"] select').inputValue(),
      "birthDate",
    );
    expect(await mapping.locator('[data-header="TGL LAHIR"] select').inputValue()).toBe("birthDate");
    expect(await mapping.locator('[data-header="KODE DESA"] select').inputValue()).toBe("villageCode");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Unduh CSV" }).click(),
    ]);
    const report = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
    const lines = report.split(/\r?\n/);
    expect(lines[0]).toMatch(/KETERANGAN IMPOR/);
    expect(lines[9]).toMatch(/GALAT/);
    expect(lines[9]).toMatch(/Nama kosong/);
    expect(lines[1]).not.toMatch(/GALAT/);

    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Unduh Excel" }).click(),
    ]);
    // An XLSX is a zip: it starts with PK.
    expect(
      readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");
    await page.screenshot({ path: join(SCREENSHOTS, "import-rejected-1280.png"), fullPage: true });

    // Read TGL LAHIR as nothing and check the same file again (picked again: the server keeps no re-mapping).
    await mapping.locator('[data-header="TGL LAHIR"] select').selectOption("ignore");
    const recheck = page.getByTestId("import-recheck");
    await recheck.getByText("Susunan kolom sudah Anda ubah").waitFor();
    await recheck.locator('input[type="file"]').setInputFiles({
      name: "daftar-rusak.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(brokenCsv(), "utf8"),
    });
    await recheck.getByRole("button", { name: "Periksa ulang" }).click();
    await followToImport(page, rejectedUrl);
    expect(await stateOf(page)).toBe("rejected");
    // Row 11 no longer has a date to be wrong; it is now plainly row 4 again, and says so on its NIK.
    const row11 = page.locator('[data-testid="import-issue"][data-row="11"]');
    await row11.first().waitFor();
    expect(await row11.allTextContents()).toEqual([
      expect.stringMatching(/^11B \(NIK\)Galat.*sudah ada di baris 4 /),
    ]);
    expect(await page.getByTestId("import-issue").filter({ hasText: "TGL LAHIR" }).count()).toBe(0);
    expect(
      await page.getByTestId("import-mapping").locator('[data-header="TGL LAHIR"] select').inputValue(),
    ).toBe("ignore");
  }, 90_000);

  it("checks a clean list, saves it after confirmation with its counts, and refuses it a second time", async () => {
    const period = target as Target;
    const before = await enrollmentsOf(period.period_id);
    const page = await signedIn("dinsos");
    await openImports(page);
    await upload(page, "daftar-bersih.csv", cleanCsv, "check");
    const checkedUrl = await followToImport(page, page.url());
    expect(await stateOf(page)).toBe("checked");
    expect(await page.getByTestId("import-sum-personsCreated").textContent()).toMatch(
      new RegExp(`^${CLEAN_ROWS}orang baru \\(akan dicatat\\)`),
    );
    // A check saves nothing.
    expect(await enrollmentsOf(period.period_id)).toBe(before);

    await page.getByTestId("import-apply").click();
    const dialog = page.getByRole("dialog", { name: "Simpan berkas yang sudah diperiksa?" });
    await dialog.getByText(`${CLEAN_ROWS} orang didaftarkan ke tahap program ini.`).waitFor();
    await dialog.getByRole("button", { name: "Ya, simpan" }).click();
    const appliedUrl = await followToImport(page, checkedUrl);
    expect(appliedUrl).not.toBe(checkedUrl);
    expect(await stateOf(page)).toBe("applied");
    expect(await page.getByTestId("import-sum-personsCreated").textContent()).toMatch(
      new RegExp(`^${CLEAN_ROWS}orang baru dicatat`),
    );
    expect(await page.getByTestId("import-sum-enrollmentsCreated").textContent()).toMatch(
      new RegExp(`^${CLEAN_ROWS}didaftarkan ke tahap`),
    );
    expect(await enrollmentsOf(period.period_id)).toBe(before + CLEAN_ROWS);
    await page
      .getByTestId("import-screening")
      .getByText(/^Dibandingkan dengan/)
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, "import-applied-1280.png"), fullPage: true });

    // The layout kept as Dinas Sosial's template, offered for its next list.
    const save = page.getByTestId("import-save-template");
    await save.getByLabel(/^Nama templat/).fill("Format BST Dinsos");
    await save.getByRole("button", { name: "Simpan templat" }).click();
    await save.getByText("Templat “Format BST Dinsos” tersimpan.").waitFor();

    // The checked import now points to where it was saved instead of offering to save it again.
    await page.goto(checkedUrl);
    await page.getByTestId("import-applied-as").waitFor();
    expect(await page.getByTestId("import-apply").count()).toBe(0);

    // The same bytes again, straight to saving: nothing changes, and the page says so with a link.
    await openImports(page);
    await upload(page, "daftar-bersih-lagi.csv", cleanCsv, "apply", "Format BST Dinsos");
    const duplicate = page.getByTestId("import-duplicate");
    await duplicate.getByText("Berkas ini sudah pernah disimpan").waitFor();
    expect(await enrollmentsOf(period.period_id)).toBe(before + CLEAN_ROWS);
    await duplicate.getByRole("link", { name: "Buka impor yang sudah disimpan" }).click();
    await page.waitForURL(appliedUrl);

    // The recent imports list names all five uploads with their state, newest first.
    await openImports(page);
    const rows = page.getByTestId("import-list-row");
    const listStates = () =>
      page
        .getByTestId("import-list")
        .getByTestId("import-state")
        .evaluateAll((badges) =>
          badges.map((b) => (b as unknown as { getAttribute(n: string): string }).getAttribute("data-state")),
        );
    // The list opens on what it held before the last upload ended (four rows, or the fifth still running) and
    // refetches: the test reads it once it shows the last upload settled.
    const states = ["duplicate", "applied", "checked", "rejected", "rejected"];
    await waitForValue(page, listStates, states);
    expect(await rows.count()).toBe(5);
    expect(await listStates()).toEqual(states);
  }, 90_000);

  it("reads well on a 390 px phone", async () => {
    const page = await signedIn("dinsos", PHONE);
    await page.goto(`${baseUrl}/impor`);
    await page.getByRole("heading", { level: 1, name: "Impor daftar" }).waitFor();
    await page.getByTestId("import-list-row").first().waitFor();
    await fitsWidth(page);
    await page.screenshot({ path: join(SCREENSHOTS, "imports-390.png"), fullPage: true });
    await page.goto(rejectedUrl);
    await page.locator('[data-testid="import-issue"][data-row="10"]').first().waitFor();
    await fitsWidth(page);
    await page.screenshot({ path: join(SCREENSHOTS, "import-rejected-390.png"), fullPage: true });

    // The same page in English, the findings included (worded by the web app's catalogs from their codes).
    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("heading", { level: 2, name: "Findings by row" }).waitFor();
    expect(await page.locator('[data-testid="import-issue"][data-row="10"]').first().textContent()).toMatch(
      /^10D \(NAMA\)ErrorThe name is empty\./,
    );
    await fitsWidth(page);
  }, 60_000);

  it("reads a list whose name header it does not know once told which column holds the name", async () => {
    const page = await signedIn("dinsos");
    await openImports(page);
    // A list of residents only (no program), its name column headed in a way no rule knows.
    const unusual = "NAMA PENERIMA BANTUAN SOSIAL";
    const headers = LIST_HEADERS.map((h) => (h === "NAMA" ? unusual : h));
    const content = csvText([headers, ...listRows(cleanRecords(3, 31))]);
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: "penduduk.csv", mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    const refusedUrl = await followToImport(page, page.url());
    expect(await stateOf(page)).toBe("rejected");
    await page
      .getByTestId("import-problem")
      .getByText(/Judul kolom tidak ditemukan/)
      .waitFor();

    const manual = page.getByTestId("import-manual-mapping");
    await manual.getByLabel("Judul di berkas").fill(unusual);
    await manual.getByLabel("Dibaca sebagai").selectOption("name");
    await page
      .getByTestId("import-recheck")
      .locator('input[type="file"]')
      .setInputFiles({ name: "penduduk.csv", mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
    await page.getByTestId("import-recheck").getByRole("button", { name: "Periksa ulang" }).click();
    await followToImport(page, refusedUrl);
    expect(await stateOf(page)).toBe("checked");
    expect(await page.getByTestId("import-sum-accepted").textContent()).toMatch(/^3/);
    expect(
      await page.getByTestId("import-mapping").locator(`[data-header="${unusual}"] select`).inputValue(),
    ).toBe("name");
  }, 60_000);

  async function enrollmentsOf(periodId: string): Promise<number> {
    const [row] = await queryRows<{ n: number }>(
      salur.database.db,
      sql`select count(*)::int as n from enrollments where period_id = ${periodId}`,
    );
    return Number(row?.n ?? 0);
  }
});
