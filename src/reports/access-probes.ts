import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { type AccessProbes, PLACES } from "../access/matrix.ts";

/**
 * Access-matrix probes of the reports routes (src/access/access-matrix.test.ts): an area's data and an area's
 * pack are reachable from inside that area only; another desa's official is refused.
 */
export const ACCESS_PROBES: AccessProbes = {
  "GET /api/reports/area-export": async (c) => ({
    method: "GET",
    url: `/api/reports/area-export?areaCode=${PLACES[c.place].code}`,
    kind: "object",
  }),
  "GET /api/reports/packs/:id/:format": async (c) => {
    const id = randomUUID();
    const bytes = Buffer.from("%PDF-1.4 probe");
    await c.salur.database.db.execute(
      sql`insert into report_packs (id, kind, month, area_code, title, checkpoint_id, pdf, pdf_sha256, xlsx, xlsx_sha256,
            generated_by_name, generated_at)
          values (${id}, 'monthly', '2026-01', ${PLACES[c.place].code}, 'probe', 0, ${bytes}, 'x', ${bytes}, 'x',
            'probe', now())`,
    );
    return { method: "GET", url: `/api/reports/packs/${id}/pdf`, kind: "object" };
  },
};
