/**
 * The submission load run shared by the drill (1,000 in one minute, over HTTP with autocannon) and its short
 * version in the default suite: each submission comes from its own address (X-Forwarded-For behind a trusted
 * proxy), as a thousand citizens on their own phones would, with its own text, so none is a duplicate.
 */
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { LOLO, SANDELEY } from "../access/matrix.ts";
import { queryRows } from "../db/index.ts";
import type { Salur } from "../runtime.ts";
import { multipartForm } from "./complaints.fixture.ts";

const CATEGORIES = ["payment_not_received", "payment_less", "information", "data_correction", "deduction"];

export function submission(i: number, run: string) {
  return multipartForm({
    category: CATEGORIES[i % CATEGORIES.length] as string,
    villageCode: i % 2 ? LOLO : SANDELEY,
    anonymous: "on",
    description: `Uji beban ${run} pengaduan nomor ${i}: bantuan bulan ini belum diterima di rumah kami.`,
  });
}

export const addressOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

export interface LoadResult {
  sent: number;
  created: number;
  stored: number;
  non2xx: number;
  p50: number;
  p99: number;
  max: number;
  seconds: number;
}

export async function storedWith(salur: Salur, run: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    salur.database.db,
    sql`select count(*)::int as n from complaints where description like ${`Uji beban ${run} %`}`,
  );
  return row?.n ?? 0;
}

/** Over HTTP: `amount` submissions at `perSecond`, spread over `connections`. */
export async function loadOverHttp(
  app: FastifyInstance,
  salur: Salur,
  options: { amount: number; perSecond: number; connections: number },
): Promise<LoadResult> {
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const run = `http-${Date.now()}`;
  let i = 0;
  // autocannon shares the rate out per connection in whole requests and lowers the connections to the rate
  // when it is smaller: a fractional rate (1,000 a minute is 16.7 a second) gave it a fractional connection
  // count, the per-connection quotas never added up to the amount, and the run never ended.
  const perSecond = Math.max(1, Math.round(options.perSecond));
  const started = Date.now();
  const result = await autocannon({
    url: `${address}/publik/pengaduan`,
    connections: Math.min(options.connections, perSecond),
    amount: options.amount,
    overallRate: perSecond,
    timeout: 60,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const n = i++;
          const form = submission(n, run);
          return {
            ...request,
            headers: { ...form.headers, "x-forwarded-for": addressOf(n) },
            body: form.payload as unknown as string,
          };
        },
      },
    ],
  });
  const seconds = (Date.now() - started) / 1000;
  const created = result["2xx"];
  return {
    sent: result.requests.sent,
    created,
    stored: await storedWith(salur, run),
    non2xx: result.non2xx,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    seconds,
  };
}
