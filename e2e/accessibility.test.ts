import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanRecords, csvText, LIST_HEADERS, listRows } from "../src/imports/testing.ts";
import { officer } from "../src/payments/payments.fixture.ts";
import { linesOf, paidBatch, receiptsOf } from "../src/receipts/receipts.fixture.ts";
import { drawSample, recordConfirmation } from "../src/receipts/service.ts";
import type { Salur } from "../src/runtime.ts";
import { chromiumAvailable, DESKTOP } from "./support/browser.ts";
import { type InProcessSalur, startSalurInProcess } from "./support/server.ts";

/**
 * axe-core in Chromium over every officials' page, at a laptop's 1280 px and a cheap phone's 360 px: no
 * critical or serious violation of WCAG 2.1 A/AA. Pages that need a record are reached by clicking the first
 * one in their list, as an official would.
 */
const axeSource: string = createRequire(import.meta.url)("axe-core").source;
const PHONE = { width: 360, height: 780 };
const WIDTHS = [DESKTOP, PHONE];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** One line per violation: where, and axe's own words for the first element (colours and ratio for contrast). */
function describeViolation(where: string, v: Violation): string {
  const targets = v.nodes
    .map((n) => n.target.join(" "))
    .slice(0, 3)
    .join(", ");
  const first = v.nodes[0]?.failureSummary?.replace(/\s+/g, " ") ?? "";
  return `${where} ${v.id} (${v.impact}): ${v.help} — ${targets} — ${first}`;
}

/** Each page: who opens it, where, and what shows that it has loaded. */
const PAGES: { user: string; path: string; open?: (page: Page, base: string) => Promise<void> }[] = [
  { user: "admin", path: "/" },
  { user: "admin", path: "/penduduk" },
  {
    user: "admin",
    path: "/penduduk/:id",
    open: async (page, base) => {
      await page.goto(`${base}/penduduk`);
      await page.locator("table tbody tr a").first().click();
    },
  },
  { user: "operator.lolo", path: "/penduduk/:id/ubah", open: fromPerson("/ubah") },
  { user: "operator.lolo", path: "/kk/:id", open: fromPerson("/kk/") },
  { user: "admin", path: "/penduduk/baru" },
  { user: "admin", path: "/kk/baru" },
  { user: "admin", path: "/program" },
  {
    user: "admin",
    path: "/program/:id",
    open: async (page, base) => {
      await page.goto(`${base}/program`);
      await page.locator("main a[href^='/program/']").first().click();
    },
  },
  { user: "admin", path: "/dinas" },
  { user: "admin", path: "/pengguna" },
  { user: "admin", path: "/tumpang-tindih" },
  { user: "admin", path: "/impor" },
  { user: "dinsos", path: "/impor/:id", open: firstRecord("/impor", "/impor/") },
  { user: "admin", path: "/rekonsiliasi" },
  { user: "dinsos", path: "/rekonsiliasi/:id", open: firstRecord("/rekonsiliasi", "/rekonsiliasi/") },
  { user: "admin", path: "/laporan" },
  { user: "admin", path: "/dukcapil" },
  { user: "pendata.lolo", path: "/pendataan" },
  {
    user: "dinsos",
    path: "/peringkat",
    open: async (page, base) => {
      await page.goto(`${base}/peringkat`);
      await page
        .getByLabel("Program", { exact: true })
        .selectOption({ label: "Bantuan Sosial Tunai (BST) Daerah" });
      await page.locator('[data-testid="ranking-table"][data-state="ready"]').waitFor();
    },
  },
  { user: "operator.lolo", path: "/antrian" },
  {
    user: "operator.lolo",
    path: "/pengajuan/:id",
    open: async (page, base) => {
      await page.goto(`${base}/antrian`);
      await page.getByTestId("queue-row").first().getByRole("button").first().click();
      const link = page.getByRole("link", { name: "Buka halaman pengajuan" });
      await page.goto(`${base}${await link.getAttribute("href")}`);
      await page.getByTestId("application-panel").waitFor();
    },
  },
  { user: "inspektorat", path: "/audit" },
  { user: "inspektorat", path: "/laporan" },
  // Each role's home shows its own cards: the ones with the fewest rights are audited too.
  { user: "inspektorat", path: "/" },
  { user: "bank", path: "/" },
  { user: "bupati", path: "/" },
  { user: "pendata.lolo", path: "/" },
  // The demo's decree is BLT UMKM's, Dinas Koperasi dan UKM's program: its payment batch is prepared below.
  { user: "diskopukm", path: "/sk" },
  { user: "diskopukm", path: "/sk/:id", open: firstRecord("/sk", "/sk/") },
  { user: "diskopukm", path: "/pembayaran" },
  { user: "diskopukm", path: "/pembayaran/:id", open: firstRecord("/pembayaran", "/pembayaran/") },
  {
    user: "diskopukm",
    path: "/pembayaran/tata-letak",
    // The editor is what an official works in: its column rows, arrows and selects are audited open.
    open: async (page, base) => {
      await page.goto(`${base}/pembayaran/tata-letak`);
      await page.getByRole("button", { name: "Tata letak baru" }).click();
      await page.getByLabel(/^Judul kolom 1/).waitFor();
      await page.mouse.move(0, 0);
    },
  },
  { user: "dinsos", path: "/belum-diambil" },
  { user: "dinsos", path: "/portal-publik" },
  { user: "operator.lolo", path: "/pengaduan" },
  { user: "operator.lolo", path: "/pengaduan/:id", open: firstRecord("/pengaduan", "/pengaduan/") },
  { user: "inspektorat", path: "/penerimaan" },
  { user: "bappeda", path: "/penerimaan/sampel" },
  {
    user: "bappeda",
    path: "/penerimaan/sampel/:id",
    open: firstRecord("/penerimaan/sampel", "/penerimaan/sampel/"),
  },
  { user: "bappeda", path: "/penerimaan/titik-penyaluran" },
  { user: "admin", path: "/tidak-ada" },
];

/** Pages whose record the demo may not hold (no batch or complaint yet): named in the log, never skipped quietly. */
const missingRecords = new Set<string>();

/**
 * Opens a page linked from a person's record (their KK, the edit form): the first of the first persons listed
 * whose record has that link.
 */
function fromPerson(link: string) {
  return async (page: Page, base: string) => {
    await page.goto(`${base}/penduduk`);
    const rows = page.locator("table tbody tr a");
    await rows.first().waitFor();
    const count = Math.min(await rows.count(), 10);
    const target = link.endsWith("/") ? `a[href^='${link}']` : `a[href$='${link}']`;
    for (let i = 0; i < count; i++) {
      await page.goto(`${base}/penduduk`);
      await rows.nth(i).click();
      // The person's page is reached inside the app, so neither the list's own heading nor the load state says it
      // has drawn: wait for the record itself, which comes with its links, before looking for the one wanted.
      await page.waitForURL(/\/penduduk\/[0-9a-f-]{36}$/);
      await page.getByTestId("person-nik").waitFor();
      const found = page.locator(target).first();
      if ((await found.count()) === 0) continue;
      // The audit starts once the record's page has replaced the one holding the link.
      const handle = await found.elementHandle();
      await found.click();
      await page.waitForURL((url) => url.pathname.includes(link));
      await page.waitForFunction((element) => !element?.isConnected, handle);
      await page.mouse.move(0, 0);
      return;
    }
    missingRecords.add(link);
  };
}

/** Opens the first record linked from a list page, as an official would; the list itself when it is empty. */
function firstRecord(list: string, prefix: string) {
  return async (page: Page, base: string) => {
    await page.goto(`${base}${list}`);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.waitForLoadState("networkidle");
    const link = page.locator(`main a[href^='${prefix}']:visible`).first();
    if ((await link.count()) === 0) {
      missingRecords.add(`${prefix}:id`);
      return;
    }
    const handle = await link.elementHandle();
    await link.click();
    await page.waitForURL((url) => url.pathname.startsWith(prefix) && url.pathname !== list);
    await page.waitForFunction((element) => !element?.isConnected, handle);
    await page.mouse.move(0, 0);
  };
}

/**
 * The demo pays nobody yet: a paid batch, its verification sample and answers from its recipients (every one in
 * Lolo short by Rp50.000), so the receipts pages show a flag, leakage figures and a sample to audit.
 */
async function seedReceipts(salur: Salur): Promise<void> {
  const { batchId } = await paidBatch(salur, 30);
  const r = receiptsOf(salur);
  const coordinator = await officer(salur, "coordinator", salur.config.regencyCode);
  await salur.database.db.transaction((tx) =>
    drawSample(r, tx, coordinator, { batchId, confidence: 0.95, margin: 0.05 }),
  );
  for (const line of await linesOf(salur, batchId)) {
    const short = line.villageCode === "64.01.05.2002";
    await salur.database.db.transaction((tx) =>
      recordConfirmation(r, tx, null, {
        lineId: line.id,
        channel: "portal",
        answer: short ? "received_less" : "received_full",
        receivedAmount: short ? line.amount - 50_000 : null,
      }),
    );
  }
}

describe.skipIf(!chromiumAvailable)("accessibility of the officials' pages (axe-core, Chromium)", () => {
  let running: InProcessSalur | undefined;

  beforeAll(async () => {
    running = await startSalurInProcess(2_000);
    await seedReceipts(running.salur);
    await prepareRecords();
  }, 300_000);

  afterAll(async () => {
    await running?.close();
  }, 60_000);

  async function audit(page: Page): Promise<Violation[]> {
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.waitForLoadState("networkidle");
    // No control left hovered by the last click: its hover colour is not what a reader first sees.
    await page.mouse.move(0, 0);
    // Evaluated through the DevTools protocol, which the page's content security policy (scripts from Salur only)
    // does not apply to; a script tag would be refused.
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (
        globalThis as unknown as {
          axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> };
        }
      ).axe;
      const doc = (globalThis as unknown as { document: unknown }).document;
      const result = await axe.run(doc, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      });
      return result.violations;
    });
    return (violations as Violation[]).filter((v) => v.impact === "critical" || v.impact === "serious");
  }

  /**
   * Records the demo does not hold, made through the UI as their users would: a complaint filed on the public
   * form, a payment batch prepared from the decree, an import and a reconciliation, so that each record's page
   * is audited on a real record.
   */
  async function prepareRecords(): Promise<void> {
    const { baseUrl } = running as InProcessSalur;
    const citizen = await (running as InProcessSalur).signedIn("admin");
    await citizen.context().clearCookies();
    await citizen.goto(`${baseUrl}/publik/pengaduan`);
    const category = citizen.getByLabel("Jenis pengaduan");
    await category.selectOption((await category.locator("option").nth(1).getAttribute("value")) ?? "");
    const desa = citizen.getByLabel("Desa", { exact: true });
    const lolo = desa
      .locator("option")
      .filter({ hasText: /^Lolo$/i })
      .first();
    await desa.selectOption((await lolo.getAttribute("value")) ?? "");
    await citizen.getByLabel("Isi pengaduan").fill("Bantuan bulan ini belum diterima penuh di RT 003.");
    await citizen.getByLabel("Kirim tanpa nama").check();
    await citizen.getByRole("button", { name: "Kirim pengaduan" }).click();
    await citizen.getByTestId("tracking-code").waitFor();

    const agency = await (running as InProcessSalur).signedIn("diskopukm");
    await agency.goto(`${baseUrl}/pembayaran`);
    const decree = agency.getByRole("combobox", { name: /^SK \/ tahap program/ });
    const option = decree.locator("option", { hasText: "BLT Usaha Mikro" }).first();
    await option.waitFor({ state: "attached" });
    await decree.selectOption((await option.getAttribute("value")) ?? "");
    const bank = agency.getByRole("combobox", { name: /^Bank penyalur/ });
    // The receipts seeding above made a second bank of the same name: either pays the decree.
    const bri = bank.locator("option", { hasText: "Bank Rakyat Indonesia" }).first();
    await bri.waitFor({ state: "attached" });
    await bank.selectOption((await bri.getAttribute("value")) ?? "");
    await agency.getByLabel(/^Batas waktu pengambilan/).fill("2026-12-31");
    await agency.getByRole("button", { name: "Siapkan batch" }).click();
    await agency.getByText("1 batch disiapkan.").waitFor();
    await agency.context().close();

    // Dinas Sosial checks a small residents list, and reconciles one of its periods against a central list.
    const list = csvText([LIST_HEADERS, ...listRows(cleanRecords(3, 31))]);
    const dinsos = await (running as InProcessSalur).signedIn("dinsos");
    await dinsos.goto(`${baseUrl}/impor`);
    await dinsos
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: "penduduk.csv", mimeType: "text/csv", buffer: Buffer.from(list, "utf8") });
    await dinsos.getByRole("button", { name: "Periksa berkas" }).click();
    await dinsos.waitForURL(/\/impor\/[0-9a-f-]{36}$/, { timeout: 60_000 });

    await dinsos.goto(`${baseUrl}/rekonsiliasi`);
    const program = dinsos.getByRole("combobox", { name: /^Program/ });
    await program.locator("option").nth(1).waitFor({ state: "attached" });
    await program.selectOption((await program.locator("option").nth(1).getAttribute("value")) ?? "");
    const period = dinsos.getByRole("combobox", { name: /^Tahap/ });
    await period.locator("option").nth(1).waitFor({ state: "attached" });
    await period.selectOption((await period.locator("option").nth(1).getAttribute("value")) ?? "");
    await dinsos
      .locator('input[type="file"]')
      .setInputFiles({ name: "dtks.csv", mimeType: "text/csv", buffer: Buffer.from(list, "utf8") });
    await dinsos.getByRole("button", { name: "Mulai rekonsiliasi" }).click();
    await dinsos.waitForURL(/\/rekonsiliasi\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    await dinsos.context().close();
  }

  // One test per width: each has its own time budget, and a slow machine does not add both widths' pages up.
  for (const viewport of WIDTHS) {
    it(`finds no critical or serious violation on any page at ${viewport.width} px`, async () => {
      const salur = running as InProcessSalur;
      const found: string[] = [];
      let audited = 0;
      const pages = new Map<string, Page>();
      const login = await salur.signedIn("admin", viewport);
      await login.context().clearCookies();
      await login.goto(`${salur.baseUrl}/masuk`);
      for (const v of await audit(login)) found.push(describeViolation(`${viewport.width}px /masuk`, v));
      audited++;
      for (const entry of PAGES) {
        let page = pages.get(entry.user);
        if (!page) {
          page = await salur.signedIn(entry.user, viewport);
          pages.set(entry.user, page);
        }
        if (entry.open) await entry.open(page, salur.baseUrl);
        else await page.goto(`${salur.baseUrl}${entry.path}`);
        for (const v of await audit(page)) {
          found.push(describeViolation(`${viewport.width}px ${entry.path}`, v));
        }
        audited++;
      }
      console.log(
        `axe at ${viewport.width} px: ${audited} page views audited, ${found.length} critical or serious violations`,
      );
      if (missingRecords.size > 0)
        console.log(
          `axe: no demo record to open for ${[...missingRecords].join(", ")} (list page audited instead)`,
        );
      if (found.length > 0) console.log(found.join("\n"));
      expect(found).toEqual([]);
    }, 600_000);
  }
});
