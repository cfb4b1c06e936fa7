import type { Command } from "commander";

/** `salur match FILE.csv [FILE.csv ...] --out DIR` (being built). */
export function registerMatchCommand(program: Command): void {
  program
    .command("match <files...>")
    .requiredOption("--out <dir>", "output directory")
    .action(() => {
      throw new Error("match: not yet available");
    });
}
