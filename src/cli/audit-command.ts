import { readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import type { Command } from "commander";
import { auditActor, systemActor } from "../access/actor.ts";
import { checkpointExport, witnessesFromExport } from "../audit/checkpoints.ts";
import { checkExtract, type ExtractReport } from "../audit/extract.ts";
import { auditVerifierFromPem } from "../audit/keys.ts";
import { buildInclusionProof } from "../audit/proof.ts";
import { type SignedCheckpoint, type VerifyReport, verifyAuditTrail } from "../audit/verify.ts";
import { loadConfig } from "../config.ts";
import { translate } from "../http/errors.ts";
import type { Language } from "../i18n/index.ts";
import { openSalur, type Salur } from "../runtime.ts";

/**
 * `salur audit verify | checkpoint | prove | public-key`: the trail's own check, and what outside witnesses
 * (Inspektorat, DPRD) take away to check it without Salur.
 */
export function registerAuditCommand(program: Command): void {
  const audit = program.command("audit").description("Audit trail: verify, checkpoint, prove / Jejak audit");

  audit
    .command("verify")
    .description(
      "Recompute the chain and every checkpoint; name the first broken entry / Periksa jejak audit",
    )
    .option("--public-key <file>", "verify with this public key only (a witness without the signing key)")
    .option("--witness <files...>", "checkpoints kept outside the database (from `audit checkpoint --out`)")
    .option("--json", "print the report as JSON")
    .option("--extract <file>", "check a signed extract offline (no database): signature, inclusion, links")
    .action(async (options: { publicKey?: string; witness?: string[]; json?: boolean; extract?: string }) => {
      if (options.extract) {
        const result = runExtractVerify(
          readFileSync(options.extract, "utf8"),
          options.publicKey ? readFileSync(options.publicKey, "utf8") : null,
          { json: options.json ?? false, language: cliLanguage() },
        );
        console.log(result.output);
        process.exitCode = result.exitCode;
        return;
      }
      await withSalur(async (salur) => {
        const result = await runAuditVerify(salur, {
          publicKeyPem: options.publicKey ? readFileSync(options.publicKey, "utf8") : undefined,
          witnesses: (options.witness ?? []).flatMap(readWitness),
          json: options.json ?? false,
          language: cliLanguage(),
        });
        console.log(result.output);
        process.exitCode = result.exitCode;
      });
    });

  audit
    .command("checkpoint")
    .description("Sign the Merkle root of the trail now / Buat checkpoint bertanda tangan")
    .option("--event <name>", "why the checkpoint is made", "on_demand")
    .option("--out <file>", "also write the checkpoint to this file, for a witness to keep")
    .action(async (options: { event: string; out?: string }) => {
      await withSalur(async (salur) => {
        const actor = auditActor(
          systemActor(`salur audit checkpoint (CLI, ${userInfo().username})`, salur.config.regencyCode),
        );
        const checkpoint = await salur.database.db.transaction((tx) =>
          salur.audit.checkpoint(tx, { event: options.event, actor }),
        );
        const text = JSON.stringify(
          {
            id: checkpoint.id,
            statement: checkpoint.signedText,
            signature: checkpoint.signature,
            keyId: checkpoint.keyId,
          },
          null,
          2,
        );
        if (options.out) writeFileSync(options.out, `${text}\n`);
        console.log(text);
      });
    });

  audit
    .command("export")
    .description(
      "Write every signed checkpoint and the public key to a file to keep off the machine / Ekspor checkpoint",
    )
    .requiredOption("--out <file>", "the file (then copy it to a USB disk, a share, the Inspektorat)")
    .action(async (options: { out: string }) => {
      await withSalur(async (salur) => {
        const bundle = await checkpointExport(salur.database.db, salur.audit, new Date());
        writeFileSync(options.out, `${JSON.stringify(bundle, null, 2)}\n`);
        console.log(`${bundle.checkpoints.length} checkpoint → ${options.out}`);
      });
    });

  audit
    .command("prove <seq>")
    .description(
      "Print an inclusion proof of one entry against a signed checkpoint / Bukti inklusi satu entri",
    )
    .option("--checkpoint <id>", "the checkpoint to prove against (default: the first that covers the entry)")
    .option("--out <file>", "write the proof to this file")
    .action(async (seq: string, options: { checkpoint?: string; out?: string }) => {
      await withSalur(async (salur) => {
        const proof = await buildInclusionProof(
          salur.database.db,
          salur.audit.keys,
          Number(seq),
          options.checkpoint ? Number(options.checkpoint) : undefined,
        );
        const text = JSON.stringify(proof, null, 2);
        if (options.out) writeFileSync(options.out, `${text}\n`);
        console.log(text);
      });
    });

  audit
    .command("public-key")
    .description("Print the public key witnesses verify checkpoints with / Kunci publik")
    .action(async () => {
      await withSalur(async (salur) => {
        process.stdout.write(salur.audit.keys.publicKeyPem);
        console.error(`key id ${salur.audit.keys.keyId}`);
      });
    });
}

function cliLanguage(): Language {
  return process.env.LANG?.startsWith("en") ? "en" : "id";
}

async function withSalur(run: (salur: Salur) => Promise<void>): Promise<void> {
  const salur = await openSalur(loadConfig());
  try {
    await run(salur);
  } finally {
    await salur.close();
  }
}

/** A witness file: an export (`audit export`), a checkpoint (`audit checkpoint --out`), or a proof. */
function readWitness(file: string): SignedCheckpoint[] {
  return witnessesFromExport(readFileSync(file, "utf8"), file);
}

/** What `salur audit verify` prints and its exit code (1 when anything is broken). */
export async function runAuditVerify(
  salur: Salur,
  options: {
    publicKeyPem?: string | undefined;
    witnesses?: SignedCheckpoint[];
    json?: boolean;
    language?: Language;
  },
): Promise<{ report: VerifyReport; output: string; exitCode: 0 | 1 }> {
  const verifier = options.publicKeyPem ? auditVerifierFromPem(options.publicKeyPem) : salur.audit.keys;
  const report = await verifyAuditTrail(salur.database.db, {
    verifier,
    keys: options.publicKeyPem ? undefined : salur.audit.keys,
    logName: salur.audit.logName,
    witnesses: options.witnesses ?? [],
  });
  const exitCode = report.ok ? 0 : 1;
  if (options.json) return { report, output: JSON.stringify(report, null, 2), exitCode };
  return { report, output: renderVerifyReport(report, options.language ?? "id"), exitCode };
}

export function renderVerifyReport(report: VerifyReport, language: Language): string {
  const lines: string[] = [];
  if (report.ok) {
    lines.push(
      translate(
        "AUDIT_VERIFY_OK",
        {
          entries: report.entries,
          checkpoints: report.checkpointsVerified,
          head: report.headHash.slice(0, 16),
        },
        language,
      ),
    );
  } else {
    lines.push(
      translate(
        "AUDIT_VERIFY_BROKEN",
        { seq: report.firstBrokenSeq ?? 0, count: report.problems.length },
        language,
      ),
    );
    for (const problem of report.problems) {
      const text = translate(problem.code, problem.params, language);
      lines.push(translate("AUDIT_FINDING", { seq: problem.seq, text }, language));
    }
  }
  if (!report.macsChecked) lines.push(translate("AUDIT_VERIFY_NO_MAC", {}, language));
  return lines.join("\n");
}

/** What `salur audit verify --extract FILE` prints: needs no database, only the file (and the witness's key). */
export function runExtractVerify(
  text: string,
  trustedPublicKey: string | null,
  options: { json?: boolean; language?: Language },
): { report: ExtractReport; output: string; exitCode: 0 | 1 } {
  const report = checkExtract(text, trustedPublicKey);
  const exitCode = report.ok ? 0 : 1;
  if (options.json) return { report, output: JSON.stringify(report, null, 2), exitCode };
  const language = options.language ?? "id";
  const lines = report.ok
    ? [
        translate(
          "AUDIT_EXTRACT_OK",
          { entries: report.entries, checkpoint: report.checkpointId ?? 0, size: report.treeSize ?? 0 },
          language,
        ),
      ]
    : [
        translate("AUDIT_EXTRACT_BROKEN", { count: report.problems.length }, language),
        ...report.problems.map((p) =>
          translate("AUDIT_FINDING", { seq: p.seq ?? "-", text: translate(p.code, {}, language) }, language),
        ),
      ];
  if (!report.keyTrusted) lines.push(translate("AUDIT_EXTRACT_KEY_FROM_FILE", {}, language));
  return { report, output: lines.join("\n"), exitCode };
}
