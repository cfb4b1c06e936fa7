import { Command } from "commander";
import { translate } from "../http/errors.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { languageFromHeader } from "../i18n/index.ts";
import { registerAhpCommand } from "./ahp-command.ts";
import { registerAuditCommand } from "./audit-command.ts";
import { registerBackupCommands } from "./backup-command.ts";
import { registerImportCommands } from "./import-command.ts";
import { registerMatchCommand } from "./match-command.ts";
import { registerNikCommand } from "./nik-command.ts";
import { registerServeCommands } from "./serve-command.ts";
import { registerUserCommand } from "./user-command.ts";

/** The `salur` command: thin wrappers that call into the capabilities. */
const program = new Command("salur")
  .description(
    "Salur — penyaluran bansos yang terbuka dan akuntabel / open and accountable social assistance",
  )
  .version("0.1.0");

registerServeCommands(program);
registerNikCommand(program);
registerAhpCommand(program);
registerMatchCommand(program);
registerImportCommands(program);
registerUserCommand(program);
registerAuditCommand(program);
registerBackupCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof DomainError) {
    const language = languageFromHeader(process.env.LANG?.startsWith("en") ? "en" : "id");
    console.error(translate(error.code, error.params, language));
    process.exit(2);
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
