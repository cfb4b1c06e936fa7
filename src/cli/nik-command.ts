import { type Command, Option } from "commander";
import { createTranslator, DEFAULT_LANGUAGE, type Language, type MessageCatalog } from "../i18n/index.ts";
import { type Issue, NIK_MESSAGES, type NikSex, validateNik } from "../nik/index.ts";
import { loadRegionCatalog, type RegionCatalog } from "../regions/catalog.ts";

const NIK_CHECK_MESSAGES: MessageCatalog = {
  NIK_CHECK_VALID: { id: "NIK {nik} valid", en: "NIK {nik} is valid" },
  NIK_CHECK_INVALID: { id: "NIK {nik} tidak valid", en: "NIK {nik} is not valid" },
  NIK_CHECK_REGION: { id: "Wilayah: {region}", en: "Region: {region}" },
  NIK_CHECK_SEX: { id: "Jenis kelamin: {sex}", en: "Sex: {sex}" },
  NIK_CHECK_BIRTH_DATE: { id: "Tanggal lahir: {date}", en: "Birth date: {date}" },
  NIK_CHECK_ERROR: { id: "Kesalahan: {text}", en: "Error: {text}" },
  NIK_CHECK_WARNING: { id: "Peringatan: {text}", en: "Warning: {text}" },
  SEX_L: { id: "laki-laki", en: "male" },
  SEX_P: { id: "perempuan", en: "female" },
};

const translate = createTranslator(NIK_MESSAGES, NIK_CHECK_MESSAGES);

export interface NikCheckReport {
  output: string;
  exitCode: 0 | 1;
}

/** The text (or JSON) `salur nik check` prints; exit code 1 when the NIK is not valid. */
export function renderNikCheck(
  raw: string,
  options: { language: Language; json: boolean; today: string; regions: RegionCatalog },
): NikCheckReport {
  const { language, regions } = options;
  const result = validateNik(raw, { regions, today: options.today });
  const exitCode = result.valid ? 0 : 1;
  const path = result.decoded ? regions.path(result.decoded.districtCode) : [];
  const explain = (issue: Issue) => ({ ...issue, message: translate(issue.code, issue.params, language) });

  if (options.json) {
    const report = {
      input: raw,
      valid: result.valid,
      nik: result.nik,
      decoded: result.decoded ?? null,
      region: path.map(({ code, name, level }) => ({ code, name, level })),
      errors: result.errors.map(explain),
      warnings: result.warnings.map(explain),
    };
    return { output: JSON.stringify(report, null, 2), exitCode };
  }

  const shown = result.nik ?? raw.trim();
  const lines = [translate(result.valid ? "NIK_CHECK_VALID" : "NIK_CHECK_INVALID", { nik: shown }, language)];
  if (result.valid && result.decoded) {
    const sex = (s: NikSex) => translate(`SEX_${s}`, {}, language);
    lines.push(translate("NIK_CHECK_REGION", { region: path.map((r) => r.name).join(" / ") }, language));
    lines.push(translate("NIK_CHECK_SEX", { sex: sex(result.decoded.sex) }, language));
    lines.push(translate("NIK_CHECK_BIRTH_DATE", { date: result.decoded.birthDate }, language));
  }
  for (const issue of result.errors) {
    lines.push(translate("NIK_CHECK_ERROR", { text: explain(issue).message }, language));
  }
  for (const issue of result.warnings) {
    lines.push(translate("NIK_CHECK_WARNING", { text: explain(issue).message }, language));
  }
  return { output: lines.join("\n"), exitCode };
}

/** Today's date on this machine's clock, which is the regency's own time zone on a dinas laptop. */
function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function registerNikCommand(program: Command): void {
  const nik = program.command("nik").description("NIK tools / Alat bantu NIK");
  nik
    .command("check")
    .description("Validate and decode a NIK / Periksa dan uraikan NIK")
    .argument("<nik>", "the 16-digit NIK (spaces, dots and dashes allowed)")
    .addOption(
      new Option("--lang <lang>", "language of the output").choices(["id", "en"]).default(DEFAULT_LANGUAGE),
    )
    .option("--json", "print the result as JSON")
    .action((raw: string, options: { lang: Language; json?: boolean }) => {
      const report = renderNikCheck(raw, {
        language: options.lang,
        json: options.json ?? false,
        today: localToday(),
        regions: loadRegionCatalog(),
      });
      console.log(report.output);
      process.exitCode = report.exitCode;
    });
}
