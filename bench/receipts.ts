/**
 * Skimming detector benchmark (issue 19): distribution campaigns over Paser's 144 desa (Kemendagri codes from
 * idn-area-data, src/demo/paser-villages.ts), each with three planted patterns — one RW cut Rp50.000 each
 * (seed 003), a desa keeping 10 %, an officer taking Rp100.000 from most recipients at one distribution point —
 * and clean campaigns with honest noise only (misremembered amounts, mistaken "not received", refusals,
 * unreachable recipients, frightened victims answering "in full"). Prints recall per pattern and false flags per
 * 100 clean desa, with CPU time and the load average.
 * Run: npx tsx bench/receipts.ts [planted campaigns = 1000] [clean campaigns = 200]
 */
import { loadavg } from "node:os";
import { DEFAULT_DETECTOR_SETTINGS, detectSkimming } from "../src/receipts/detector.ts";
import { PLANTED_PATTERNS, scoreDetector } from "../src/receipts/simulation.fixture.ts";

const planted = Number(process.argv[2] ?? 1000);
const clean = Number(process.argv[3] ?? 200);

const started = performance.now();
const cpu = process.cpuUsage();
const loadBefore = loadavg()[0]?.toFixed(1);
const result = scoreDetector((lines) => detectSkimming(lines, DEFAULT_DETECTOR_SETTINGS), planted, clean);
const used = process.cpuUsage(cpu);

console.log(
  `detector: exact binomial (shortfall share, repeated round amount), Benjamini–Hochberg at ${DEFAULT_DETECTOR_SETTINGS.falseDiscoveryRate}, minimum ${DEFAULT_DETECTOR_SETTINGS.minimumShortfalls} shortfalls`,
);
console.log(`campaigns: ${planted} planted + ${clean} clean, 144 desa each\n`);
console.log("| pattern | planted | found | recall |");
console.log("|---|---:|---:|---:|");
for (const pattern of PLANTED_PATTERNS) {
  const { planted: n, found } = result.found[pattern];
  console.log(`| ${pattern} | ${n} | ${found} | ${(found / Math.max(n, 1)).toFixed(3)} |`);
}
const per100 = (flags: number, desa: number) => ((100 * flags) / Math.max(desa, 1)).toFixed(3);
console.log(
  `\nfalse flags (areas holding no skimmed recipient), all campaigns: ${result.falseFlags} over ${result.cleanDesa} clean desa = ${per100(result.falseFlags, result.cleanDesa)} per 100 clean desa`,
);
console.log(
  `false flags, clean campaigns only: ${result.cleanCampaignFalseFlags} over ${result.cleanCampaignDesa} desa = ${per100(result.cleanCampaignFalseFlags, result.cleanCampaignDesa)} per 100 clean desa`,
);
console.log(
  `\n${((performance.now() - started) / 1000).toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU, load ${loadBefore} → ${loadavg()[0]?.toFixed(1)}`,
);
