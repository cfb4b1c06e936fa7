import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/index.ts";
import type { Salur } from "../src/runtime.ts";
import { chromiumAvailable, DESKTOP, waitForStill } from "./support/browser.ts";
import { type InProcessSalur, ROOT, startSalurInProcess } from "./support/server.ts";

/**
 * Overlap detection in a real Chromium against the real server: the regency's coordinator links the registry,
 * decides an uncertain pair with a reason and exports the violations agenda; a desa operator typing a person
 * who is already registered is warned before saving. A small demo keeps the suite quick; it still plants
 * duplicate registrations and enrolls some of them twice.
 */
const SCREENSHOTS = join(ROOT, "e2e", "screenshots");
const PHONE = { width: 390, height: 844 };
const LOLO = "64.01.05.2002";

interface ExistingPerson {
  id: string;
  name: string;
  sex: "L" | "P";
  birth_date: string;
}

describe.skipIf(!chromiumAvailable)("overlap detection in Chromium", () => {
  let salur: Salur;
  let running: InProcessSalur | undefined;
  let baseUrl = "";
  let existing: ExistingPerson | undefined;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startSalurInProcess(4_000);
    ({ salur, baseUrl } = running);
    // An adult of Desa Lolo with a recorded birth date: the operator types her (or him) again.
    [existing] = await queryRows<ExistingPerson>(
      salur.database.db,
      sql`select id, name, sex, birth_date::text as birth_date from persons
          where village_code = ${LOLO} and birth_date is not null and birth_date < '2000-01-01'
          order by name limit 1`,
    );
  }, 300_000);

  afterAll(async () => {
    await running?.close();
  }, 60_000);

  const signedIn = (username: string, viewport = DESKTOP) =>
    (running as InProcessSalur).signedIn(username, viewport);

  async function screenshot(page: Page, file: string): Promise<void> {
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await waitForStill(page);
    await page.screenshot({ path: join(SCREENSHOTS, file), fullPage: true });
  }

  /** Nothing wider than the screen: a phone user never scrolls sideways to reach a button. */
  async function fitsWidth(page: Page): Promise<void> {
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
        .document.documentElement;
      return root.scrollWidth - (globalThis as unknown as { innerWidth: number }).innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  }

  it("lets the coordinator run matching, decide a pair with a reason and export the violations agenda", async () => {
    const page = await signedIn("bappeda");
    await page
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Data ganda & tumpang tindih" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Data ganda & tumpang tindih" }).waitFor();

    await page.getByRole("button", { name: "Jalankan pencocokan" }).click();
    const done = page.getByTestId("matching-run-done");
    // A small registry links in well under a second: the progress notice may come and go before it is seen.
    await page.getByTestId("matching-run-progress").or(done).first().waitFor();
    await done.waitFor({ timeout: 120_000 });
    expect(await done.textContent()).toMatch(/^Pencocokan selesai: [\d.]+ orang/);

    const pair = page.getByTestId("review-pair");
    await pair.waitFor();
    const before = Number((await page.getByTestId("review-total").textContent())?.match(/\d+/)?.[0]);
    expect(before).toBeGreaterThan(0);
    expect(await pair.getByText("Mengapa pasangan ini muncul").count()).toBe(1);
    await screenshot(page, "overlap-reviews-1280.png");

    // A decision without a reason is refused in the form, before any request.
    await pair.getByRole("button", { name: "Orang yang sama" }).click();
    await pair.getByText("Tuliskan alasan (minimal 3 huruf).").waitFor();

    // Keyboard only: the reason, then Alt+S for "same person". (Which pair comes first depends on the seeded
    // ids; "different people" on a pair that is the demo's only overlap would leave no violation to show.)
    const reason = pair.getByRole("textbox", { name: /^Alasan keputusan/ });
    await reason.focus();
    await page.keyboard.type("Orang yang sama, dicek di KK saat rapat");
    await page.keyboard.press("Alt+s");
    await page.getByText("Keputusan tersimpan.").waitFor();
    await page.waitForFunction(
      (expected) =>
        (
          globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }
        ).document
          .querySelector('[data-testid="review-total"]')
          ?.textContent.startsWith(`${expected} `),
      before - 1,
    );
    await page.getByRole("radiogroup", { name: "Status" }).getByText("Orang yang sama").click();
    await page.getByTestId("review-pair").getByText("Orang yang sama, dicek di KK saat rapat").waitFor();

    await page.getByRole("tab", { name: "Mutu pencocokan" }).click();
    await page.getByTestId("quality-table").waitFor();

    await page.getByRole("tab", { name: "Laporan tumpang tindih" }).click();
    const count = page.getByTestId("violations-count");
    await count.waitFor();
    expect(await count.textContent()).toMatch(/^[1-9][\d.]* pelanggaran pada \d+ \w+ \d{4}/);
    expect(await page.getByTestId("violation").count()).toBeGreaterThan(0);
    await screenshot(page, "overlap-violations-1280.png");

    for (const format of ["XLSX", "CSV"] as const) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: `Unduh ${format}` }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^tumpang-tindih-\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}\\.${format.toLowerCase()}$`),
      );
      const path = await download.path();
      const bytes = readFileSync(path);
      if (format === "XLSX") expect(bytes.subarray(0, 2).toString()).toBe("PK");
      else expect(bytes.toString("utf8")).toContain("PELANGGARAN");
    }

    await page.getByRole("tab", { name: "Aturan tumpang tindih" }).click();
    await page.getByRole("heading", { name: "Aturan baru" }).waitFor();
  }, 240_000);

  it("fits 390 and 360 px phones: the review queue and the report", async () => {
    const page = await signedIn("bappeda", PHONE);
    await page.goto(`${baseUrl}/tumpang-tindih`);
    await page.getByTestId("review-pair").waitFor();
    await fitsWidth(page);
    await screenshot(page, "overlap-reviews-390.png");
    await page.goto(`${baseUrl}/tumpang-tindih?tab=pelanggaran`);
    await page.getByTestId("violations-count").waitFor();
    await fitsWidth(page);
    await screenshot(page, "overlap-violations-390.png");
    // The narrowest phones still in use in the desa.
    await page.setViewportSize({ width: 360, height: 780 });
    await fitsWidth(page);
    await page.goto(`${baseUrl}/tumpang-tindih`);
    await page.getByTestId("review-pair").waitFor();
    await fitsWidth(page);
  }, 120_000);

  for (const [viewport, file] of [
    [DESKTOP, "overlap-form-warning-1280.png"],
    [PHONE, "overlap-form-warning-390.png"],
  ] as const) {
    it(`warns a desa operator, before saving, that the person typed is already registered (${viewport.width} px)`, async () => {
      const person = existing as ExistingPerson;
      expect(person).toBeDefined();
      const page = await signedIn("operator.lolo", viewport);
      await page.goto(`${baseUrl}/penduduk/baru`);
      await page.getByRole("heading", { level: 1, name: "Daftarkan penduduk" }).waitFor();
      const panel = page.getByTestId("match-candidates");
      await panel.getByText("Isi nama dan NIK atau tanggal lahir untuk memeriksa data ganda.").waitFor();

      await page.getByRole("textbox", { name: /^Nama/ }).fill(person.name);
      await page.getByRole("radio", { name: person.sex === "L" ? "Laki-laki" : "Perempuan" }).check();
      await page.getByLabel(/^Tanggal lahir/).fill(person.birth_date);

      await panel.getByText("Kemungkinan sudah terdaftar").waitFor();
      const candidate = panel.getByTestId("match-candidate").filter({ hasText: person.name }).first();
      await candidate.waitFor();
      const link = candidate.getByRole("link", { name: person.name });
      expect(await link.getAttribute("href")).toBe(`/penduduk/${person.id}`);
      expect(await candidate.locator("li").count()).toBeGreaterThan(0);
      // Nothing was saved: the form is still open with its Save button.
      expect(page.url()).toMatch(/\/penduduk\/baru$/);
      if (viewport.width < 400) await fitsWidth(page);
      await panel.evaluate((element) => (element as unknown as { scrollIntoView(): void }).scrollIntoView());
      await waitForStill(page);
      await page.screenshot({ path: join(SCREENSHOTS, file), fullPage: false });

      // A name no one in the demo carries finds no one.
      await page.getByRole("textbox", { name: /^Nama/ }).fill("Zzyzx Qwertyuiop");
      await panel.getByTestId("match-candidates-none").waitFor();
    }, 120_000);
  }
});
