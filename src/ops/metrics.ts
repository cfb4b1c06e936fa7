import { createHash, timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { type Executor, queryRows } from "../db/index.ts";

/**
 * Prometheus metrics at /metrics, outside the officials' API and its sessions: the scraper is a machine with a
 * bearer token from SALUR_METRICS_TOKEN; without that setting the route does not exist (404). Labels carry
 * route patterns ("/api/persons/:id"), methods and status codes only — never a URL, id, query or name.
 */
export function installMetrics(
  app: FastifyInstance,
  options: {
    db: Executor;
    token: string | undefined;
    poolStats?: (() => { total: number; idle: number; waiting: number }) | undefined;
  },
): void {
  const token = options.token;
  if (!token) return;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "salur_" });
  const duration = new Histogram({
    name: "salur_http_request_duration_seconds",
    help: "HTTP requests by route pattern, method and status: latency (and, from _count, the rate)",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const db = options.db;
  new Gauge({
    name: "salur_jobs",
    help: "Background jobs waiting or running, by state",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      const rows = await queryRows<{ state: string; n: number }>(
        db,
        sql`select state, count(*)::int as n from jobs where state in ('queued', 'running') group by state`,
      );
      this.reset();
      this.set({ state: "queued" }, 0);
      this.set({ state: "running" }, 0);
      for (const row of rows) this.set({ state: row.state }, Number(row.n));
    },
  });
  new Gauge({
    name: "salur_audit_head_seq",
    help: "Sequence number of the newest audit entry",
    registers: [registry],
    async collect() {
      const [row] = await queryRows<{ seq: number }>(db, sql`select seq from audit_head where id = 1`);
      this.set(Number(row?.seq ?? 0));
    },
  });

  const poolStats = options.poolStats;
  if (poolStats) {
    new Gauge({
      name: "salur_db_pool_connections",
      help: "PostgreSQL connection pool of this process: total, idle, and queries waiting for a connection",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const stats = poolStats();
        this.set({ state: "total" }, stats.total);
        this.set({ state: "idle" }, stats.idle);
        this.set({ state: "waiting" }, stats.waiting);
      },
    });
  }

  app.addHook("onResponse", async (request, reply) => {
    // Unmatched URLs (scanners, typos) share one label: a label per URL would let anyone grow the series.
    const route = request.routeOptions.url ?? "unmatched";
    if (route === "/metrics") return;
    duration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  const expected = digest(token);
  app.get("/metrics", async (request, reply) => {
    const header = request.headers.authorization ?? "";
    const given = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
    if (!timingSafeEqual(digest(given), expected)) {
      return reply.status(401).header("www-authenticate", "Bearer").send({ code: "AUTH_REQUIRED" });
    }
    return reply.header("content-type", registry.contentType).send(await registry.metrics());
  });
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
