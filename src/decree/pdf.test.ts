import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { rupiahInWords } from "../money/words.ts";
import { syntheticDecree } from "./bench-fixture.ts";
import { renderDecreePdf } from "./pdf.ts";

function pdftotext(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "salur-pdf-")), "sk.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

describe("decree PDF (the suite's short version of bench/decree-pdf.ts)", () => {
  it("renders a 1,000-line annex byte-stable, small, with totals per page and overall in figures and words", async () => {
    const { document, lines } = syntheticDecree(1000);
    const pdf = await renderDecreePdf(document, lines);
    expect((await renderDecreePdf(document, lines)).equals(pdf)).toBe(true);
    expect(pdf.length).toBeLessThan(1024 * 1024);
    const text = pdftotext(pdf);
    const pages = text.split("\f").filter((p) => p.trim().length > 0);
    expect(pages.length).toBeGreaterThan(10);
    pages.forEach((page, i) => {
      expect(page).toContain(`Halaman ${i + 1} dari ${pages.length}`);
      expect(page).toContain(document.annexSha256);
      expect(page).toContain(document.merkleRoot);
    });
    expect(text.match(/Jumlah halaman ini/g)?.length).toBe(pages.length - 1);
    expect(text).toContain("Jumlah seluruhnya: 1.000 penerima, Rp2.400.000.000");
    expect(text.replace(/\s+/g, " ")).toContain(`Terbilang: ${rupiahInWords(2_400_000_000)}`);
    expect(text).toContain("tidak terpisahkan");
    expect(pdf.toString("latin1")).toMatch(/\/FontFile2/);
  });

  it("puts the uploaded logo in the kop surat, once, however many pages", async () => {
    const logo = new PNG({ width: 40, height: 40 });
    logo.data.fill(0x80);
    const { document, lines } = syntheticDecree(200);
    const pdf = (await renderDecreePdf({ ...document, logo: PNG.sync.write(logo) }, lines)).toString(
      "latin1",
    );
    const plain = (await renderDecreePdf(document, lines)).toString("latin1");
    const images = (text: string) => text.match(/\/Subtype \/Image/g)?.length ?? 0;
    const short = (await renderDecreePdf(syntheticDecree(5).document, syntheticDecree(5).lines)).toString(
      "latin1",
    );
    // The QR is embedded once and placed on every page; the logo adds its own image.
    expect(images(plain)).toBe(images(short));
    expect(images(pdf)).toBeGreaterThan(images(plain));
  });

  it("prints on A4 as well as F4", async () => {
    const { document, lines } = syntheticDecree(50);
    const a4 = await renderDecreePdf({ ...document, paper: "A4" }, lines);
    const f4 = await renderDecreePdf(document, lines);
    expect(a4.toString("latin1")).toContain("/MediaBox [0 0 595.27");
    expect(f4.toString("latin1")).toContain("/MediaBox [0 0 609.44");
  });
});
