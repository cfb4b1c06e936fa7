/**
 * The demo's monthly report pack: `node --import tsx bench/report-pack.ts [pglite|postgres] [persons] [--png DIR]`.
 * Seeds the demo (20,000 persons by default: what `salur serve --demo` loads), then generates the regency's
 * November 2026 pack as the Inspektorat would (figures cut at a checkpoint, PDF and XLSX rendered, stored,
 * hashes audited) and prints the time of each part. With --png the PDF's pages are written as PNG
 * (pdftoppm) for docs/screenshots. A script, not a test: timings depend on the machine and its load.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { systemCaller } from "../src/access/actor.ts";
import { openTestDatabase, testConfig } from "../src/db/testing.ts";
import { DEMO_PERSONS, seedDemo } from "../src/demo/seed.ts";
import { generatePack, packFile, reportsOf } from "../src/reports/index.ts";
import { openSalur } from "../src/runtime.ts";

const kind = (process.argv[2] ?? "pglite") as "pglite" | "postgres";
const persons = Number(process.argv[3] ?? DEMO_PERSONS);
const pngAt = process.argv.indexOf("--png");
const pngDir = pngAt > 0 ? process.argv[pngAt + 1] : undefined;
process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/test";

const salur = await openSalur(testConfig(), {
  database: await openTestDatabase(kind),
  today: () => "2026-11-25",
});
const seeded = performance.now();
await seedDemo(salur, { persons });
console.log(
  `[${kind}] demo of ${persons} persons seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
);

const caller = {
  actor: { ...systemCaller("Inspektorat (bench)", salur.config.regencyCode).actor },
  requestId: null,
};
const reports = reportsOf(salur);
const started = performance.now();
const pack = await generatePack(reports, caller, { kind: "monthly", month: "2026-11" });
const total = performance.now() - started;
console.log(
  `[${kind}] monthly pack 2026-11: ${(total / 1000).toFixed(2)} s in all (figures ${(pack.timings.figuresMs / 1000).toFixed(2)} s, ` +
    `PDF+XLSX ${(pack.timings.renderMs / 1000).toFixed(2)} s); load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
);
const pdf = await packFile(reports, caller, pack.id, "pdf");
const xlsx = await packFile(reports, caller, pack.id, "xlsx");
const pages = execFileSync("pdfinfo", ["-"], { input: pdf.bytes })
  .toString()
  .match(/Pages:\s+(\d+)/)?.[1];
console.log(`[${kind}] PDF ${pdf.bytes.length} bytes, ${pages} pages; XLSX ${xlsx.bytes.length} bytes`);
if (pngDir) {
  const dir = mkdtempSync(join(tmpdir(), "salur-pack-png-"));
  writeFileSync(join(dir, "pack.pdf"), pdf.bytes);
  execFileSync("pdftoppm", ["-png", "-r", "60", join(dir, "pack.pdf"), join(dir, "page")]);
  mkdirSync(pngDir, { recursive: true });
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".png"))
    .sort())
    renameSync(join(dir, file), join(pngDir, `report-pack-${file.replace(/^page-0*/, "page-")}`));
  console.log(`[${kind}] pages written to ${pngDir}`);
}
await salur.close();
