import type { Command } from "commander";
import { complaintsOf, startEscalationTimer } from "../complaints/index.ts";
import { loadConfig } from "../config.ts";
import { buildPublicServer } from "../http/public-server.ts";
import { buildServer } from "../http/server.ts";
import { warmRegistryIndex } from "../matching/registry-index.ts";
import { answerBackupRequests } from "../ops/live-backup.ts";
import { startReportSchedule } from "../reports/index.ts";
import { openSalur } from "../runtime.ts";

export function registerServeCommands(program: Command): void {
  program
    .command("serve")
    .description("Start the web app and API / Jalankan aplikasi web dan API")
    .option("--demo", "seed the demo of Kabupaten Paser when the database is empty")
    .option("-p, --port <port>", "port (default PORT or 3000)")
    .option("--public", "serve only the public portal (/publik): no API, no officials' app, no sessions")
    .action(async (options: { demo?: boolean; port?: string; public?: boolean }) => {
      const config = loadConfig(options.port ? { ...process.env, PORT: options.port } : process.env);
      // Whatever Salur writes (database files, keys, uploads, exports) is for this account alone.
      process.umask(0o077);
      const salur = await openSalur(config, {
        demo: options.demo === true,
        checkpointEveryMs: (config.checkpointMinutes ?? 15) * 60_000,
      });
      if (options.demo) await seedDemoIfEmpty(salur);
      const serverOptions = { logger: true, trustProxy: config.trustProxy ?? false };
      const app = options.public
        ? await buildPublicServer(salur, serverOptions)
        : await buildServer(salur, serverOptions);
      if (salur.database.kind === "pglite") answerBackupRequests(config.dataDir, salur.database);
      // Complaints past 75 % of their deadline climb a level; checked every 15 minutes.
      const escalations = startEscalationTimer(complaintsOf(salur), {
        everyMs: 15 * 60_000,
        onError: (error) => console.error("complaint escalation failed:", error),
      });
      // Last month's regency report pack is queued as a job once the month has turned; checked hourly.
      const reportSchedule = startReportSchedule(salur, {
        everyMs: 60 * 60_000,
        onError: (error) => console.error("scheduled report pack failed:", error),
      });
      const stop = async () => {
        await reportSchedule.stop();
        await escalations.stop();
        await app.close();
        await salur.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await app.listen({ port: config.port, host: config.host });
      // The registry's match index (every person's record opened once) would otherwise be built by the first
      // registration or overlap report, which then waits seconds for it.
      void warmRegistryIndex(salur.registry);
      const shown = config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
      console.log(
        options.public
          ? `Portal publik Salur berjalan di http://${shown}:${config.port}/publik`
          : `Salur berjalan di http://${shown}:${config.port}  (API: http://${shown}:${config.port}/api/docs)`,
      );
      console.log(`Database: ${salur.database.kind} (${salur.database.location})`);
      if (options.demo) {
        console.log(
          "DEMO: akun demo memakai kata sandi yang dipublikasikan; jangan dipakai untuk data sungguhan. / Demo accounts use a published password; not for real data.",
        );
      }
    });

  program
    .command("migrate")
    .description("Apply database migrations / Terapkan migrasi basis data")
    .action(async () => {
      const salur = await openSalur(loadConfig());
      const state = await salur.database.migrationState();
      console.log(
        `${salur.database.kind}: ${state.applied}/${state.expected} migrations, latest ${state.latest}`,
      );
      await salur.close();
    });

  program
    .command("seed")
    .description("Fill an empty database with the demo of Kabupaten Paser / Isi data demo")
    .option("--demo", "the demo data set (the only one there is)")
    .action(async () => {
      const salur = await openSalur(loadConfig());
      const seeded = await seedDemoIfEmpty(salur);
      if (!seeded)
        console.log("Database sudah berisi data; demo tidak dimuat. / Database not empty; demo not loaded.");
      await salur.close();
    });
}

async function seedDemoIfEmpty(salur: Awaited<ReturnType<typeof openSalur>>): Promise<boolean> {
  const { seedDemo } = await import("../demo/seed.ts");
  return seedDemo(salur, { onProgress: (message) => console.log(message) });
}
