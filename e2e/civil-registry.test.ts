import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/index.ts";
import { chromiumAvailable } from "./support/browser.ts";
import { type InProcessSalur, startSalurInProcess } from "./support/server.ts";

/**
 * Identity verification against the civil registry in a real Chromium: the operator of Desa Lolo downloads a
 * batch for the office, imports its answer (padan, tidak padan with another name, not found, deceased, and a
 * line of no batch), decides to take the registry's name, the kecamatan officer approves it, and the deceased
 * recipient's decreed application is withdrawn and left out of the next payment batch.
 */
const LOLO = "64.01.05.2002";

describe.skipIf(!chromiumAvailable)("civil registry verification in Chromium", () => {
  let running: InProcessSalur | undefined;
  const people = { padan: "", differs: "", absent: "", dead: "" };
  let deadEnrollment = "";
  let deadPerson = "";

  beforeAll(async () => {
    running = await startSalurInProcess(600);
    const db = running.salur.database.db;
    // The decreed recipient who died: one of the SK's approved applications, living in Lolo for this story.
    const [decreed] = await queryRows<{ id: string; person_id: string; name: string }>(
      db,
      sql`select e.id, e.person_id, p.name from enrollments e join persons p on p.id = e.person_id
          where e.status = 'approved' order by (p.village_code = ${LOLO}) desc, e.id limit 1`,
    );
    if (!decreed) throw new Error("the demo has no decreed recipient");
    await db.execute(
      sql`update persons set village_code = ${LOLO}, district_code = '64.01.05' where id = ${decreed.person_id}`,
    );
    await db.execute(
      sql`update enrollments set village_code = ${LOLO}, district_code = '64.01.05' where id = ${decreed.id}`,
    );
    deadEnrollment = decreed.id;
    deadPerson = decreed.person_id;
    people.dead = decreed.name;
    // Others of Lolo whose identity may still be edited (no application from verification on), distinct names.
    const others = await queryRows<{ name: string }>(
      db,
      sql`select min(p.name) as name from persons p where p.village_code = ${LOLO} and p.nik_status = 'valid'
          and p.id <> ${decreed.person_id}
          and not exists (select 1 from enrollments e where e.person_id = p.id
            and e.status in ('verified','validated','selected','published','approved','paid','payment_failed'))
          group by p.name having count(*) = 1 order by 1 limit 3`,
    );
    if (others.length < 3) throw new Error("the demo has too few persons in Lolo");
    [people.padan, people.differs, people.absent] = others.map((o) => o.name) as [string, string, string];
  }, 600_000);
  afterAll(async () => {
    await running?.close();
  }, 60_000);

  const signedIn = (username: string) => (running as InProcessSalur).signedIn(username);
  const openPage = async (page: Page) => {
    await page
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Verifikasi Dukcapil" })
      .click();
    await page.getByRole("heading", { level: 1, name: "Verifikasi Dukcapil" }).waitFor();
  };

  it("exports a Lolo batch, imports the office's answer, reviews a name with a second official, and withdraws the deceased", async () => {
    const operator = await signedIn("operator.lolo");
    await openPage(operator);
    await operator.getByRole("button", { name: "Buat batch" }).click();
    await operator.getByTestId("cr-created").waitFor();
    const batch = operator.getByTestId("cr-batch").first();
    const download = operator.waitForEvent("download");
    await batch.getByRole("button", { name: "Unduh CSV" }).click();
    const rows = readFileSync((await (await download).path()) as string, "utf8")
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean)
      .map((r) => r.split(";"));
    await batch.getByTestId("cr-downloaded").waitFor();
    expect(rows[0]?.slice(0, 5)).toEqual(["KODE BATCH", "NO", "NIK", "NO KK", "NAMA"]);
    const line = (name: string) => {
      const row = rows.find((r) => r[4] === name);
      if (!row) throw new Error(`${name} is not in the batch`);
      return row;
    };
    for (const name of Object.values(people)) expect(line(name)[2]).toMatch(/^\d{16}$/);
    const code = line(people.padan)[0] as string;
    const answer = [
      "KODE BATCH;NO;NIK;NAMA;STATUS;NAMA DUKCAPIL",
      `${code};${line(people.padan)[1]};${line(people.padan)[2]};${people.padan};PADAN;`,
      `${code};${line(people.differs)[1]};${line(people.differs)[2]};${people.differs};TIDAK PADAN;${people.differs} BINTI UMAR`,
      `${code};${line(people.absent)[1]};${line(people.absent)[2]};${people.absent};DATA TIDAK DITEMUKAN;`,
      `${code};${line(people.dead)[1]};${line(people.dead)[2]};${people.dead};MENINGGAL DUNIA;`,
      `${code};99999;;Tak Dikenal;PADAN;`,
      "",
    ].join("\r\n");
    await batch.locator('input[type="file"]').setInputFiles({
      name: "hasil-dukcapil.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(answer, "utf8"),
    });
    await batch.getByRole("button", { name: "Impor hasil" }).click();
    const outcome = batch.locator('[data-testid="cr-import-result"][data-state="applied"]');
    await outcome.filter({ hasText: "4 baris diterapkan" }).waitFor();
    await outcome.filter({ hasText: "1 pengajuan ditarik" }).waitFor();
    await outcome
      .getByTestId("cr-import-report")
      .getByText("Tidak ada baris batch dengan nomor ini")
      .waitFor();

    // The review queue shows ours and theirs side by side; the operator decides, the kecamatan approves.
    const review = operator.locator(`[data-testid="cr-review"][data-person="${people.differs}"]`);
    await expect(review.getByTestId("cr-ours").textContent()).resolves.toBe(people.differs);
    await expect(review.getByTestId("cr-theirs").textContent()).resolves.toBe(`${people.differs} BINTI UMAR`);
    await review.getByLabel(/^Alasan/).fill("Sesuai KTP-el yang diperlihatkan di balai desa");
    await review.getByRole("button", { name: "Pakai data Dukcapil" }).click();
    await operator
      .locator(`[data-testid="cr-review"][data-person="${people.differs}"][data-state="proposed"]`)
      .waitFor();
    await review.getByText("Anda yang memutuskan").waitFor();

    const kecamatan = await signedIn("kecamatan.kuaro");
    await openPage(kecamatan);
    const pending = kecamatan.locator(
      `[data-testid="cr-review"][data-person="${people.differs}"][data-state="proposed"]`,
    );
    await pending.getByRole("button", { name: "Setujui" }).click();
    await pending.waitFor({ state: "detached" });
    await kecamatan
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Data penduduk" })
      .click();
    await kecamatan.getByRole("heading", { level: 1 }).first().waitFor();

    // The deceased recipient: verification on their page, the application withdrawn.
    await operator.goto(`${(running as InProcessSalur).baseUrl}/penduduk/${deadPerson}`);
    await operator.locator('[data-testid="person-civil-registry"][data-state="deceased"]').waitFor();
    await operator.getByText("Dibatalkan").first().waitFor();
  }, 600_000);

  it("leaves the withdrawn recipient out of a new payment batch", async () => {
    const agency = await signedIn("diskopukm");
    await agency
      .getByRole("navigation", { name: "Menu utama" })
      .getByRole("link", { name: "Pembayaran" })
      .click();
    const decree = agency.getByRole("combobox", { name: /^SK \/ tahap program/ });
    const option = decree.locator("option", { hasText: "BLT Usaha Mikro" }).first();
    await option.waitFor({ state: "attached" });
    await decree.selectOption((await option.getAttribute("value")) ?? "");
    const bank = agency.getByRole("combobox", { name: /^Bank penyalur/ });
    await bank.locator("option", { hasText: "Bank Rakyat Indonesia" }).waitFor({ state: "attached" });
    await bank.selectOption({ label: "Bank Rakyat Indonesia (bank penyalur)" });
    await agency.getByLabel(/^Batas waktu pengambilan/).fill("2026-12-31");
    await agency.getByRole("button", { name: "Siapkan batch" }).click();
    await agency.getByText("1 batch disiapkan.").waitFor();
    const db = (running as InProcessSalur).salur.database.db;
    const lines = await queryRows<{ n: number; dead: number }>(
      db,
      sql`select count(*)::int as n, count(*) filter (where enrollment_id = ${deadEnrollment})::int as dead from payment_lines`,
    );
    expect(lines[0]?.n).toBeGreaterThan(0);
    expect(lines[0]?.dead).toBe(0);
  }, 600_000);
});
