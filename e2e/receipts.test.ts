import { sql } from "drizzle-orm";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/index.ts";
import { portalOf } from "../src/portal/portal.ts";
import { checkCodeOf } from "../src/portal/self-check.ts";
import { linesOf, paidBatch, receiptsOf } from "../src/receipts/receipts.fixture.ts";
import { recordConfirmation } from "../src/receipts/service.ts";
import type { Salur } from "../src/runtime.ts";
import { chromiumAvailable, launchChromium } from "./support/browser.ts";
import { type InProcessSalur, startSalurInProcess } from "./support/server.ts";

/**
 * What reached the recipient's hand, in Chromium. The world is seeded: a batch of Rp600.000 the bank paid to 90
 * recipients in three desa, and the honest answers of everyone outside Lolo's RW 001. The journey is clicked and
 * typed: a recipient of Lolo RW 001 checks their status on a phone without an account and says Rp550.000 reached
 * their hand; the sensitive complaint it opens is on the Inspektorat's list and not on Lolo's operator's; once
 * six neighbours of the same RW report the same, the flag with its evidence is on the agency's and the
 * Inspektorat's receipts page, and names nobody.
 */
const PHONE = { width: 360, height: 740 };
const LOLO = "64.01.05.2002";
const WHO_ASKED = "Pak Ketua RW";
const REPORTS = 6;

interface Recipient {
  nik: string;
  code: string;
}

describe.skipIf(!chromiumAvailable)("receipt in hand and skimming flags in Chromium", () => {
  let running: InProcessSalur | undefined;
  let salur: Salur;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let cutRw: Recipient[] = [];
  let firstCode = "";

  beforeAll(async () => {
    running = await startSalurInProcess(300);
    salur = running.salur;
    browser = await launchChromium();
    const { batchId } = await paidBatch(salur, 90);
    const lines = await linesOf(salur, batchId);
    const inCutRw = (l: (typeof lines)[number]) => l.villageCode === LOLO && l.rw === "001";
    const r = receiptsOf(salur);
    for (const line of lines.filter((l) => !inCutRw(l)))
      await salur.database.db.transaction((tx) =>
        recordConfirmation(r, tx, null, { lineId: line.id, channel: "portal", answer: "received_full" }),
      );
    const ids = new Set(lines.filter(inCutRw).map((l) => l.id));
    const rows = await queryRows<{ line: string; id: string; nik_cipher: Uint8Array; nik_index: Uint8Array }>(
      salur.database.db,
      sql`select l.id as line, p.id, p.nik_cipher, p.nik_index from payment_lines l join persons p on p.id = l.person_id
          where l.batch_id = ${batchId} order by l.line_number`,
    );
    cutRw = rows
      .filter((row) => ids.has(row.line))
      .map((row) => ({
        nik: salur.vault.open("nik", row.nik_cipher, row.nik_index),
        code: checkCodeOf(portalOf(salur), row.id),
      }));
    expect(cutRw.length).toBeGreaterThanOrEqual(REPORTS);
  }, 600_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await running?.close();
  }, 60_000);

  const base = () => (running as InProcessSalur).baseUrl;

  /** The recipient's own phone: no account, no script. */
  async function report(recipient: Recipient): Promise<string> {
    const context = await browser.newContext({ viewport: PHONE, locale: "id-ID", javaScriptEnabled: false });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${base()}/publik/cek`);
    await page.getByLabel("NIK (16 angka)").fill(recipient.nik);
    await page.getByLabel("Kode cek (8 karakter)").fill(recipient.code);
    await page.getByRole("button", { name: "Cek" }).click();
    const form = page.locator('[data-section="receipt"]');
    await form.getByText("Rp600.000").waitFor();
    await form.getByLabel("Saya menerima kurang").check();
    await form.getByLabel("Jumlah yang diterima di tangan (Rp), bila kurang").fill("550.000");
    await form.getByLabel("Siapa yang meminta potongan (boleh dikosongkan)").fill(WHO_ASKED);
    await form.getByRole("button", { name: "Kirim jawaban" }).click();
    await page.locator('[data-state="recorded"]').waitFor();
    const code = (await page.locator("[data-tracking-code]").textContent())?.trim() ?? "";
    await context.close();
    return code.replace("-", "");
  }

  /** The complaint list as an official sees it, once it has drawn (a table, or its empty state). */
  async function complaintList(username: string): Promise<string> {
    const page = await (running as InProcessSalur).signedIn(username);
    await page
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Pengaduan" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Pengaduan" }).waitFor();
    await page
      .locator("main table")
      .or(page.getByText("Tidak ada pengaduan dengan saringan ini."))
      .first()
      .waitFor();
    return (await page.locator("main").textContent()) ?? "";
  }

  async function receiptsPage(username: string): Promise<Page> {
    const page = await (running as InProcessSalur).signedIn(username);
    await page
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Penerimaan di tangan" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Penerimaan di tangan penerima" }).waitFor();
    return page;
  }

  it("turns a report of Rp550.000 of Rp600.000 into a sensitive complaint the desa operator never sees", async () => {
    const [first] = cutRw as [Recipient];
    firstCode = await report(first);
    expect(firstCode).toMatch(/^[0-9A-Z]{10}$/);

    expect(await complaintList("inspektorat")).toContain(firstCode);
    expect(await complaintList("operator.lolo")).not.toContain(firstCode);

    // One report is no pattern: the agency sees no flag yet.
    const agency = await receiptsPage("dinsos");
    await agency.getByTestId("receipt-flags-empty").getByText("Belum ada tanda pemotongan.").waitFor();
  }, 300_000);

  it("flags Lolo's RW 001 for the agency and the Inspektorat once its recipients report the same cut, naming nobody", async () => {
    for (const recipient of cutRw.slice(1, REPORTS)) await report(recipient);

    for (const username of ["dinsos", "inspektorat"]) {
      const page = await receiptsPage(username);
      const flag = page
        .getByTestId("receipt-flag")
        .filter({ has: page.getByTestId("receipt-flag-area").filter({ hasText: /^Lolo · RW 001$/ }) });
      await flag.waitFor();
      const evidence = (await flag.getByTestId("receipt-flag-evidence").textContent()) ?? "";
      expect(evidence, username).toContain(`${REPORTS} dari ${REPORTS}`);
      expect(evidence, username).toContain(`Rp 50.000 sebanyak ${REPORTS} kali`);
      expect(evidence, username).toContain("hilang Rp 300.000");
      expect(evidence, username).toMatch(/Nilai p/);
      const main = (await page.locator("main").textContent()) ?? "";
      expect(main, username).not.toContain(WHO_ASKED);
      expect(main, username).not.toContain(firstCode);
      expect(main, username).not.toContain(cutRw[0]?.nik ?? "-");
    }
  }, 300_000);

  it("lets the agency draw a sample with a shown seed, record a call's answer, and an officer's weaker one at a point", async () => {
    const page = await (running as InProcessSalur).signedIn("bappeda");
    await page
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Penerimaan di tangan" })
      .click();
    await page.getByRole("link", { name: "Sampel verifikasi" }).click();
    await page.getByRole("heading", { level: 1, name: "Sampel verifikasi" }).waitFor();
    await page.getByText("Belum ada sampel yang ditarik.").waitFor();
    const batch = page.getByLabel(/^Batch pembayaran/);
    const option = batch.locator("option", { hasText: "BST Kabupaten" }).first();
    await option.waitFor({ state: "attached" });
    await batch.selectOption((await option.getAttribute("value")) ?? "");
    await page.getByLabel("Tingkat kepercayaan").selectOption({ label: "95%" });
    await page.getByLabel("Batas galat").selectOption({ label: "± 5%" });
    await page.getByRole("button", { name: "Tarik sampel" }).click();

    const seed = page.getByTestId("sample-seed");
    await seed.waitFor();
    expect(await seed.textContent()).toMatch(/^Benih \d+, 95% ± 5%\./);
    const lines = page.getByTestId("sample-lines");
    const first = lines.getByRole("row").nth(1);
    const reference = (await first.getByRole("cell").nth(1).textContent()) ?? "";
    await first.getByRole("button", { name: `Catat jawaban ${reference}` }).click();
    const form = page.getByTestId("receipt-form");
    await form.getByText("telepon atau kunjungan petugas dinas").waitFor();
    await form.getByLabel("Menerima kurang").check();
    await form.getByLabel(/^Jumlah yang diterima di tangan/).fill("550000");
    await form.getByRole("button", { name: "Simpan jawaban" }).click();
    await form
      .getByTestId("receipt-saved")
      .getByText(/pengaduan sensitif untuk Inspektorat/)
      .waitFor();
    await lines.getByRole("row").nth(1).getByText("Menerima kurang").waitFor();

    await page.goto(`${base()}/penerimaan/sampel`);
    await page.getByTestId("receipt-samples").getByRole("cell", { name: "1", exact: true }).waitFor();

    const [other] = await queryRows<{ reference: string }>(
      salur.database.db,
      sql`select l.reference from payment_lines l where l.village_code = ${LOLO}
          and not exists (select 1 from receipt_confirmations c where c.line_id = l.id and c.channel = 'officer')
          order by l.line_number desc limit 1`,
    );
    await page.getByRole("link", { name: "Penerimaan di tangan" }).first().click();
    await page.getByRole("link", { name: "Catat di titik penyaluran" }).click();
    await page.getByLabel(/^Referensi pembayaran/).fill(other?.reference ?? "");
    await page.getByRole("button", { name: "Cari" }).click();
    const point = page.getByTestId("receipt-form");
    await point.getByText("bukti lebih lemah").waitFor();
    await point.getByLabel("Menerima penuh").check();
    await point.getByLabel(/^Titik penyaluran/).fill("Balai Desa Lolo");
    await point.getByLabel(/^Petugas yang menyalurkan/).fill("Petugas Kantor Pos");
    await point.getByRole("button", { name: "Simpan jawaban" }).click();
    await point.getByTestId("receipt-saved").getByText("Jawaban dicatat.").waitFor();
  }, 300_000);
});
