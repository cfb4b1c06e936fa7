/**
 * The complaint settings in force: the code's defaults until the agency admin saves their own, then the saved
 * ones, read once at start and replaced in place on every save so that the queue, the public pages and the
 * escalation timer all run on the same clock.
 */
import { eq } from "drizzle-orm";
import { auditActor, type Caller } from "../access/actor.ts";
import type { AuditLog } from "../audit/index.ts";
import type { Executor } from "../db/index.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { complaintSettings } from "./schema.ts";
import { type ComplaintSettings, DEFAULT_COMPLAINT_SETTINGS } from "./settings.ts";

const ROW_ID = "regency";
const live = new WeakMap<object, ComplaintSettings>();

/** The one mutable settings object of a running Salur (keyed by its runtime). */
export function liveSettings(owner: object): ComplaintSettings {
  let settings = live.get(owner);
  if (!settings) {
    settings = {
      sla: { ...DEFAULT_COMPLAINT_SETTINGS.sla },
      routing: { ...DEFAULT_COMPLAINT_SETTINGS.routing },
      limits: { ...DEFAULT_COMPLAINT_SETTINGS.limits },
    };
    live.set(owner, settings);
  }
  return settings;
}

export interface SlaSettingsView {
  acknowledgeDays: number;
  triageDays: number;
  resolvePaymentDays: number;
  resolveOtherDays: number;
  /** Whole percent of the allowed time after which a complaint is escalated. */
  escalateAtPercent: number;
  version: number;
  updatedAt: string | null;
}

function view(
  settings: ComplaintSettings,
  row: { version: number; updatedAt: Date } | null,
): SlaSettingsView {
  return {
    acknowledgeDays: settings.sla.acknowledgeDays,
    triageDays: settings.sla.triageDays,
    resolvePaymentDays: settings.sla.resolvePaymentDays,
    resolveOtherDays: settings.sla.resolveOtherDays,
    escalateAtPercent: Math.round(settings.sla.escalateAt * 100),
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

/** Reads the saved settings into the live object; returns what is in force. */
export async function loadSettings(db: Executor, settings: ComplaintSettings): Promise<SlaSettingsView> {
  const [row] = await db.select().from(complaintSettings).where(eq(complaintSettings.id, ROW_ID));
  if (row) {
    settings.sla = {
      ...settings.sla,
      acknowledgeDays: row.acknowledgeDays,
      triageDays: row.triageDays,
      resolvePaymentDays: row.resolvePaymentDays,
      resolveOtherDays: row.resolveOtherDays,
      escalateAt: row.escalateAt,
    };
  }
  return view(settings, row ?? null);
}

export interface SettingsInput {
  acknowledgeDays: number;
  triageDays: number;
  resolvePaymentDays: number;
  resolveOtherDays: number;
  escalateAtPercent: number;
  /** The version the admin saw (0 before the first save): a save made meanwhile by another admin is a conflict. */
  version: number;
  reason: string;
}

/** Saves the settings, audited with before, after and reason; `loadSettings` after the commit puts them in force. */
export async function updateSettings(
  tx: Executor,
  audit: AuditLog,
  caller: Caller,
  settings: ComplaintSettings,
  input: SettingsInput,
): Promise<SlaSettingsView> {
  const before = await loadSettings(tx, settings);
  if (before.version !== input.version)
    throw new DomainError("COMPLAINT_SETTINGS_CONFLICT", { version: before.version }, 409);
  const values = {
    acknowledgeDays: input.acknowledgeDays,
    triageDays: input.triageDays,
    resolvePaymentDays: input.resolvePaymentDays,
    resolveOtherDays: input.resolveOtherDays,
    escalateAt: input.escalateAtPercent / 100,
    updatedBy: caller.actor.userId,
    updatedAt: new Date(),
    version: before.version + 1,
  };
  await tx
    .insert(complaintSettings)
    .values({ id: ROW_ID, ...values })
    .onConflictDoUpdate({ target: complaintSettings.id, set: values });
  // The live object changes only once the transaction has committed (the route reloads it then).
  const after = view(
    {
      ...settings,
      sla: {
        ...settings.sla,
        acknowledgeDays: values.acknowledgeDays,
        triageDays: values.triageDays,
        resolvePaymentDays: values.resolvePaymentDays,
        resolveOtherDays: values.resolveOtherDays,
        escalateAt: values.escalateAt,
      },
    },
    { version: values.version, updatedAt: values.updatedAt },
  );
  const { version: _b, updatedAt: _bu, ...beforeValues } = before;
  const { version: _a, updatedAt: _au, ...afterValues } = after;
  await audit.append(tx, {
    actor: auditActor(caller.actor),
    action: "complaint.settings_update",
    entity: "complaint_settings",
    entityId: null,
    area: null,
    before: beforeValues,
    after: afterValues,
    reason: input.reason.trim(),
    requestId: caller.requestId,
  });
  return after;
}
