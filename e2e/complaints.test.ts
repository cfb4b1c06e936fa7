import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CANVAS_JPEG } from "../src/documents/test-images.ts";
import { chromiumAvailable, launchChromium, signedInPage } from "./support/browser.ts";
import { ensureWebBuilt, type RunningSalur, startSalur } from "./support/server.ts";

/**
 * The complaint journey: a member of the public files a complaint with a photo on a 360 px phone, without an
 * account, and gets a tracking code; the desa operator of Lolo acknowledges it, asks a question and resolves
 * it; the public status page shows each stage. An anonymous deduction complaint from Lolo is invisible to every
 * Lolo and Kuaro official and reaches the Inspektorat. The test only clicks and types.
 */
const PHONE = { width: 360, height: 740 };

describe.skipIf(!chromiumAvailable)("complaint journey", () => {
  let salur: RunningSalur;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await ensureWebBuilt();
    [salur, browser] = await Promise.all([startSalur(), launchChromium()]);
  }, 600_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await salur?.stop();
  }, 60_000);

  async function publicPhone(): Promise<Page> {
    const context = await browser.newContext({ viewport: PHONE, locale: "id-ID", javaScriptEnabled: false });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    return page;
  }

  async function fileComplaint(
    page: Page,
    fields: { category: RegExp; description: string; anonymous?: boolean },
  ) {
    await page.goto(`${salur.baseUrl}/publik/pengaduan`);
    const category = page.getByLabel("Jenis pengaduan");
    const label = await category.locator("option").filter({ hasText: fields.category }).first().textContent();
    await category.selectOption({ label: label ?? "" });
    const desa = page.getByLabel("Desa", { exact: true });
    const lolo = await desa
      .locator("option")
      .filter({ hasText: /^Lolo$/i })
      .first()
      .getAttribute("value");
    await desa.selectOption(lolo ?? "");
    await page.getByLabel("Isi pengaduan").fill(fields.description);
    if (fields.anonymous) await page.getByLabel("Kirim tanpa nama").check();
    else {
      await page.getByLabel("Nama", { exact: true }).fill("Siti Aminah");
      await page.getByLabel("Nomor telepon/WhatsApp").fill("081255550101");
      await page
        .getByLabel("Foto (paling banyak 3")
        .setInputFiles({ name: "bukti.jpg", mimeType: "image/jpeg", buffer: CANVAS_JPEG });
    }
    await page.getByRole("button", { name: "Kirim pengaduan" }).click();
    const code = (await page.getByTestId("tracking-code").textContent())?.trim() ?? "";
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    return code;
  }

  async function publicStage(page: Page, code: string, stage: string) {
    await page.goto(
      `${salur.baseUrl}/publik/pengaduan/status?kode=${encodeURIComponent(code.toLowerCase())}`,
    );
    expect(await page.getByTestId("stage").textContent()).toBe(stage);
  }

  it("takes a complaint with a photo at 360 px, and shows every stage the officer moves it through", async () => {
    const citizen = await publicPhone();
    const code = await fileComplaint(citizen, {
      category: /^Diterima kurang dari SK/,
      description: "BLT bulan Oktober hanya diterima Rp250.000, seharusnya Rp300.000.",
    });
    const width = await citizen.evaluate<number>("document.documentElement.scrollWidth").catch(() => null);
    if (width !== null) expect(width).toBeLessThanOrEqual(PHONE.width);
    await citizen.getByRole("link", { name: "Lihat status" }).click();
    expect(await citizen.getByTestId("stage").textContent()).toBe("Diterima");

    const officer = await signedInPage(browser, salur.baseUrl, "operator.lolo", { contexts });
    await officer.getByRole("navigation").getByRole("link", { name: "Pengaduan" }).click();
    await officer.getByRole("link", { name: code.replace("-", "") }).click();
    const stage = officer.getByTestId("complaint-stage");
    await stage.filter({ hasText: "Diterima" }).waitFor();
    await officer.getByRole("button", { name: "Konfirmasi diterima" }).click();
    await stage.filter({ hasText: "Dikonfirmasi" }).waitFor();
    await publicStage(citizen, code, "Dikonfirmasi");

    await officer.getByLabel("Balasan untuk pelapor").fill("Di agen mana Anda menerima uangnya?");
    await officer.getByRole("button", { name: "Tanya pelapor" }).click();
    await stage.filter({ hasText: "Menunggu jawaban pelapor" }).waitFor();
    await publicStage(citizen, code, "Menunggu jawaban pelapor");
    expect(await citizen.getByTestId("steps").textContent()).toContain("Di agen mana Anda menerima uangnya?");

    await officer
      .getByLabel("Balasan untuk pelapor")
      .fill("Kekurangan Rp50.000 dibayarkan bank pada 20 Oktober.");
    await officer.getByLabel("Alasan (catatan internal)").fill("Salah potong biaya administrasi oleh agen");
    await officer.getByRole("button", { name: "Selesaikan" }).click();
    await stage.filter({ hasText: "Selesai" }).waitFor();
    await publicStage(citizen, code, "Selesai");
    const steps = (await citizen.getByTestId("steps").textContent()) ?? "";
    for (const shown of [
      "Diterima",
      "Dikonfirmasi",
      "Menunggu jawaban pelapor",
      "Selesai",
      "Kekurangan Rp50.000",
    ]) {
      expect(steps).toContain(shown);
    }
    expect(steps).not.toContain("Salah potong biaya administrasi");
  }, 240_000);

  it("keeps an anonymous deduction complaint from Lolo away from Lolo and Kuaro, and gives it to the Inspektorat", async () => {
    const citizen = await publicPhone();
    const code = (
      await fileComplaint(citizen, {
        category: /^Potongan atau pungutan/,
        description: "Setiap penerima di RT 003 dipotong Rp50.000 oleh petugas saat pencairan.",
        anonymous: true,
      })
    ).replace("-", "");
    const listed = async (username: string) => {
      const page = await signedInPage(browser, salur.baseUrl, username, { contexts });
      await page.goto(`${salur.baseUrl}/pengaduan`);
      // The demo banner is an alert too: wait for the list's own states only.
      await page
        .locator("main table")
        .or(page.getByText("Gagal memuat"))
        .or(page.getByText("Tidak ada pengaduan dengan saringan ini."))
        .or(page.getByText("Daftar pengaduan tidak dibuka untuk peran Anda"))
        .first()
        .waitFor();
      return (await page.locator("main").textContent())?.includes(code) ?? false;
    };
    for (const username of ["operator.lolo", "pendata.lolo", "rt.lolo.003", "kecamatan.kuaro"]) {
      expect(await listed(username), username).toBe(false);
    }
    expect(await listed("inspektorat")).toBe(true);
  }, 240_000);
});
