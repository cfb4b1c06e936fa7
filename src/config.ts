import { resolve } from "node:path";
import { z } from "zod";

/** Salur's settings, all from the environment so a dinas laptop needs no config file. See README. */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  SALUR_DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().optional(),
  SALUR_REGENCY: z
    .string()
    .regex(/^\d{2}\.\d{2}$/, "SALUR_REGENCY must look like 64.01")
    .default("64.01"),
  SALUR_SECRET: z.string().optional(),
  SALUR_AUDIT_KEY: z.string().optional(),
  /** "true" (whatever proxy is in front) or the proxies' addresses/CIDRs separated by commas. */
  SALUR_TRUST_PROXY: z
    .string()
    .optional()
    .transform((value): boolean | string =>
      value === undefined || value === "false" ? false : value === "true" || value,
    ),
});

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
  trustProxy?: boolean | string;
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
  };
}
