import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumAvailable } from "./support/browser.ts";
import { type InProcessSalur, startSalurInProcess } from "./support/server.ts";

/**
 * Payment in a real Chromium against the real server, from the demo's approved SK Bupati for BLT UMKM: the
 * Dinas Koperasi dan UKM prepares a batch, the Bupati approves it, the Dinas downloads the bank file, the bank
 * operator applies a result file with paid, failed and returned lines, the reconciliation shows every rupiah,
 * the failed line is re-issued and paid in a second batch, and the first file sent again changes nothing.
 */
const RESULT_HEADER = "NO_REFERENSI;REF_BANK;STATUS;NOMINAL;TANGGAL;KODE_ALASAN;KETERANGAN";
/** The payments list's way to the layouts screen, shown only to whoever may change a layout. */
const LAYOUTS_LINK = "Atur tata letak berkas bank";

describe.skipIf(!chromiumAvailable)("payment through the bank in Chromium", () => {
  let running: InProcessSalur | undefined;
  beforeAll(async () => {
    running = await startSalurInProcess(2_000);
  }, 600_000);
  afterAll(async () => {
    await running?.close();
  }, 60_000);

  const signedIn = (username: string) => (running as InProcessSalur).signedIn(username);
  const nav = (page: Page, name: string) =>
    page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name }).click();

  async function openBatch(page: Page, index: number) {
    await nav(page, "Pembayaran");
    await page.getByRole("heading", { level: 1, name: "Pembayaran melalui bank" }).waitFor();
    const links = page.getByTestId("payment-batches").getByRole("link");
    await links.first().waitFor();
    // Newest first: the second batch is at the top once it exists.
    await links.nth(index).click();
    await page.getByTestId("batch-status").waitFor();
  }

  async function prepareBatch(page: Page) {
    await nav(page, "Pembayaran");
    const decree = page.getByRole("combobox", { name: /^SK \/ tahap program/ });
    const option = decree.locator("option", { hasText: "BLT Usaha Mikro" }).first();
    await option.waitFor({ state: "attached" });
    await decree.selectOption((await option.getAttribute("value")) ?? "");
    const bank = page.getByRole("combobox", { name: /^Bank penyalur/ });
    await bank.locator("option", { hasText: "Bank Rakyat Indonesia" }).waitFor({ state: "attached" });
    await bank.selectOption({ label: "Bank Rakyat Indonesia (bank penyalur)" });
    await page.getByLabel(/^Batas waktu pengambilan/).fill("2026-12-31");
    await page.getByRole("button", { name: "Siapkan batch" }).click();
    await page.getByText("1 batch disiapkan.").waitFor();
  }

  async function approve() {
    const page = await signedIn("bupati");
    await openBatch(page, 0);
    await page.getByRole("button", { name: "Setujui batch" }).click();
    await page.getByTestId("batch-status").filter({ hasText: "Disetujui" }).waitFor();
  }

  async function exportFile(): Promise<string[][]> {
    const page = await signedIn("diskopukm");
    await openBatch(page, 0);
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Unduh berkas bank (CSV)" }).click();
    const file = await (await download).path();
    await page.getByTestId("export-done").waitFor();
    await page.getByTestId("batch-status").filter({ hasText: "Dikirim ke bank" }).waitFor();
    return readFileSync(file, "utf8")
      .split("\r\n")
      .filter(Boolean)
      .map((row) => row.split(";"));
  }

  async function sendResults(index: number, csv: string, expected: string) {
    const page = await signedIn("bank");
    await openBatch(page, index);
    await page.locator('input[type="file"]').setInputFiles({
      name: "hasil-bri.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv, "utf8"),
    });
    await page.getByRole("button", { name: "Terapkan hasil" }).click();
    await page.getByTestId("results-outcome").filter({ hasText: expected }).waitFor();
    return page;
  }

  /** A segmented control's option: its radio is visually hidden, its label is what a user clicks. */
  const segment = (page: Page, name: string) =>
    page.locator("label", { hasText: new RegExp(`^${name}$`) }).click();

  let firstFile = "";
  let firstTotals = "";

  it("pays a decreed batch through two approvals, a bank file and a result file, reconciled to the rupiah", async () => {
    const agency = await signedIn("diskopukm");
    await prepareBatch(agency);
    await approve();
    const rows = await exportFile();
    expect(rows[0]).toEqual([
      "NO",
      "NIK",
      "NAMA_REKENING",
      "KODE_CABANG",
      "NOMINAL",
      "NO_REFERENSI",
      "DESA",
      "KECAMATAN",
      "KETERANGAN",
    ]);
    const lines = rows.slice(1);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    // The program manager is entitled to identities: the bank gets the full NIK it keys accounts on.
    expect(lines.every((l) => /^\d{16}$/.test(l[1] ?? ""))).toBe(true);
    const [paid, failed, returned] = lines as [string[], string[], string[]];
    const ref = (l: string[]) => l[5] as string;
    const amount = (l: string[]) => l[4] as string;
    firstFile = [
      RESULT_HEADER,
      `${ref(paid)};BRI-1;SUKSES;${amount(paid)};2026-12-02;;`,
      `${ref(failed)};BRI-2;GAGAL;${amount(failed)};2026-12-02;name_mismatch;nama beda dengan buku tabungan`,
      `${ref(returned)};BRI-3;SUKSES;${amount(returned)};2026-12-02;;`,
      `${ref(returned)};BRI-4;RETUR;${amount(returned)};2026-12-09;;rekening pasif`,
      "",
    ].join("\r\n");
    const bank = await sendResults(0, firstFile, "Diterapkan 4 (dibayar 2, gagal 1, retur 1)");
    await segment(bank, "Kecamatan");
    await bank.getByTestId("recon-balanced").filter({ hasText: "Seimbang sampai rupiah terakhir" }).waitFor();
    const total = bank.getByTestId("recon-total");
    const money = (text: string) => Number(text.replace(/\D/g, ""));
    const cells = await total.getByRole("cell").allTextContents();
    const [issued, paidSum, failedSum, returnedSum, pendingSum] = cells.map(money);
    expect(issued).toBe(Number(amount(paid)) * lines.length);
    expect(paidSum).toBe(Number(amount(paid)));
    expect(failedSum).toBe(Number(amount(failed)));
    expect(returnedSum).toBe(Number(amount(returned)));
    expect((paidSum ?? 0) + (failedSum ?? 0) + (returnedSum ?? 0) + (pendingSum ?? 0)).toBe(issued);
    firstTotals = cells.join("|");
  }, 600_000);

  it("re-issues the failed line in a second batch, pays it, and a replay of the first file changes nothing", async () => {
    const agency = await signedIn("diskopukm");
    await openBatch(agency, 0);
    await segment(agency, "Gagal");
    await agency.getByLabel("Alasan tindak lanjut").fill("nama disesuaikan dengan buku tabungan");
    await agency.getByRole("button", { name: "Terbitkan ulang" }).click();
    await agency.getByTestId("payment-lines").getByText("Diterbitkan ulang").waitFor();

    await prepareBatch(agency);
    await approve();
    const rows = (await exportFile()).slice(1);
    expect(rows).toHaveLength(1);
    const [line] = rows as [string[]];
    await sendResults(
      0,
      [RESULT_HEADER, `${line[5]};BRI-9;SUKSES;${line[4]};2026-12-05;;`, ""].join("\r\n"),
      "Diterapkan 1 (dibayar 1, gagal 0, retur 0)",
    );

    const bank = await sendResults(1, firstFile, "sudah pernah diterima");
    await segment(bank, "Kecamatan");
    await bank.getByTestId("recon-balanced").filter({ hasText: "Seimbang" }).waitFor();
    expect((await bank.getByTestId("recon-total").getByRole("cell").allTextContents()).join("|")).toBe(
      firstTotals,
    );
  }, 600_000);

  it("saves an export layout with two columns swapped and a header renamed, and the bank file follows it", async () => {
    const agency = await signedIn("diskopukm");
    // Reached the way an official finds it: from the payments list, not by typing the address.
    await nav(agency, "Pembayaran");
    await agency.getByRole("heading", { level: 1, name: "Pembayaran melalui bank" }).waitFor();
    await agency.getByRole("link", { name: LAYOUTS_LINK }).click();
    await agency.getByRole("heading", { level: 1, name: "Tata letak berkas bank" }).waitFor();
    expect(new URL(agency.url()).pathname).toBe("/pembayaran/tata-letak");
    await agency.getByRole("button", { name: "Tata letak baru" }).click();
    // Starts as a copy of the BRI layout: NO, NIK, NAMA_REKENING, KODE_CABANG, …
    await agency.getByLabel(/^Nama tata letak/).fill("BRI Unit Paser");
    await agency.getByRole("textbox", { name: /^Kode/ }).fill("bri-unit-paser");
    await agency.getByRole("button", { name: "Naikkan kolom 2" }).click();
    await agency.getByLabel(/^Judul kolom 3/).fill("NAMA_PENERIMA");
    // A bad input is shown beside its field and loses nothing typed.
    await agency.getByLabel(/^Judul kolom 4/).fill("");
    await agency.getByRole("button", { name: "Simpan tata letak" }).click();
    await agency.getByText("Periksa isian yang ditandai merah di bawah.").waitFor();
    await agency.getByText(/^Terlalu pendek/).waitFor();
    expect(await agency.getByLabel(/^Nama tata letak/).inputValue()).toBe("BRI Unit Paser");
    expect(await agency.getByLabel(/^Judul kolom 1/).inputValue()).toBe("NIK");
    await agency.getByLabel(/^Judul kolom 4/).fill("KODE_CABANG");
    await agency.getByRole("button", { name: "Simpan tata letak" }).click();
    await agency
      .getByTestId("layout-done")
      .filter({ hasText: "Tata letak BRI Unit Paser disimpan." })
      .waitFor();
    await agency.getByTestId("payment-layouts").getByText("BRI Unit Paser").waitFor();

    await openBatch(agency, 0);
    const select = agency.getByRole("combobox", { name: /^Tata letak berkas bank/ });
    await select.locator("option", { hasText: "BRI Unit Paser" }).waitFor({ state: "attached" });
    await select.selectOption({ label: "BRI Unit Paser" });
    const download = agency.waitForEvent("download");
    await agency.getByRole("button", { name: "Unduh berkas bank (CSV)" }).click();
    const file = await (await download).path();
    const [header] = readFileSync(file, "utf8").split("\r\n");
    expect(header?.split(";")).toEqual([
      "NIK",
      "NO",
      "NAMA_PENERIMA",
      "KODE_CABANG",
      "NOMINAL",
      "NO_REFERENSI",
      "DESA",
      "KECAMATAN",
      "KETERANGAN",
    ]);
  }, 600_000);

  /** A saved layout as GET /api/payment-layouts lists it: what a write would send back. */
  interface SavedLayout {
    id: string;
    name: string;
    kind: "export" | "result";
    layout: { code: string; name: string };
  }

  /**
   * An insider's own session trying to change a layout with the page's fetch (its cookie and the CSRF token the
   * server handed it, so the answer is about the role, not a missing token): replacing the layout under its code,
   * then deleting it. Gives each answer's status and code.
   */
  const tryToChange = (page: Page, saved: SavedLayout) =>
    page.evaluate(async (target) => {
      const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
      const headers = { accept: "application/json", "x-csrf-token": me.csrfToken };
      const answer = async (response: Response) => [
        response.status,
        ((await response.json()) as { code: string }).code,
      ];
      const save = await fetch("/api/payment-layouts", {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({
          kind: target.kind,
          layout: { ...target.layout, name: "Diubah tanpa wewenang" },
        }),
      });
      const remove = await fetch(`/api/payment-layouts/${encodeURIComponent(target.id)}`, {
        method: "DELETE",
        headers,
      });
      return { save: await answer(save), remove: await answer(remove) };
    }, saved);

  it("keeps layouts out of the hands of the Inspektorat and a desa operator: no link, a refusal, and a 403", async () => {
    // The auditor follows every payment but changes none: it sees the batches, not the way to the layouts.
    const auditor = await signedIn("inspektorat");
    await openBatch(auditor, 0);
    const batchId = new URL(auditor.url()).pathname.split("/").pop() ?? "";
    expect(await auditor.getByRole("link", { name: "Atur tata letak" }).count()).toBe(0);
    await nav(auditor, "Pembayaran");
    await auditor.getByTestId("payment-batches").getByRole("link").first().waitFor();
    expect(await auditor.getByRole("link", { name: LAYOUTS_LINK }).count()).toBe(0);

    // Typed in by hand, the screen lists the paying agency's layouts read-only and says why.
    await auditor.goto(`${(running as InProcessSalur).baseUrl}/pembayaran/tata-letak?batch=${batchId}`);
    await auditor.getByRole("heading", { level: 1, name: "Tata letak berkas bank" }).waitFor();
    await auditor
      .getByTestId("layouts-read-only")
      .filter({ hasText: "Peran Anda hanya dapat melihat tata letak." })
      .waitFor();
    const table = auditor.getByTestId("payment-layouts");
    await table.getByText("BRI Unit Paser").waitFor();
    expect(await table.getByRole("button").count()).toBe(0);
    expect(await auditor.getByRole("button", { name: "Tata letak baru" }).count()).toBe(0);

    const listed = await auditor.evaluate(async (id) => {
      const response = await fetch(`/api/payment-layouts?batchId=${encodeURIComponent(id)}`);
      return ((await response.json()) as { items: SavedLayout[] }).items;
    }, batchId);
    const saved = listed.find((l) => l.name === "BRI Unit Paser");
    expect(saved).toBeDefined();
    const layout = saved as SavedLayout;
    expect(await tryToChange(auditor, layout)).toEqual({
      save: [403, "FORBIDDEN"],
      remove: [403, "FORBIDDEN"],
    });

    // A desa operator has no payments menu at all; the address typed in gets a refusal, not an error or a blank.
    const desa = await signedIn("operator.lolo");
    const menu = desa.getByRole("navigation", { name: "Menu utama" });
    await menu.getByRole("link", { name: "Belum diambil" }).waitFor();
    expect(await menu.getByRole("link", { name: "Pembayaran", exact: true }).count()).toBe(0);
    await desa.goto(`${(running as InProcessSalur).baseUrl}/pembayaran/tata-letak`);
    await desa.getByRole("heading", { level: 1, name: "Tata letak berkas bank" }).waitFor();
    await desa.getByText("Tata letak berkas bank tidak dibuka untuk peran Anda").waitFor();
    expect(await desa.getByTestId("payment-layouts").count()).toBe(0);
    expect(await desa.getByRole("button", { name: "Tata letak baru" }).count()).toBe(0);
    expect(await desa.getByText("Gagal memuat").count()).toBe(0);
    expect(await tryToChange(desa, layout)).toEqual({
      save: [403, "FORBIDDEN"],
      remove: [403, "FORBIDDEN"],
    });

    // Both refusals changed nothing: the agency's layout is still there under its own name.
    await auditor.reload();
    await auditor.getByTestId("payment-layouts").getByText("BRI Unit Paser").waitFor();
    expect(await auditor.getByText("Diubah tanpa wewenang").count()).toBe(0);
  }, 600_000);
});
