import { z } from "zod";
import { ACTIONS } from "./permissions.ts";
import { ROLES } from "./roles.ts";

/** Input and output shapes of the auth, user and token API, shared with the web app. */
const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/);
const areaCode = z.string().regex(/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/);
const rt = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/)
  .transform((v) => v.padStart(3, "0"));
const password = z.string().min(1).max(200);

export const loginSchema = z.object({ username: z.string().trim().min(1).max(80), password });

export const passwordChangeSchema = z.object({ currentPassword: password, newPassword: password });

export const userInputSchema = z.object({
  username,
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  areaCode,
  rt: rt.nullish(),
  agencyId: z.uuid().nullish(),
  password,
});
export type UserInput = z.output<typeof userInputSchema>;

export const userUpdateSchema = z.object({
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(120).optional(),
  role: z.enum(ROLES).optional(),
  areaCode: areaCode.optional(),
  rt: rt.nullish(),
  agencyId: z.uuid().nullish(),
  active: z.boolean().optional(),
  password: password.optional(),
  reason: z.string().trim().min(3).max(500).optional(),
});
export type UserUpdate = z.output<typeof userUpdateSchema>;

export const areaViewSchema = z.object({
  level: z.enum(["regency", "district", "village", "rt"]),
  code: z.string(),
  name: z.string(),
  rt: z.string().optional(),
});

export const sessionUserSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  area: areaViewSchema,
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
});

export const userViewSchema = sessionUserSchema.extend({
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type UserView = z.output<typeof userViewSchema>;

export const sessionSchema = z.object({ user: sessionUserSchema, csrfToken: z.string() });

export const tokenInputSchema = z.object({
  /** The caller's own id (the default); any other account is refused (a token is minted by its owner). */
  userId: z.uuid().optional(),
  name: z.string().trim().min(1).max(80),
  scopes: z.array(z.enum(ACTIONS as [string, ...string[]])).min(1),
  /** Machine tokens expire: a bank integration is re-issued yearly at most. */
  expiresInDays: z.number().int().min(1).max(366).default(90),
});
export type TokenInput = z.output<typeof tokenInputSchema>;

export const tokenViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  userId: z.uuid(),
  username: z.string(),
  scopes: z.array(z.string()),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  createdAt: z.string(),
});

export const demoStatusSchema = z.object({
  /** The server runs with --demo: the demo password signs in. */
  demoMode: z.boolean(),
  /** Active demo accounts: while there are any, the app shows a warning banner. */
  demoAccounts: z.number().int(),
});
export type DemoStatus = z.output<typeof demoStatusSchema>;
