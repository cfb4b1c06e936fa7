import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { DomainError } from "../i18n/domain-error.ts";
import { createTranslator, type MessageParams } from "../i18n/index.ts";
import { DEFAULT_RECIPROCITY_TOLERANCE, RANKING_MESSAGES, reportMatrixInput } from "../ranking/index.ts";

const translate = createTranslator(RANKING_MESSAGES);

/** Both languages, Indonesian first: the command is run by dinas staff and checked against English papers. */
function printIssue(code: string, params: MessageParams): void {
  console.error(`${translate(code, params, "id")}\n  ${translate(code, params, "en")}`);
}

/**
 * `salur ahp FILE.json`: priorities of a full comparison matrix {"criteria": [...], "matrix": [[...]]}, printed as
 * JSON for checking against published examples. Exit code 2 when the input is wrong, with every wrong cell named.
 */
export function registerAhpCommand(program: Command): void {
  program
    .command("ahp")
    .description(
      "AHP priorities, λmax, CI and CR of a comparison matrix / Bobot AHP, λmax, CI dan CR dari matriks perbandingan",
    )
    .argument("<file>", 'JSON: {"criteria": [...], "matrix": [[...]]}')
    .option("--ri-table <name>", "random index table: saaty1980 | alonso-lamata", "saaty1980")
    .option("--tolerance <x>", "reciprocity tolerance |a_ij·a_ji − 1|", String(DEFAULT_RECIPROCITY_TOLERANCE))
    .action(async (file: string, options: { riTable: string; tolerance: string }) => {
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        printIssue("AHP_FILE_UNREADABLE", {
          file,
          reason: error instanceof Error ? error.message : String(error),
        });
        process.exitCode = 2;
        return;
      }
      let input: unknown;
      try {
        input = JSON.parse(text);
      } catch (error) {
        printIssue("AHP_FILE_NOT_JSON", {
          file,
          reason: error instanceof Error ? error.message : String(error),
        });
        process.exitCode = 2;
        return;
      }
      try {
        const result = reportMatrixInput(input, {
          randomIndexTable: options.riTable,
          tolerance: Number(options.tolerance),
        });
        if (!result.ok) {
          for (const issue of result.issues) printIssue(issue.code, issue.params);
          process.exitCode = 2;
          return;
        }
        console.log(JSON.stringify(result.report, null, 2));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        printIssue(error.code, error.params);
        process.exitCode = 2;
      }
    });
}
