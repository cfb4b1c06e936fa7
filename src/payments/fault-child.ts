/**
 * The process the fault tests run and kill: it opens Salur on the given data directory (or server) and applies
 * one result file to a batch as the given bank operator. With "pause" it stops inside the import's
 * transaction — every line and enrollment already moved, the audit entries about to be written — says
 * "mid-apply" and waits to be killed.
 *
 *   node --import tsx src/payments/fault-child.ts <dataDir> <databaseUrl|-> <batchId> <userId> <file> <run|pause>
 */
import { readFileSync } from "node:fs";
import * as accessStore from "../access/store.ts";
import { actorOf } from "../access/user-views.ts";
import { openSalur } from "../runtime.ts";
import { paymentsOf } from "./context.ts";
import { importResults } from "./results.ts";

const [dataDir, databaseUrl, batchId, userId, file, mode] = process.argv.slice(2);
if (!dataDir || !databaseUrl || !batchId || !userId || !file || !mode)
  throw new Error("usage: fault-child <dataDir> <url|-> <batchId> <userId> <file> <run|pause>");

const salur = await openSalur(
  {
    port: 0,
    host: "127.0.0.1",
    dataDir,
    databaseUrl: databaseUrl === "-" ? undefined : databaseUrl,
    regencyCode: "64.01",
    secret: "payment-fault-secret-of-at-least-32-characters",
    keyFile: `${dataDir}/secret.key`,
  },
  { today: () => "2026-11-25" },
);
const say = (line: string) => process.stdout.write(`${line}\n`);
const row = await accessStore.getUser(salur.database.db, userId);
if (!row) throw new Error("no such user");
const payments = paymentsOf(salur);
if (mode === "pause") {
  const append = payments.audit.append;
  payments.audit = {
    ...payments.audit,
    append: async (tx, drafts) => {
      const list = Array.isArray(drafts) ? drafts : [drafts];
      if (list.some((d) => d.action === "payment.results_import")) {
        say("mid-apply");
        await new Promise(() => {});
      }
      return append(tx, drafts);
    },
  };
}
say("ready");
const out = await importResults(payments, { actor: actorOf(row), requestId: null }, batchId, {
  fileName: "hasil.csv",
  format: "csv",
  bytes: readFileSync(file),
});
say(`done ${JSON.stringify(out.summary)} ${out.alreadyReceived}`);
await salur.close();
