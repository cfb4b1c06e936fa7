/**
 * The submission load runs shared by the drill (1,000 in one minute) and its short version in the default
 * suite: each submission comes from its own address (X-Forwarded-For behind a trusted proxy), as a thousand
 * citizens on their own phones would, with its own text, so none is a duplicate. Two shapes: citizens arriving
 * independently of each other (`loadWithArrivals`), and autocannon's (`loadOverHttp`), whose connections all
 * send at the same instant of each second: a burst of one second's submissions at once.
 */

import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { LOLO, SANDELEY } from "../access/matrix.ts";
import { queryRows } from "../db/index.ts";
import { Random } from "../demo/random.ts";
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

const percentile = (sorted: readonly number[], q: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)] ?? 0);

/**
 * Over HTTP, as independent citizens arrive: `amount` submissions at moments drawn (seeded, so each run sends
 * the same schedule) from a Poisson process of `perSecond` on average, each sent when its moment comes whether
 * or not earlier ones have been answered. Latency counts from the moment a submission was due.
 */
export async function loadWithArrivals(
  app: FastifyInstance,
  salur: Salur,
  options: { amount: number; perSecond: number; seed: number },
): Promise<LoadResult> {
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  const run = `arrivals-${Date.now()}`;
  const random = new Random(options.seed);
  const latencies: number[] = [];
  let created = 0;
  let non2xx = 0;
  const send = async (n: number, due: number) => {
    const form = submission(n, run);
    const response = await fetch(`${address}/publik/pengaduan`, {
      method: "POST",
      headers: { ...form.headers, "x-forwarded-for": addressOf(n) },
      body: form.payload,
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - due);
    if (response.ok) created++;
    else non2xx++;
  };
  const started = performance.now();
  const sent: Promise<void>[] = [];
  let due = started;
  for (let n = 0; n < options.amount; n++) {
    // Exponential gaps between arrivals: the waiting times of a Poisson process.
    due += (-Math.log(1 - random.float()) / options.perSecond) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    sent.push(send(n, due));
  }
  await Promise.all(sent);
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    sent: options.amount,
    created,
    stored: await storedWith(salur, run),
    non2xx,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    max: percentile(sorted, 1),
    seconds,
  };
}
