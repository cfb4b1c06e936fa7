import { isIP } from "node:net";
import { resolve } from "node:path";
import { z } from "zod";

/** Salur's settings, all from the environment so a dinas laptop needs no config file. See README. */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Loopback unless told otherwise: a demo with published passwords must not be reachable from the network. */
  HOST: z.string().default("127.0.0.1"),
  SALUR_DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().optional(),
  SALUR_REGENCY: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, "SALUR_REGENCY must look like 64.01")
    .default("64.01"),
  SALUR_SECRET: z.string().optional(),
  SALUR_AUDIT_KEY: z.string().optional(),
  /**
   * The reverse proxies whose X-Forwarded-* headers are believed: their addresses/CIDRs separated by commas, or
   * the number of proxy hops. Not "true": that believes any client, which then picks its own address and
   * escapes the login throttle.
   */
  SALUR_TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx): TrustProxy => {
      if (value === undefined || value === "false") return false;
      if (/^\d+$/.test(value.trim())) return Number(value.trim());
      const entries = value
        .split(",")
        .map((v) => v.trim())
        .filter(Boolean);
      const bad = entries.filter((v) => !isAddressOrCidr(v));
      if (value === "true" || entries.length === 0 || bad.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: `SALUR_TRUST_PROXY must list the proxies' addresses or CIDRs (127.0.0.1,10.0.0.0/8) or a hop count, not "${value}"`,
        });
        return false;
      }
      return entries;
    }),
  /** Minutes between automatic audit checkpoints while the trail grows; 0 turns the timer off. */
  SALUR_CHECKPOINT_MINUTES: z.coerce
    .number()
    .min(0)
    .max(24 * 60)
    .default(15),
  /** A directory (a mounted share, a USB disk) each automatic checkpoint is also written to. */
  SALUR_CHECKPOINT_DIR: z.string().optional(),
  /** Bearer token a Prometheus scraper sends to /metrics; unset: no /metrics route at all. */
  SALUR_METRICS_TOKEN: z.string().min(24, "SALUR_METRICS_TOKEN must be at least 24 characters").optional(),
  /** The civil registry's online NIK verification service (off unless a URL is given). */
  SALUR_DUKCAPIL_URL: z.url({ protocol: /^https?$/ }).optional(),
  SALUR_DUKCAPIL_USER: z.string().min(1).optional(),
  SALUR_DUKCAPIL_PASSWORD: z.string().min(1).optional(),
  SALUR_DUKCAPIL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

/** Fastify's trustProxy without `true`: a list of addresses/CIDRs, or a hop count. */
export type TrustProxy = false | number | string[];

function isAddressOrCidr(value: string): boolean {
  const [address, bits, ...rest] = value.split("/");
  if (rest.length > 0 || !address || isIP(address) === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  regencyCode: string;
  secret: string | undefined;
  keyFile: string;
  /** Ed25519 private key (PEM) that signs audit checkpoints; otherwise data/audit-signing.key. */
  auditKey?: string | undefined;
  /** Behind a reverse proxy (nginx with TLS): which X-Forwarded-* headers to believe (Fastify's trustProxy). */
  trustProxy?: TrustProxy;
  /** Minutes between automatic audit checkpoints (0: none). */
  checkpointMinutes?: number;
  checkpointDir?: string | undefined;
  /** The bearer token of /metrics (Prometheus); undefined: /metrics is not served. */
  metricsToken?: string | undefined;
  /** The online verification service of the civil registry; undefined: off (the default). */
  dukcapil?: DukcapilSettings | undefined;
}

export interface DukcapilSettings {
  url: string;
  user: string | undefined;
  password: string | undefined;
  timeoutMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.parse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  const dataDir = resolve(parsed.SALUR_DATA_DIR);
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir,
    databaseUrl: parsed.DATABASE_URL,
    regencyCode: parsed.SALUR_REGENCY,
    secret: parsed.SALUR_SECRET,
    keyFile: resolve(dataDir, "secret.key"),
    auditKey: parsed.SALUR_AUDIT_KEY,
    trustProxy: parsed.SALUR_TRUST_PROXY,
    checkpointMinutes: parsed.SALUR_CHECKPOINT_MINUTES,
    checkpointDir: parsed.SALUR_CHECKPOINT_DIR ? resolve(parsed.SALUR_CHECKPOINT_DIR) : undefined,
    metricsToken: parsed.SALUR_METRICS_TOKEN,
    dukcapil: parsed.SALUR_DUKCAPIL_URL
      ? {
          url: parsed.SALUR_DUKCAPIL_URL,
          user: parsed.SALUR_DUKCAPIL_USER,
          password: parsed.SALUR_DUKCAPIL_PASSWORD,
          timeoutMs: parsed.SALUR_DUKCAPIL_TIMEOUT_MS,
        }
      : undefined,
  };
}
