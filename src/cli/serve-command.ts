import type { Command } from "commander";
import { loadConfig } from "../config.ts";
import { buildServer } from "../http/server.ts";
import { openSalur } from "../runtime.ts";

export function registerServeCommands(program: Command): void {
  program
    .command("serve")
    .description("Start the web app and API / Jalankan aplikasi web dan API")
    .option("--demo", "seed the demo of Kabupaten Paser when the database is empty")
    .option("-p, --port <port>", "port (default PORT or 3000)")
    .action(async (options: { demo?: boolean; port?: string }) => {
      const config = loadConfig(options.port ? { ...process.env, PORT: options.port } : process.env);
      const salur = await openSalur(config);
      if (options.demo) await seedDemoIfEmpty(salur);
      const app = await buildServer(salur, { logger: false, trustProxy: config.trustProxy ?? false });
      const stop = async () => {
        await app.close();
        await salur.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await app.listen({ port: config.port, host: config.host });
      const shown = config.host === "0.0.0.0" ? "localhost" : config.host;
      console.log(
        `Salur berjalan di http://${shown}:${config.port}  (API: http://${shown}:${config.port}/api/docs)`,
      );
      console.log(`Database: ${salur.database.kind} (${salur.database.location})`);
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
