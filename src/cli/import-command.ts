/**
 * `salur import FILE --program P --period T` and `salur reconcile FILE --program P --period T --out DIR`: the
 * import and reconciliation jobs run from a terminal, with a progress bar, the same checks and the same
 * all-or-nothing guarantee as an upload in the web app.
 */
import { createReadStream, createWriteStream, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { systemCaller } from "../access/actor.ts";
import { loadConfig } from "../config.ts";
import { translate } from "../http/errors.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { type Language, languageFromHeader } from "../i18n/index.ts";
import type { MappingTemplate } from "../imports/headers.ts";
import {
  exportReconciliation,
  reconciliationSummary,
  submitReconciliation,
} from "../imports/reconciliation.ts";
import { RECONCILIATION_CATEGORIES } from "../imports/schema.ts";
import { type ImportDeps, importDeps, submitImport, writeReport } from "../imports/service.ts";
import { fileSource } from "../imports/sheet.ts";
import * as importStore from "../imports/store.ts";
import type { JobRunner } from "../jobs/index.ts";
import * as registryStore from "../registry/store.ts";
import { openSalur, type Salur } from "../runtime.ts";

function language(): Language {
  return languageFromHeader(process.env.LANG?.startsWith("en") ? "en" : "id");
}

/** A program by code or id, and its period by name or id. */
async function target(salur: Salur, program?: string, period?: string): Promise<string | null> {
  if (!program && !period) return null;
  if (!program || !period) throw new DomainError("CLI_PROGRAM_AND_PERIOD", {});
  const programs = await registryStore.listPrograms(salur.database.db);
  const found = programs.find((p) => p.code === program || p.id === program);
  if (!found) throw new DomainError("PROGRAM_NOT_FOUND", { id: program }, 404);
  const periods = await registryStore.listPeriods(salur.database.db, found.id);
  const chosen = periods.find((p) => p.name === period || p.id === period);
  if (!chosen) throw new DomainError("PERIOD_NOT_FOUND", { id: period }, 404);
  return chosen.id;
}

/** A bar on a terminal, quiet otherwise; follows the job until it ends. */
async function follow(jobs: JobRunner, jobId: string, show: boolean, lang: Language) {
  const bar = show
    ? new SingleBar({ format: " {stage} [{bar}] {percentage}% | {rows} baris", hideCursor: true })
    : null;
  let started = false;
  const stop = jobs.subscribe(jobId, (view) => {
    if (!bar) return;
    const stage = translate(`JOB_STAGE_${(view.stage ?? "read").toUpperCase()}`, {}, lang);
    const rows = Number((view.detail as { rows?: number } | null)?.rows ?? 0);
    const total = view.total ?? 100;
    if (!started) {
      bar.start(total, 0, { stage, rows });
      started = true;
    }
    bar.setTotal(total);
    bar.update(view.total ? view.done : 0, { stage, rows });
  });
  try {
    return await jobs.wait(jobId);
  } finally {
    stop();
    if (started) bar?.stop();
  }
}

async function withSalur<T>(run: (salur: Salur, d: ImportDeps) => Promise<T>): Promise<T> {
  const salur = await openSalur(loadConfig());
  try {
    return await run(salur, importDeps(salur));
  } finally {
    await salur.close();
  }
}

function parseMapping(text?: string): MappingTemplate | undefined {
  if (!text) return undefined;
  return JSON.parse(text) as MappingTemplate;
}

export function registerImportCommands(program: Command): void {
  program
    .command("import")
    .description("Impor daftar CSV/XLSX (penduduk dan pendaftaran program) / import a CSV or XLSX list")
    .argument("<file>", "CSV or XLSX file")
    .option("--program <program>", "program code or id (with --period: enrol everyone in that period)")
    .option("--period <period>", "period name (e.g. 'Tahap 1 2026') or id")
    .option("--check", "only check the file and write the report; change nothing")
    .option(
      "--skip-invalid",
      "apply the valid rows and list the others (default: a file with errors is refused whole)",
    )
    .option("--template <id>", "saved column-mapping template id")
    .option("--mapping <json>", 'header → field overrides, e.g. \'{"NAMA KRT":"name"}\'')
    .option("--header-row <n>", "row of the column headers (found automatically otherwise)")
    .option("--sheet <name>", "worksheet of an XLSX (the first otherwise)")
    .option("--report <path>", "write the row-by-row report here (.xlsx or .csv)")
    .option("--no-progress", "no progress bar")
    .action(
      async (
        file: string,
        options: {
          program?: string;
          period?: string;
          check?: boolean;
          skipInvalid?: boolean;
          template?: string;
          mapping?: string;
          headerRow?: string;
          sheet?: string;
          report?: string;
          progress: boolean;
        },
      ) => {
        const lang = language();
        const code = await withSalur(async (salur, d) => {
          const periodId = await target(salur, options.program, options.period);
          const stored = await d.uploads.save(createReadStream(file), d.limits.maxFileBytes);
          const mapping = parseMapping(options.mapping);
          const submitted = await submitImport(
            d,
            systemCaller(`salur import (${process.env.USER ?? "cli"})`, salur.config.regencyCode),
            stored,
            {
              fileName: basename(file),
              periodId,
              mode: options.check ? "check" : "apply",
              invalidRows: options.skipInvalid ? "skip_rows" : "reject_file",
              templateId: options.template ?? null,
              ...(mapping ? { mapping } : {}),
              headerRow: options.headerRow ? Number(options.headerRow) : null,
              sheetName: options.sheet ?? null,
            },
          );
          if (submitted.duplicateOf) {
            console.log(translate("IMPORT_ALREADY_APPLIED", { id: submitted.duplicateOf }, lang));
            return 0;
          }
          const job = submitted.job
            ? await follow(d.jobs, submitted.job.id, options.progress && process.stderr.isTTY, lang)
            : null;
          const record = await importStore.getImport(d.db, submitted.importId);
          if (!record) throw new Error("import vanished");
          console.log(`${record.state}: ${basename(file)} (${record.id})`);
          if (record.summary) console.log(JSON.stringify(record.summary, null, 2));
          if (record.problem) {
            const p = record.problem as { code: string; params: Record<string, string | number> };
            console.log(translate(p.code, p.params, lang));
          }
          for (const c of await importStore.issueCounts(d.db, record.id)) {
            console.log(`  ${String(c.n).padStart(7)}  ${c.severity.padEnd(7)}  ${c.code}`);
          }
          if (job?.error)
            console.log(translate(job.error.code, job.error.params as Record<string, string>, lang));
          if (options.report && record.state !== "failed") {
            const format = extname(options.report).toLowerCase() === ".csv" ? "csv" : "xlsx";
            await writeReport(d, record, createWriteStream(options.report), {
              format,
              language: lang,
              translate,
              // At the machine itself, whoever runs the command holds the data directory and its key.
              masking: null,
              // Read from the officer's own file: an applied list's stored copy is already deleted.
              source: fileSource(file, statSync(file).size),
            });
            console.log(`report: ${options.report}`);
          }
          return record.state === "applied" || record.state === "checked" || record.state === "duplicate"
            ? 0
            : 1;
        });
        process.exitCode = code;
      },
    );

  program
    .command("reconcile")
    .description("Rekonsiliasi daftar pusat dengan data daerah / reconcile a central list with the registry")
    .argument("<file>", "the central list (CSV or XLSX)")
    .requiredOption("--program <program>", "program code or id")
    .requiredOption("--period <period>", "period name or id")
    .option("--scope <scope>", "period (its enrolled persons) or registry (everyone)", "period")
    .option("--source <name>", "the list's origin, e.g. DTKS", "DTKS")
    .option("--out <dir>", "write one export per set here")
    .option("--format <format>", "xlsx or csv", "xlsx")
    .option("--no-progress", "no progress bar")
    .action(
      async (
        file: string,
        options: {
          program: string;
          period: string;
          scope: string;
          source: string;
          out?: string;
          format: string;
          progress: boolean;
        },
      ) => {
        const lang = language();
        await withSalur(async (salur, d) => {
          const periodId = (await target(salur, options.program, options.period)) as string;
          const caller = systemCaller(
            `salur reconcile (${process.env.USER ?? "cli"})`,
            salur.config.regencyCode,
          );
          const started = performance.now();
          const stored = await d.uploads.save(
            createReadStream(file),
            Math.max(d.limits.maxFileBytes, statSync(file).size),
          );
          const submitted = await submitReconciliation(d, caller, stored, {
            fileName: basename(file),
            periodId,
            scope: options.scope === "registry" ? "registry" : "period",
            sourceName: options.source,
          });
          const job = submitted.job
            ? await follow(d.jobs, submitted.job.id, options.progress && process.stderr.isTTY, lang)
            : null;
          if (job?.state !== "succeeded") {
            console.error(
              job?.error
                ? translate(job.error.code, job.error.params as Record<string, string>, lang)
                : "failed",
            );
            process.exitCode = 1;
            return;
          }
          const { record, byDistrict } = await reconciliationSummary(d, caller, submitted.reconciliationId);
          console.log(
            `reconciliation ${record.id} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
          );
          console.log(JSON.stringify(record.counts));
          for (const area of byDistrict) {
            const c = area.counts;
            console.log(
              `  ${area.name.padEnd(24)} cocok ${c.matched}  beda ${c.conflict}  hanya-pusat ${c.central_only}  hanya-daerah ${c.regional_only}`,
            );
          }
          if (options.out) {
            await mkdir(options.out, { recursive: true });
            const format = options.format === "csv" ? "csv" : "xlsx";
            for (const category of RECONCILIATION_CATEGORIES) {
              const path = join(options.out, `${category}.${format}`);
              await exportReconciliation(
                d,
                caller,
                record.id,
                { filter: { category }, identity: "masked", format, language: lang },
                createWriteStream(path),
              );
              console.log(`  ${path}`);
            }
          }
        });
      },
    );
}
