import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/index.ts";
import { portalOf } from "../src/portal/portal.ts";
import { checkCodeOf } from "../src/portal/self-check.ts";
import type { Salur } from "../src/runtime.ts";
import { chromiumAvailable, DESKTOP, launchChromium } from "./support/browser.ts";
import { type InProcessSalur, ROOT, startSalurInProcess } from "./support/server.ts";

/**
 * The public portal in Chromium: an official prepares a sanggah list and another approves it; it appears on the
 * portal; a member of the public, with no account, objects to a name; the objection appears in the officials'
 * screen. The self-check at 360 px; axe-core on every public page (0 serious or critical); screenshots.
 */
const SCREENSHOTS = join(ROOT, "docs", "screenshots");
const PHONE = { width: 360, height: 780 };
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const OBJECTION = "Rumahnya besar dan anaknya pegawai bank di kota.";

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: unknown[];
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = (await page.evaluate(
    "axe.run(document, { resultTypes: ['violations'] }).then(r => r.violations)",
  )) as AxeViolation[];
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
}

describe.skipIf(!chromiumAvailable)("public portal in Chromium", () => {
  let running: InProcessSalur | undefined;
  let salur: Salur;
  let baseUrl = "";
  let browser: Browser;
  let program = "";

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startSalurInProcess(1_500);
    ({ salur, baseUrl } = running);
    browser = await launchChromium();
    const [row] = await queryRows<{ name: string }>(
      salur.database.db,
      sql`select pr.name from enrollments e join programs pr on pr.id = e.program_id join agencies a on a.id = pr.agency_id
          where e.status = 'selected' and a.code = 'DINSOS' group by pr.name order by count(*) desc limit 1`,
    );
    program = row?.name ?? "";
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  }, 60_000);

  async function publicPage(viewport = DESKTOP): Promise<Page> {
    // CSP forbids inline script: bypassed here only so that axe-core can be injected.
    const context = await browser.newContext({ viewport, locale: "id-ID", bypassCSP: true });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }

  it("an official prepares a sanggah list, another approves it, the public sees it and objects, the officials see the objection", async () => {
    expect(program).not.toBe("");
    const maker = await (running as InProcessSalur).signedIn("dinsos");
    await maker
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Portal publik" })
      .click();
    await maker.getByRole("heading", { level: 1, name: /Portal publik/ }).waitFor();
    await maker
      .getByLabel(/Program dan tahap/)
      .first()
      .click();
    await maker.getByRole("option", { name: program }).first().click();
    await maker.getByRole("button", { name: "Siapkan" }).click();
    await maker.getByText("Publikasi disiapkan").waitFor();
    await maker.getByText("Disiapkan oleh Anda").first().waitFor();
    await maker.screenshot({ path: join(SCREENSHOTS, "portal-officials-1280.png"), fullPage: true });

    const checker = await (running as InProcessSalur).signedIn("kabid.dinsos");
    await checker
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Portal publik" })
      .click();
    await checker.getByRole("button", { name: "Setujui dan terbitkan" }).first().click();
    await checker.getByText("Publikasi terbit di portal.").waitFor();

    const visitor = await publicPage(PHONE);
    await visitor.goto(`${baseUrl}/publik`);
    await visitor.getByRole("link", { name: program }).click();
    await visitor
      .getByRole("link", { name: /Terbaru|Publikasi terbaru/ })
      .first()
      .click();
    await visitor.getByRole("heading", { name: /Daftar per desa/ }).waitFor();
    await visitor.locator("table a[href*='/desa/']").first().click();
    await visitor.getByRole("heading", { level: 1, name: /^Daftar / }).waitFor();
    await visitor.screenshot({ path: join(SCREENSHOTS, "portal-desa-list-360.png"), fullPage: true });
    await visitor
      .getByRole("link", { name: /Ajukan sanggahan/ })
      .first()
      .click();
    await visitor.getByLabel("Alasan").selectOption("not_poor");
    await visitor.getByLabel("Penjelasan (wajib)").fill(OBJECTION);
    await visitor.getByRole("button", { name: "Kirim" }).click();
    await visitor.getByRole("heading", { name: "Sanggahan diterima" }).waitFor();

    await maker.reload();
    await maker.getByRole("heading", { name: "Sanggahan masuk" }).waitFor();
    await maker.getByText(OBJECTION).waitFor();
    expect(await maker.getByTestId("objection-row").count()).toBeGreaterThan(0);
  }, 180_000);

  it("checks one's own status with NIK and check code on a 360 px phone", async () => {
    const [row] = await queryRows<{ id: string; nik_cipher: Uint8Array; nik_index: Uint8Array }>(
      salur.database.db,
      sql`select p.id, p.nik_cipher, p.nik_index from persons p join enrollments e on e.person_id = p.id
          where e.status = 'published' and p.nik_cipher is not null limit 1`,
    );
    if (!row) throw new Error("no published person");
    const page = await publicPage(PHONE);
    await page.goto(`${baseUrl}/publik`);
    await page.getByRole("link", { name: "Cek status" }).click();
    await page.getByLabel("NIK (16 angka)").fill(salur.vault.open("nik", row.nik_cipher, row.nik_index));
    await page.getByLabel("Kode cek (8 karakter)").fill(checkCodeOf(portalOf(salur), row.id));
    await page.screenshot({ path: join(SCREENSHOTS, "portal-self-check-360.png"), fullPage: true });
    await page.getByRole("button", { name: "Cek" }).click();
    await page.getByRole("heading", { name: "Status Anda" }).waitFor();
    await page.getByText("Diusulkan, masa sanggah").first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, "portal-self-check-result-360.png"), fullPage: true });
  }, 60_000);

  it("has no serious or critical axe-core violation on any public page, at 360 and 1280 px", async () => {
    const cache = portalOf(salur).cache;
    const sanggah = cache.all().find((p) => p.snapshot.kind === "sanggah");
    const entry = sanggah?.snapshot.entries[0];
    const pages: [string, string][] = [
      ["home", "/publik"],
      ["program", `/publik/program/${sanggah?.snapshot.program.code}`],
      ["publication", `/publik/publikasi/${sanggah?.id}`],
      ["desa-list", `/publik/publikasi/${sanggah?.id}/desa/${entry?.villageCode}`],
      ["objection", `/publik/sanggah/${sanggah?.id}/${entry?.ref}`],
      ["self-check", "/publik/cek"],
      ["open-data", "/publik/data"],
      ["dictionary", "/publik/data/kamus"],
      ["not-found", "/publik/tidak-ada"],
    ];
    const failures: string[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await publicPage(viewport);
      for (const [name, path] of pages)
        for (const lang of ["", "?lang=en"]) {
          await page.goto(`${baseUrl}${path}${lang}`);
          for (const v of await seriousViolations(page))
            failures.push(`${path}${lang} @${viewport.width}: ${v}`);
          if (lang === "")
            await page.screenshot({
              path: join(SCREENSHOTS, `portal-${name}-${viewport.width}.png`),
              fullPage: true,
            });
        }
    }
    expect(failures).toEqual([]);
  }, 180_000);
});
