import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import jsQR from "jsqr";
import type { Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../src/access/actor.ts";
import { queryRows } from "../src/db/index.ts";
import type { Salur } from "../src/runtime.ts";
import { applyTransitions } from "../src/workflow/service.ts";
import { chromiumAvailable } from "./support/browser.ts";
import { type InProcessSalur, ROOT, startSalurInProcess } from "./support/server.ts";

/**
 * The decree journey in a real Chromium: the program manager drafts the SK from the published list, the
 * coordinator checks it, the Bupati approves it; the PDF is downloaded, rendered to PNG with pdftoppm, its QR
 * decoded and followed to the public verification page, which says the decree is in force and tells a
 * dropped PDF or annex CSV apart from a tampered one. Then an amendment adds a recipient and prints its diff.
 */
const SCREENSHOTS = join(ROOT, "e2e", "screenshots");
const DOCS = join(ROOT, "docs", "screenshots");
const work = mkdtempSync(join(tmpdir(), "salur-e2e-sk-"));

function pdfToPngs(pdf: string, prefix: string): string[] {
  execFileSync("pdftoppm", ["-png", "-r", "110", pdf, join(work, prefix)]);
  const pages = execFileSync("ls", [work], { encoding: "utf8" })
    .split("\n")
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith(".png"))
    .sort();
  return pages.map((f) => join(work, f));
}

function decodeQr(png: string): string | null {
  const image = PNG.sync.read(readFileSync(png));
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

async function download(page: Page, linkName: string, file: string): Promise<string> {
  const [event] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: linkName }).click(),
  ]);
  const path = join(work, file);
  await event.saveAs(path);
  return path;
}

/**
 * The status in the decree's own facts table: the list of decrees, still on screen for a moment after the address
 * changed, shows other decrees' status badges with the same words.
 */
function decreeStatus(page: Page, status: string) {
  return page
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Status", exact: true }) })
    .getByText(status, { exact: true });
}

/** The confirming button, once the first click has replaced the page's button with the confirmation. */
function confirmApproval(page: Page) {
  return page.getByRole("alert").getByRole("button", { name: "Setujui dan tetapkan" });
}

describe.skipIf(!chromiumAvailable)("decree journey in Chromium", () => {
  let salur: Salur;
  let running: InProcessSalur | undefined;
  let baseUrl = "";
  let programName = "";
  let periodName = "";
  let periodId = "";
  let heldBack: { id: string; version: number } | undefined;
  let decreePath = "";
  let verifyPath = "";

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    mkdirSync(DOCS, { recursive: true });
    running = await startSalurInProcess(3_000);
    ({ salur, baseUrl } = running);
    // The list the Bupati decrees went through sanggah: Dinas Sosial's selected applicants are published
    // (one is held back for the amendment), as the workflow suites show step by step.
    const [period] = await queryRows<{ id: string; name: string; program: string }>(
      salur.database.db,
      sql`select t.id, t.name, p.name as program from enrollments e join periods t on t.id = e.period_id
          join programs p on p.id = e.program_id join agencies a on a.id = p.agency_id
          where e.status = 'selected' and a.code = 'DINSOS'
          group by t.id, t.name, p.name having count(*) >= 3 order by count(*) desc limit 1`,
    );
    if (!period) throw new Error("the demo has no selected Dinas Sosial applicants");
    ({ id: periodId, name: periodName, program: programName } = period);
    const selected = await queryRows<{ id: string; version: number }>(
      salur.database.db,
      sql`select id, version from enrollments where period_id = ${periodId} and status = 'selected' order by id`,
    );
    heldBack = selected.pop();
    await salur.database.db.transaction((tx) =>
      applyTransitions(salur.registry, tx, systemCaller("e2e", "64.01"), {
        action: "publish",
        items: selected,
      }),
    );
  }, 400_000);

  afterAll(async () => {
    await running?.close();
  }, 60_000);

  const signedIn = (username: string) => (running as InProcessSalur).signedIn(username);

  it("drafts, checks and approves a decree, each step by another official", async () => {
    const manager = await signedIn("dinsos");
    await manager.getByRole("link", { name: "SK penetapan" }).click();
    await manager.getByRole("heading", { level: 1, name: "SK Bupati penetapan penerima" }).waitFor();
    const form = manager.getByRole("form", { name: "Susun rancangan SK" });
    await form.getByLabel(/^Program/).selectOption({ label: programName });
    await form.getByLabel(/^Tahap/).selectOption({ label: periodName });
    await form.getByLabel("Masa sanggah mulai").fill("2026-11-01");
    await form.getByLabel("Masa sanggah berakhir").fill("2026-11-20");
    await form.getByRole("button", { name: "Bekukan lampiran dan susun rancangan" }).click();
    await manager.waitForURL(/\/sk\/[0-9a-f-]{36}$/);
    decreePath = new URL(manager.url()).pathname;
    await decreeStatus(manager, "Rancangan").waitFor();
    // The drafter is not offered the check.
    expect(await manager.getByRole("button", { name: "Tandai sudah diperiksa" }).count()).toBe(0);
    await manager.screenshot({ path: join(SCREENSHOTS, "decree-draft-1280.png"), fullPage: true });

    const coordinator = await signedIn("bappeda");
    await coordinator.goto(`${baseUrl}${decreePath}`);
    await coordinator.getByRole("button", { name: "Tandai sudah diperiksa" }).click();
    await decreeStatus(coordinator, "Diperiksa").waitFor();

    const bupati = await signedIn("bupati");
    await bupati.goto(`${baseUrl}${decreePath}`);
    await bupati.getByRole("button", { name: "Setujui dan tetapkan" }).click();
    await confirmApproval(bupati).click();
    await decreeStatus(bupati, "Berlaku").waitFor();
    await bupati.getByRole("heading", { level: 1, name: /846\/KEP-\d{3}\/2026/ }).waitFor();
    await bupati.screenshot({ path: join(SCREENSHOTS, "decree-approved-1280.png"), fullPage: true });
    await bupati.context().close();
  }, 300_000);

  it("prints a PDF whose QR leads to the verification page, which tells the decree from a tampered copy", async () => {
    const manager = await signedIn("dinsos");
    await manager.goto(`${baseUrl}${decreePath}`);
    const pdf = await download(manager, "Unduh PDF", "sk.pdf");
    const csv = await download(manager, "Unduh CSV lampiran", "lampiran.csv");
    const pngs = pdfToPngs(pdf, "sk");
    expect(pngs.length).toBeGreaterThanOrEqual(2);
    copyFileSync(pngs[0] as string, join(DOCS, "decree-first-page.png"));
    copyFileSync(pngs[1] as string, join(DOCS, "decree-annex-page.png"));
    const url = decodeQr(pngs[1] as string);
    expect(url).toMatch(/\/publik\/sk\/[0-9a-f-]{36}$/);
    verifyPath = new URL(url as string).pathname;
    expect(verifyPath).toBe(decreePath.replace("/sk/", "/publik/sk/"));

    const visitor = await manager.context().browser()?.newPage();
    if (!visitor) throw new Error("no browser");
    await visitor.goto(`${baseUrl}${verifyPath}`);
    await visitor.getByText("Berlaku", { exact: true }).waitFor();
    // Choosing a file clears the verdict on the one before (the change handler runs as the file is set), so the
    // verdict waited for is this file's even when it reads the same as the last one.
    const check = async (file: string, expected: RegExp) => {
      await visitor.setInputFiles("#berkas", file);
      await visitor.locator("#hasil", { hasText: expected }).waitFor();
    };
    await check(pdf, /^Cocok: PDF ini/);
    await check(csv, /^Cocok: lampiran ini/);
    const lines = readFileSync(csv, "utf8").split("\n");
    const variants: Record<string, string> = {
      "byte.csv": readFileSync(csv, "utf8").replace(/(\d)\n/, (_, d: string) => `${(Number(d) + 1) % 10}\n`),
      "swap.csv": [lines[0], lines[2], lines[1], ...lines.slice(3)].join("\n"),
      "removed.csv": [lines[0], ...lines.slice(2)].join("\n"),
    };
    for (const [name, text] of Object.entries(variants)) {
      writeFileSync(join(work, name), text);
      await check(join(work, name), /^Tidak cocok/);
    }
    await visitor.screenshot({ path: join(SCREENSHOTS, "decree-verify-1280.png"), fullPage: true });
    await visitor.close();
  }, 300_000);

  it("amends the decree: the new recipient is shown as added, printed, and the old decree is marked amended", async () => {
    if (!heldBack) throw new Error("no held-back applicant");
    const held = heldBack;
    await salur.database.db.transaction((tx) =>
      applyTransitions(salur.registry, tx, systemCaller("e2e", "64.01"), {
        action: "publish",
        items: [held],
      }),
    );
    const manager = await signedIn("dinsos");
    await manager.goto(`${baseUrl}${decreePath}`);
    await manager.getByRole("button", { name: "Susun perubahan" }).click();
    await manager.waitForURL((u) => u.pathname !== decreePath && /\/sk\/[0-9a-f-]{36}$/.test(u.pathname));
    const amendmentPath = new URL(manager.url()).pathname;
    await manager.getByText(/^1 ditambahkan, 0 dihapus, 0 diubah/).waitFor();

    const coordinator = await signedIn("bappeda");
    await coordinator.goto(`${baseUrl}${amendmentPath}`);
    await coordinator.getByRole("button", { name: "Tandai sudah diperiksa" }).click();
    await decreeStatus(coordinator, "Diperiksa").waitFor();
    const bupati = await signedIn("bupati");
    await bupati.goto(`${baseUrl}${amendmentPath}`);
    await bupati.getByRole("button", { name: "Setujui dan tetapkan" }).click();
    await confirmApproval(bupati).click();
    await decreeStatus(bupati, "Berlaku").waitFor();
    await bupati.screenshot({ path: join(SCREENSHOTS, "decree-amendment-1280.png"), fullPage: true });

    const pdf = await download(bupati, "Unduh PDF", "perubahan.pdf");
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toMatch(/PERUBAHAN TERHADAP KEPUTUSAN NOMOR 846\/KEP-\d{3}\/2026/);
    expect(text).toMatch(/Ditambahkan 1, dihapus 0, diubah 0/);

    const visitor = await bupati.context().newPage();
    await visitor.goto(`${baseUrl}${verifyPath}`);
    await visitor.getByText(/^Diubah dengan SK 846\/KEP-\d{3}\/2026/).waitFor();
  }, 300_000);
});
