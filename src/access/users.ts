/** Accounts as an admin manages them: created, changed and listed within the admin's own area. */
import type { Executor } from "../db/index.ts";
import { DomainError, ValidationFailed } from "../i18n/domain-error.ts";
import { type Actor, auditActor, type Caller, sees } from "./actor.ts";
import { type AreaScope, areaScope, areaWithin, placeKey } from "./area.ts";
import { areaCondition } from "./area-sql.ts";
import type { Access } from "./deps.ts";
import { assertStrongPassword, hashPassword } from "./password.ts";
import type { Role } from "./roles.ts";
import { users } from "./schema.ts";
import type { UserInput, UserUpdate, UserView } from "./schemas.ts";
import * as store from "./store.ts";
import { userRecord, userView, userViews } from "./user-views.ts";

const LEVEL_OF_ROLE: Partial<Record<Role, AreaScope["level"]>> = {
  rt: "rt",
  village_operator: "village",
  kecamatan_officer: "district",
};

/** Checks an account's area and agency against the deployment, the role and the admin's own area. */
async function checkAccountScope(
  access: Access,
  db: Executor,
  actor: Actor,
  input: { role: Role; areaCode: string; rt: string | null; agencyId: string | null },
): Promise<AreaScope> {
  const scope = areaScope(input.areaCode, input.rt);
  const inRegency =
    input.areaCode === access.regencyCode || input.areaCode.startsWith(`${access.regencyCode}.`);
  if (!scope || !access.regions.get(input.areaCode) || !inRegency) {
    throw new ValidationFailed([
      { field: "areaCode", code: "AREA_INVALID", params: { code: input.areaCode } },
    ]);
  }
  const level = LEVEL_OF_ROLE[input.role];
  if (level && scope.level !== level) {
    throw new ValidationFailed([
      { field: "areaCode", code: "AREA_ROLE_MISMATCH", params: { role: input.role, level } },
    ]);
  }
  if (!areaWithin(scope, actor.area)) throw new DomainError("AREA_FORBIDDEN", { area: placeKey(scope) }, 403);
  // A bank operator's "agency" is the bank they work for: they see only that bank's payment batches.
  if (input.role === "program_manager" || (input.role === "bank_operator" && input.agencyId)) {
    if (!input.agencyId) throw new ValidationFailed([{ field: "agencyId", code: "AGENCY_REQUIRED" }]);
    if (!(await store.findAgency(db, { id: input.agencyId }))) {
      throw new ValidationFailed([
        { field: "agencyId", code: "AGENCY_NOT_FOUND", params: { id: input.agencyId } },
      ]);
    }
  } else if (input.agencyId) {
    throw new ValidationFailed([{ field: "agencyId", code: "AGENCY_NOT_ALLOWED" }]);
  }
  return scope;
}

export async function createUser(
  access: Access,
  caller: Caller,
  input: UserInput,
  options: { checkStrength?: boolean; demo?: boolean } = {},
): Promise<UserView> {
  const rt = input.rt ?? null;
  const agencyId = input.agencyId ?? null;
  await checkAccountScope(access, access.db, caller.actor, {
    role: input.role,
    areaCode: input.areaCode,
    rt,
    agencyId,
  });
  if (options.checkStrength !== false)
    assertStrongPassword(input.password, [input.username, ...input.name.split(/\s+/)], access.placeWords);
  const passwordHash = await hashPassword(input.password);
  return access.db.transaction(async (tx) => {
    const row = await store.insertUser(tx, {
      username: input.username,
      name: input.name,
      role: input.role,
      areaCode: input.areaCode,
      areaRt: rt,
      agencyId,
      passwordHash,
      demo: options.demo === true,
    });
    await access.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "user.create",
      entity: "user",
      entityId: row.id,
      area: placeKey({ code: row.areaCode, rt: row.areaRt }),
      after: userRecord(row),
      requestId: caller.requestId,
    });
    return userView(access, tx, row);
  });
}

/** An account outside the admin's area is invisible, as any record is. */
export async function visibleUser(db: Executor, actor: Actor, id: string): Promise<store.UserRow> {
  const row = await store.getUser(db, id);
  if (!row || !sees(actor, { code: row.areaCode, rt: row.areaRt }))
    throw new DomainError("USER_NOT_FOUND", { id }, 404);
  return row;
}

export async function updateUser(
  access: Access,
  caller: Caller,
  id: string,
  patch: UserUpdate,
): Promise<UserView> {
  const { actor } = caller;
  const current = await visibleUser(access.db, actor, id);
  const role = patch.role ?? current.role;
  const areaCode = patch.areaCode ?? current.areaCode;
  const rt = patch.rt !== undefined ? patch.rt : patch.areaCode !== undefined ? null : current.areaRt;
  const agencyId =
    patch.agencyId !== undefined ? patch.agencyId : role === "program_manager" ? current.agencyId : null;
  const active = patch.active ?? current.active;
  if (current.id === actor.userId && (!active || role !== current.role)) {
    throw new DomainError("USER_SELF_LOCKOUT", {}, 409);
  }
  await checkAccountScope(access, access.db, actor, { role, areaCode, rt, agencyId });
  const name = patch.name ?? current.name;
  if (patch.password !== undefined)
    assertStrongPassword(patch.password, [current.username, ...name.split(/\s+/)], access.placeWords);
  const passwordHash = patch.password !== undefined ? await hashPassword(patch.password) : undefined;
  return access.db.transaction(async (tx) => {
    const row = await store.updateUser(tx, id, patch.version, {
      name,
      role,
      areaCode,
      areaRt: rt,
      agencyId,
      active,
      ...(passwordHash ? { passwordHash } : {}),
    });
    if (!row.active || passwordHash) await store.deleteSessionsOf(tx, row.id);
    const before = userRecord(current);
    const after = userRecord(row);
    const changed = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    await access.audit.append(tx, {
      actor: auditActor(actor),
      action: "user.update",
      entity: "user",
      entityId: row.id,
      area: placeKey({ code: row.areaCode, rt: row.areaRt }),
      before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
      after: {
        ...Object.fromEntries(changed.map((k) => [k, after[k] ?? null])),
        ...(passwordHash ? { passwordChanged: true } : {}),
      },
      reason: patch.reason ?? null,
      requestId: caller.requestId,
    });
    return userView(access, tx, row);
  });
}

export async function listUsers(access: Access, caller: Caller): Promise<UserView[]> {
  const rows = await store.listUsers(
    access.db,
    areaCondition(caller.actor.area, { village: users.areaCode, rt: users.areaRt }),
  );
  // The SQL prefix test cannot see a regency- or kecamatan-level account inside a kecamatan; filter exactly here.
  const visible = rows.filter((r) => sees(caller.actor, { code: r.areaCode, rt: r.areaRt }));
  return userViews(access, access.db, visible);
}

export async function listAllUsers(access: Access): Promise<UserView[]> {
  return userViews(access, access.db, await store.listUsers(access.db, undefined));
}
