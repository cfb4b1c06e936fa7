import { userInfo } from "node:os";
import type { Command } from "commander";
import { ZodError } from "zod";
import { systemCaller } from "../access/actor.ts";
import { isAction } from "../access/permissions.ts";
import { ROLES } from "../access/roles.ts";
import { userInputSchema } from "../access/schemas.ts";
import * as accessStore from "../access/store.ts";
import { createToken } from "../access/tokens.ts";
import { createUser, listAllUsers, updateUser } from "../access/users.ts";
import { loadConfig } from "../config.ts";
import { translate } from "../http/errors.ts";
import { DomainError, ValidationFailed } from "../i18n/domain-error.ts";
import { openSalur, type Salur } from "../runtime.ts";

/**
 * `salur user …`: accounts from the command line, above all the first admin. Passwords are read from stdin
 * (for scripts) or prompted without echo; they never appear in the shell history or the process list.
 */
export function registerUserCommand(program: Command): void {
  const user = program.command("user").description("Manage accounts / Kelola akun pengguna");

  user
    .command("add")
    .description("Create an account (the password is read from stdin or prompted) / Buat akun")
    .requiredOption("--username <username>", "login name, lower-case")
    .requiredOption("--name <name>", "full name")
    .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
    .requiredOption(
      "--area <code>",
      "Kemendagri code: 64.01 (regency), 64.01.05 (kecamatan), 64.01.05.2002 (desa)",
    )
    .option("--rt <rt>", "RT within the desa, for RT heads (e.g. 003)")
    .option("--agency <code>", "agency code, for program managers (e.g. DINSOS)")
    .action(
      async (options: {
        username: string;
        name: string;
        role: string;
        area: string;
        rt?: string;
        agency?: string;
      }) => {
        await withSalur(async (salur) => {
          const agency = options.agency
            ? await accessStore.findAgency(salur.database.db, { code: options.agency })
            : null;
          if (options.agency && !agency)
            throw new DomainError("AGENCY_NOT_FOUND", { id: options.agency }, 404);
          const password = await readPassword("Kata sandi / Password: ", true);
          const input = userInputSchema.parse({
            username: options.username,
            name: options.name,
            role: options.role,
            areaCode: options.area,
            rt: options.rt ?? null,
            agencyId: agency?.id ?? null,
            password,
          });
          const created = await createUser(salur.access, cliCaller(salur, "user add"), input);
          console.log(
            `Akun dibuat / account created: ${created.username} (${created.role}, ${created.area.name})`,
          );
        });
      },
    );

  user
    .command("list")
    .description("List accounts / Daftar akun")
    .action(async () => {
      await withSalur(async (salur) => {
        for (const u of await listAllUsers(salur.access)) {
          const area = u.area.name + (u.agencyName ? `, ${u.agencyName}` : "");
          console.log(
            `${u.username.padEnd(20)} ${u.role.padEnd(18)} ${u.active ? "aktif   " : "nonaktif"} ${area}`,
          );
        }
      });
    });

  user
    .command("passwd")
    .description("Set an account's password (read from stdin or prompted) / Ganti kata sandi")
    .requiredOption("--username <username>", "login name")
    .action(async (options: { username: string }) => {
      await withSalur(async (salur) => {
        const row = await accessStore.findUserByUsername(salur.database.db, options.username);
        if (!row) throw new DomainError("USER_NOT_FOUND", { id: options.username }, 404);
        const password = await readPassword("Kata sandi baru / New password: ", true);
        await updateUser(salur.access, cliCaller(salur, "user passwd"), row.id, {
          version: row.version,
          password,
        });
        console.log(`Kata sandi diganti / password changed: ${row.username}`);
      });
    });

  user
    .command("token")
    .description("Issue a scoped API token for a machine client; printed once / Buat token API")
    .requiredOption("--username <username>", "the account the token acts as")
    .requiredOption("--name <name>", "what the token is for, e.g. bank-kaltimtara")
    .requiredOption("--scopes <actions>", "comma-separated actions, e.g. enrollment.read,program.read")
    .option("--days <days>", "days until it expires", "90")
    .action(async (options: { username: string; name: string; scopes: string; days: string }) => {
      await withSalur(async (salur) => {
        const row = await accessStore.findUserByUsername(salur.database.db, options.username);
        if (!row) throw new DomainError("USER_NOT_FOUND", { id: options.username }, 404);
        const scopes = options.scopes
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        const unknown = scopes.find((s) => !isAction(s));
        if (unknown) throw new DomainError("TOKEN_SCOPE_INVALID", { scope: unknown, role: row.role }, 422);
        const token = await createToken(salur.access, cliCaller(salur, "user token"), {
          userId: row.id,
          name: options.name,
          scopes,
          expiresInDays: Number(options.days),
        });
        console.log(token.token);
        console.error(
          `Simpan token ini sekarang; tidak akan ditampilkan lagi. / Store this token now; it is not shown again.`,
        );
      });
    });
}

function cliCaller(salur: Salur, command: string) {
  return systemCaller(`salur ${command} (CLI, ${userInfo().username})`, salur.config.regencyCode);
}

async function withSalur(run: (salur: Salur) => Promise<void>): Promise<void> {
  const salur = await openSalur(loadConfig());
  try {
    await run(salur);
  } catch (error) {
    // Field-level problems (a weak password, an unknown area) are explained one by one, not as a count.
    const language = process.env.LANG?.startsWith("en") ? "en" : "id";
    if (error instanceof ValidationFailed) {
      for (const issue of error.issues)
        console.error(`${issue.field}: ${translate(issue.code, issue.params, language)}`);
      process.exitCode = 2;
      return;
    }
    if (error instanceof ZodError) {
      for (const issue of error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  } finally {
    await salur.close();
  }
}

/** From stdin when piped (first line), else prompted twice on the terminal without echo. */
export async function readPassword(prompt: string, confirm: boolean): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
    return (Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "").trim();
  }
  const first = await promptHidden(prompt);
  if (confirm && (await promptHidden("Ulangi / Repeat: ")) !== first) {
    throw new Error("Kata sandi tidak sama / passwords do not match");
  }
  return first;
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let value = "";
    const onData = (data: Buffer) => {
      for (const char of data.toString("utf8")) {
        if (char === "\r" || char === "\n") {
          done();
          resolve(value);
          return;
        }
        if (char === "\u0003") {
          done();
          reject(new Error("cancelled"));
          return;
        }
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else value += char;
      }
    };
    const done = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write("\n");
    };
    stdin.on("data", onData);
  });
}
