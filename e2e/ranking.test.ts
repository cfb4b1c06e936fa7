import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/index.ts";
import { DEMO_SEED, demoVillages } from "../src/demo/seed.ts";
import { demoSimulationTable } from "../src/ranking/demo-table.ts";
import type { Salur } from "../src/runtime.ts";
import { CHROMIUM, chromiumAvailable, DESKTOP, waitForStill } from "./support/browser.ts";
import { type InProcessSalur, ROOT, startSalurInProcess } from "./support/server.ts";

/**
 * The ranking simulation in a real Chromium against the real server: an official re-weighs the criteria of a
 * demo program and sees who enters and leaves; then the page is handed a table of 100,000 applicants (the demo
 * generator's households, in the simulation endpoint's exact form) and a weight change is timed from the key
 * press to the redrawn table. The database holds a small demo so the suite stays quick; the 100,000 come from
 * the same generator without a database.
 */
const SCREENSHOTS = join(ROOT, "e2e", "screenshots");
const PHONE = { width: 390, height: 844 };
const WHAT_IF_APPLICANTS = 100_000;
const SAMPLES = 9;

/** The page's globals the timing script uses (the suite has no DOM types). */
interface TimingGlobals {
  document: {
    querySelector(selector: string): object | null;
    addEventListener(type: string, listener: (event: { timeStamp: number }) => void, options: object): void;
  };
  MutationObserver: new (
    callback: () => void,
  ) => { observe(target: object, options: object): void; disconnect(): void };
  requestAnimationFrame(callback: () => void): void;
  performance: { now(): number };
  salurWhatIf: { start: number; end: number };
}

describe.skipIf(!chromiumAvailable)("ranking simulation in Chromium", () => {
  let salur: Salur;
  let running: InProcessSalur | undefined;
  let baseUrl = "";
  let programId = "";
  let periodId = "";
  let periodStart = "";

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startSalurInProcess(4_000);
    ({ salur, baseUrl } = running);
    const [bst] = await queryRows<{ program: string; period: string; starts: string }>(
      salur.database.db,
      sql`select p.id as program, t.id as period, t.starts_on::text as starts from programs p
          join periods t on t.program_id = p.id where p.code = 'BST-DAERAH'`,
    );
    programId = bst?.program ?? "";
    periodId = bst?.period ?? "";
    periodStart = bst?.starts ?? "";
  }, 300_000);

  afterAll(async () => {
    await running?.close();
  }, 60_000);

  const signedIn = (username: string, viewport = DESKTOP) =>
    (running as InProcessSalur).signedIn(username, viewport);

  /** A full-page picture from the top, once the activity bar has gone (as the registry suite takes them). */
  async function screenshot(page: Page, file: string): Promise<void> {
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await waitForStill(page);
    await page.screenshot({ path: join(SCREENSHOTS, file), fullPage: true });
  }

  const table = (page: Page) => page.locator('[data-testid="ranking-table"][data-state="ready"]');

  it("lets a program manager re-weigh the criteria, fix an inconsistent comparison and see who enters and leaves", async () => {
    const page = await signedIn("dinsos");
    await page
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Peringkat & simulasi" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Simulasi peringkat penerima (AHP)" }).waitFor();
    await page
      .getByLabel("Program", { exact: true })
      .selectOption({ label: "Bantuan Sosial Tunai (BST) Daerah" });
    await table(page).waitFor();
    expect(await page.getByTestId("ranking-summary").textContent()).toMatch(/pendaftar/);
    const rows = await table(page).locator("tbody tr").count();
    expect(rows).toBeGreaterThan(0);
    await page.getByTestId("ranking-impact").filter({ hasText: "tidak berubah" }).waitFor();
    expect(await page.getByTestId("ranking-impact").textContent()).toContain("tidak berubah");

    // Work judged nine times as important as income: the comparison turns inconsistent (CR 0.11).
    await page.getByRole("button", { name: /Perbandingan berpasangan/ }).click();
    const before = await page.getByTestId("weight-penghasilan").textContent();
    await page
      .getByLabel("Penghasilan per bulan dibanding Pekerjaan kepala keluarga")
      .selectOption({ label: "Pekerjaan kepala keluarga mutlak lebih penting (9)" });
    await page.getByTestId("ranking-hints").waitFor();
    expect(await page.getByTestId("weight-penghasilan").textContent()).not.toBe(before);
    expect(await page.getByTestId("ranking-cr").textContent()).toMatch(/0,111/);
    // Saving judgments above CR 0.10 asks why they are kept; without a reason nothing is sent.
    await page.getByTestId("cr-justification").waitFor();
    await page.getByRole("button", { name: "Simpan sebagai model program" }).click();
    await page.getByText(/^Tuliskan alasan perubahan/).waitFor();
    await page.getByTestId("ranking-sensitivity").waitFor();
    await screenshot(page, `ranking-${DESKTOP.width}.png`);

    // The first hint is the change that restores consistency.
    await page.getByTestId("ranking-hints").getByRole("button", { name: "Terapkan" }).first().click();
    await page.getByTestId("ranking-cr").filter({ hasText: /0,009/ }).waitFor();
    expect(await page.getByTestId("ranking-cr").textContent()).toMatch(/0,009/);
    await page.getByTestId("cr-justification").waitFor({ state: "detached" });
    await page.getByTestId("ranking-sensitivity").waitFor();
    await page.getByTestId("ranking-near").waitFor();

    // The hint restored the program's judgment; health is now judged above the number of children, saved as the
    // program's model version 1.
    await page
      .getByLabel("Kesehatan dibanding Jumlah anak")
      .selectOption({ label: "Kesehatan sedikit lebih penting (3)" });
    await page.getByLabel(/^Alasan perubahan/).fill("Hasil musyawarah desa");
    await page.getByRole("button", { name: "Simpan sebagai model program" }).click();
    await page.getByText("Model program: versi 1").waitFor();
    await table(page).waitFor();
    // Running the selection with the saved model is part of the officials' journey (e2e/officials.test.ts).
    await page.getByRole("button", { name: "Jalankan seleksi" }).waitFor();

    await page.getByText("EN", { exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Recipient ranking simulation (AHP)" }).waitFor();
  });

  it("fits a phone screen", async () => {
    const page = await signedIn("dinsos", PHONE);
    await page.goto(`${baseUrl}/peringkat?program=${programId}&period=${periodId}`);
    await table(page).waitFor();
    await page.getByTestId("ranking-sensitivity").waitFor();
    await screenshot(page, `ranking-${PHONE.width}.png`);
  });

  it(`re-ranks ${WHAT_IF_APPLICANTS.toLocaleString("en")} applicants and redraws the table within 200 ms of a weight change`, async () => {
    const view = demoSimulationTable({
      seed: DEMO_SEED,
      villages: demoVillages(salur),
      today: periodStart,
      count: WHAT_IF_APPLICANTS,
    });
    const body = JSON.stringify({ ...view, programId, periodId });
    const page = await signedIn("dinsos");
    await page.route(`**/api/ranking/periods/${periodId}/simulation`, (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body }),
    );
    await page.goto(`${baseUrl}/peringkat?program=${programId}&period=${periodId}`);
    await page
      .locator(`[data-testid="ranking-table"][data-count="${WHAT_IF_APPLICANTS}"]`)
      .waitFor({ timeout: 60_000 });
    const income = page.getByRole("slider", { name: "Bobot Penghasilan per bulan" });
    const samples: number[] = [];
    for (let sample = 0; sample < SAMPLES; sample++) {
      // Start from a quiet page: the sensitivity of the previous draft has been computed and drawn.
      await page.getByTestId("ranking-sensitivity").waitFor();
      await page.evaluate(() => {
        const g = globalThis as unknown as TimingGlobals;
        g.salurWhatIf = { start: 0, end: 0 };
        g.document.addEventListener(
          "keydown",
          (event) => {
            g.salurWhatIf.start = event.timeStamp;
          },
          { capture: true, once: true },
        );
        const body = g.document.querySelector('[data-testid="ranking-table"] tbody');
        if (!body) throw new Error("no ranking table");
        const observer = new g.MutationObserver(() => {
          observer.disconnect();
          // The frame that shows the new rows has been painted once the next task after its rAF runs.
          g.requestAnimationFrame(() =>
            setTimeout(() => {
              g.salurWhatIf.end = g.performance.now();
            }, 0),
          );
        });
        observer.observe(body, { childList: true, subtree: true, characterData: true });
      });
      // Alternating "weight 0" and "weight 1" for income reorders the top of the list every time.
      await income.press(sample % 2 === 0 ? "Home" : "End");
      await page.waitForFunction(
        () => (globalThis as unknown as TimingGlobals).salurWhatIf.end > 0,
        undefined,
        {
          timeout: 10_000,
        },
      );
      const { start, end } = await page.evaluate(() => (globalThis as unknown as TimingGlobals).salurWhatIf);
      samples.push(end - start);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] as number;
    console.log(
      `ranking what-if 100k: ${median.toFixed(0)} ms (median of ${samples.length} weight changes, key press to redrawn table; max ${(sorted.at(-1) as number).toFixed(0)} ms; [${samples.map((s) => s.toFixed(0)).join(", ")}])`,
    );
    expect(median).toBeLessThan(200);
    expect(await page.getByTestId("ranking-impact").textContent()).toMatch(/masuk/);
  }, 180_000);
});

if (!chromiumAvailable) console.log(`Ranking browser suite skipped: no Chromium at ${CHROMIUM}.`);
