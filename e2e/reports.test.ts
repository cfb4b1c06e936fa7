import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemCaller } from "../src/access/actor.ts";
import { complaintsOf, openComplaint } from "../src/complaints/index.ts";
import { queryRows } from "../src/db/index.ts";
import { decreesOf } from "../src/decree/runtime.ts";
import { approveDecree, checkDecree, draftDecree } from "../src/decree/service.ts";
import { saveSanggah } from "../src/decree/store.ts";
import { approveBatch, exportBatch, paymentsOf, prepareBatches } from "../src/payments/index.ts";
import { resultCsv } from "../src/payments/payments.fixture.ts";
import { batchLines } from "../src/payments/reads.ts";
import { importResults } from "../src/payments/results.ts";
import { createPeriod, enrollPerson, registerPerson } from "../src/registry/service.ts";
import type { Salur } from "../src/runtime.ts";
import { chromiumAvailable, waitForValue } from "./support/browser.ts";
import { type InProcessSalur, ROOT, startSalurInProcess } from "./support/server.ts";

/**
 * The Inspektorat's view in a real Chromium: one recipient registered, verified, decreed and paid (prepared on
 * the server as the officials' own tests do), then followed in the audit trail from registration to payment,
 * the chain verified from the browser, and a signed extract exported and checked by the CLI offline. A second
 * recipient's payment fails and a complaint comes in, so the recap page has every chart to draw.
 */
const LOLO = "64.01.05.2002";
const PHONE = { width: 360, height: 780 };
const SCREENSHOTS = join(ROOT, "e2e", "screenshots");
const NAME = "Sartini Jejak Audit";
const FAILED_NAME = "Painah Gagal Bayar";

async function paidRecipient(salur: Salur): Promise<{ batchNumber: number; amount: number }> {
  const system = systemCaller("Persiapan uji / test setup", salur.config.regencyCode);
  const db = salur.database.db;
  const [program] = await queryRows<{ id: string }>(
    db,
    sql`select id from programs where code = 'SEMBAKO-LANSIA'`,
  );
  const [bank] = await queryRows<{ id: string }>(db, sql`select id from agencies where code = 'BRI'`);
  if (!program || !bank) throw new Error("demo program or bank missing");
  const period = await createPeriod(salur.registry, system, {
    programId: program.id,
    name: "Tahap Uji Jejak",
    startsOn: "2026-11-01",
    endsOn: "2026-12-31",
    status: "open",
  });
  const enrollments: string[] = [];
  for (const [name, birthDate] of [
    [NAME, "1950-05-05"],
    [FAILED_NAME, "1948-03-09"],
  ] as const) {
    const { person } = await registerPerson(salur.registry, system, {
      name,
      sex: "P",
      birthDate,
      villageCode: LOLO,
      rt: "003",
    });
    const enrollment = await enrollPerson(salur.registry, system, {
      personId: person.id,
      periodId: period.id,
    });
    enrollments.push(enrollment.id);
    // Submitted through published along the legal edges, without the workflow: its own suites cover how an
    // application gets there (documents, duties, eligibility); this suite follows what the trail then shows.
    for (const status of ["submitted", "verified", "validated", "selected", "published"])
      await db.execute(
        sql`update enrollments set status = ${status}, version = version + 1 where id = ${enrollment.id}`,
      );
  }
  const decrees = decreesOf(salur);
  await saveSanggah(db, period.id, "2026-11-01", "2026-11-15");
  const decreeId = await db.transaction(async (tx) => {
    const { id } = await draftDecree(decrees, tx, system, { periodId: period.id });
    await checkDecree(decrees, tx, system, id, 1);
    await approveDecree(decrees, tx, system, id, { version: 2 });
    return id;
  });
  const p = paymentsOf(salur);
  const [batch] = await prepareBatches(p, system, {
    decreeId,
    bankAgencyId: bank.id,
    claimDeadline: "2026-12-31",
    split: "none",
  });
  if (!batch) throw new Error("no batch");
  await approveBatch(p, system, batch.id, { version: batch.version, linesSha256: batch.linesSha256 });
  await exportBatch(p, system, batch.id, { format: "csv" });
  const lines = (await batchLines(p, system, batch.id, { page: 1, pageSize: 5 })).items;
  const line = lines.find((l) => l.enrollmentId === enrollments[0]);
  const failing = lines.find((l) => l.enrollmentId === enrollments[1]);
  if (!line || !failing) throw new Error("no payment lines");
  await importResults(p, system, batch.id, {
    fileName: "hasil.csv",
    format: "csv",
    bytes: resultCsv([
      { reference: line.reference, bankReference: "E2E-1", outcome: "paid", amount: line.amount },
      {
        reference: failing.reference,
        bankReference: "E2E-2",
        outcome: "failed",
        amount: failing.amount,
        reason: "name_mismatch",
      },
    ]),
  });
  // A complaint that the recap counts within its deadline: it was received just now.
  await db.transaction((tx) =>
    openComplaint(complaintsOf(salur), tx, system, {
      category: "payment_less",
      channel: "system",
      villageCode: LOLO,
      description: "Penerima melaporkan menerima kurang dari nilai SK (uji laporan).",
      anonymous: true,
    }),
  );
  return { batchNumber: batch.number, amount: line.amount };
}

describe.skipIf(!chromiumAvailable)("the Inspektorat's audit view in Chromium", () => {
  let running: InProcessSalur | undefined;
  let paid = { batchNumber: 0, amount: 0 };
  beforeAll(async () => {
    running = await startSalurInProcess(1_000);
    paid = await paidRecipient(running.salur);
  }, 600_000);
  afterAll(async () => {
    await running?.close();
  }, 60_000);

  const nav = (page: Page, name: string) =>
    page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name }).click();

  it("follows a recipient from registration to payment, verifies the chain, and exports an extract the CLI accepts", async () => {
    const salur = running as InProcessSalur;
    const page = await salur.signedIn("inspektorat");
    await nav(page, "Jejak audit");
    await page.getByRole("heading", { level: 1, name: "Jejak audit" }).waitFor();

    // The payment, then the whole story of whom it was paid to.
    await page
      .getByRole("combobox", { name: "Tindakan" })
      .selectOption({ label: "— Penyaluran dicatat bank" });
    await page.getByRole("button", { name: "Terapkan" }).click();
    const paid = page.getByTestId("audit-row").filter({ hasText: "Penyaluran dicatat bank" }).first();
    await paid.waitFor();
    await paid.getByTestId("story-link").click();
    await page.getByTestId("story-banner").waitFor();
    const rows = page.getByTestId("audit-row");
    await rows.filter({ hasText: "Data penduduk didaftarkan" }).waitFor();
    const story = ((await page.getByTestId("audit-table").textContent()) ?? "").replace(/\s+/g, " ");
    for (const step of [
      "Data penduduk didaftarkan",
      "Didaftarkan ke program",
      "Ditetapkan dalam SK",
      "Penyaluran dicatat bank",
    ])
      expect(story).toContain(step);

    await page.getByRole("button", { name: "Periksa rantai sekarang" }).click();
    await expect(page.getByTestId("chain-result").textContent()).resolves.toContain("Rantai utuh");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Ekspor ekstrak" }).click();
    const file = await (await download).path();
    await page.getByTestId("extract-done").waitFor();

    // The witness's key, obtained apart from the file, and the CLI run on the downloaded extract, offline.
    const dir = mkdtempSync(join(tmpdir(), "salur-extract-"));
    writeFileSync(join(dir, "key.pem"), salur.salur.audit.keys.publicKeyPem);
    const output = execFileSync(
      process.execPath,
      [
        join(ROOT, "bin", "salur.js"),
        "audit",
        "verify",
        "--extract",
        file,
        "--public-key",
        join(dir, "key.pem"),
      ],
      { cwd: ROOT, env: { ...process.env, LANG: "id_ID.UTF-8" } },
    ).toString();
    expect(output).toContain("Ekstrak sah");
  }, 180_000);
  it("draws the recap as charts named by their figures, at 360 px, and makes a per-batch pack from the form", async () => {
    const salur = running as InProcessSalur;
    const page = await salur.signedIn("inspektorat", PHONE);
    await page.goto(`${salur.baseUrl}/laporan`);
    await page.getByRole("heading", { level: 1, name: "Laporan akuntabilitas" }).waitFor();

    const rp = (amount: number) => `Rp ${amount.toLocaleString("id-ID")}`;
    const pipeline = page.getByRole("img", { name: /^Grafik alur penyaluran/ });
    await pipeline.waitFor();
    const label = (await pipeline.getAttribute("aria-label")) ?? "";
    expect(label).toContain(`Dibayar 1 (${rp(paid.amount)})`);
    // No recipient has answered yet: the stage is counted as none, and the leakage says it cannot be counted.
    expect(label).toContain("Dikonfirmasi penerima 0 (");
    await page
      .getByTestId("recap-leakage")
      .getByText(/Belum ada baris yang dikonfirmasi penerima/)
      .waitFor();
    // The bars are drawn, one per stage, each followed by its figure.
    const values = page.getByTestId("pipeline-chart").locator(".recharts-label-list text");
    await waitForValue(page, () => values.count(), 8);
    expect(await values.count()).toBe(8);
    expect(await values.nth(5).textContent()).toBe("1");
    await page.getByText("Rupiah", { exact: true }).click();
    const compact = new Intl.NumberFormat("id-ID", { notation: "compact", maximumFractionDigits: 1 });
    await waitForValue(page, () => values.nth(5).textContent(), `Rp ${compact.format(paid.amount)}`);
    expect(await values.nth(5).textContent()).toBe(`Rp ${compact.format(paid.amount)}`);

    const failures =
      (await page.getByRole("img", { name: /^Grafik kegagalan/ }).getAttribute("aria-label")) ?? "";
    expect(failures).toContain(`Nama tidak sesuai 1 (${rp(paid.amount)})`);
    const complaints =
      (await page.getByRole("img", { name: /^Grafik pengaduan/ }).getAttribute("aria-label")) ?? "";
    expect(complaints).toContain("Diterima kurang dari SK: masuk 1, dalam batas waktu 1, lewat 0");
    for (const id of ["pipeline-chart", "failures-chart", "complaints-chart"]) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box && box.x + box.width, id).toBeLessThanOrEqual(PHONE.width);
    }
    expect(
      await page.evaluate(() => {
        const w = globalThis as unknown as {
          document: { documentElement: { scrollWidth: number } };
          innerWidth: number;
        };
        return w.document.documentElement.scrollWidth - w.innerWidth;
      }),
    ).toBeLessThanOrEqual(0);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, "reports-charts-360.png"), fullPage: true });

    // The pack of one payment batch, asked for from the form.
    await page.getByText("Per batch pembayaran", { exact: true }).click();
    const batches = page.getByRole("combobox", { name: "Batch pembayaran" });
    const option = batches.locator("option").filter({ hasText: `Batch ${paid.batchNumber} ·` });
    await batches.selectOption((await option.getAttribute("value")) ?? "");
    await page.getByRole("button", { name: "Buat laporan batch" }).click();
    await page.getByTestId("pack-made").waitFor();
    await page
      .getByTestId("pack-row")
      .filter({ hasText: `Laporan Penyaluran per Batch Pembayaran — Batch ${paid.batchNumber}` })
      .waitFor();

    // The same charts in English.
    await page.getByText("EN", { exact: true }).click();
    const english = page.getByRole("img", { name: /^Chart of the distribution pipeline/ });
    expect(await english.getAttribute("aria-label")).toContain(`Paid 1 (${rp(paid.amount)})`);
    expect(await page.getByRole("img", { name: /^Chart of failures/ }).getAttribute("aria-label")).toContain(
      `name mismatch 1 (${rp(paid.amount)})`,
    );
  }, 180_000);
});
