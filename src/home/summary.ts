import { type Caller, sees } from "../access/actor.ts";
import { areaCondition, placeKeyCondition } from "../access/area-sql.ts";
import { roleCan } from "../access/permissions.ts";
import { auditEntries } from "../audit/schema.ts";
import { confirmedTotals, skimmingFlags } from "../receipts/service.ts";
import type { RegionCatalog } from "../regions/catalog.ts";
import { ENROLLMENT_STATUSES } from "../registry/codes.ts";
import { persons } from "../registry/schema.ts";
import { enrollmentScope, type Registry } from "../registry/service.ts";
import { queueStatuses } from "../workflow/engine.ts";
import type { HomeSummary } from "./schemas.ts";
import * as store from "./store.ts";

/**
 * The home page of every role in one request. Each part is present only when the role may read what it
 * counts, so no role's home asks for anything it would be refused; each count is computed under the same
 * scope as the list its card opens (the work queue, the person list, the audit log).
 */
export async function homeSummary(
  registry: Registry,
  regions: Pick<RegionCatalog, "get" | "children">,
  caller: Caller,
): Promise<HomeSummary> {
  const { actor } = caller;
  const role = actor.role === "system" ? null : actor.role;
  const can = (action: Parameters<typeof roleCan>[1]) => role === null || roleCan(role, action);
  const db = registry.db;

  const queued = role ? queueStatuses(role) : [];
  const readsApplications = can("enrollment.read");
  const byStatus =
    queued.length > 0 || readsApplications
      ? await store.enrollmentsByStatus(db, enrollmentScope(registry, actor))
      : new Map();
  const queue = can("workflow.queue")
    ? queued.map((status) => ({ status, count: byStatus.get(status) ?? 0 }))
    : [];
  const pipeline = readsApplications
    ? ENROLLMENT_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })).filter(
        (s) => s.count > 0,
      )
    : null;

  let registrySummary: HomeSummary["registry"] = null;
  if (can("person.read")) {
    const scope = areaCondition(actor.area, { village: persons.villageCode, rt: persons.rt });
    const nik = await store.personsByNikStatus(db, scope);
    const level =
      actor.area.level === "regency" ? "district" : actor.area.level === "district" ? "village" : null;
    let breakdown: NonNullable<HomeSummary["registry"]>["breakdown"] = null;
    if (level) {
      const counts = await store.personsBy(db, level, scope);
      breakdown = {
        level,
        items: regions
          .children(actor.area.code)
          .map((unit) => ({ code: unit.code, name: unit.name, persons: counts.get(unit.code) ?? 0 }))
          .sort((a, b) => b.persons - a.persons || a.name.localeCompare(b.name, "id")),
      };
    }
    registrySummary = {
      persons: [...nik.values()].reduce((sum, n) => sum + n, 0),
      nikWarning: nik.get("warning") ?? 0,
      nikInvalid: nik.get("invalid") ?? 0,
      breakdown,
    };
  }

  const audit = can("audit.read")
    ? await store.auditTotals(db, placeKeyCondition(actor.area, auditEntries.area))
    : null;

  let receipts: HomeSummary["receipts"] = null;
  if (can("receipt.read")) {
    // The detector's baseline is the regency's; the answer is cut to the caller's area, as in the receipts routes.
    const flags = (await skimmingFlags(db)).filter((f) =>
      sees(actor, { code: f.desa ?? f.area.split("#")[0] ?? "" }),
    );
    // Named here, so the home page needs no region request of its own.
    const leakage = (await confirmedTotals(db, "kecamatan"))
      .filter((k) => sees(actor, { code: k.key }))
      .map((k) => ({ ...k, name: regions.get(k.key)?.name ?? k.key }));
    receipts = { flags: flags.length, leakage };
  }
  return { queue, pipeline, registry: registrySummary, audit, receipts };
}
