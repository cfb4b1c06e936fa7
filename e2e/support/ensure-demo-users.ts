/**
 * Creates the demo officials (one per role, in real areas of Kabupaten Paser) in the data directory given by
 * SALUR_DATA_DIR, when the demo seed has not already done so. Run with tsx before `salur serve`.
 */
import { ensureDemoUsers } from "../../src/access/index.ts";
import { loadConfig } from "../../src/config.ts";
import { openSalur } from "../../src/runtime.ts";

const salur = await openSalur(loadConfig());
try {
  const { created } = await ensureDemoUsers(salur);
  if (created.length > 0) console.log(`demo users created: ${created.join(", ")}`);
} finally {
  await salur.close();
}
