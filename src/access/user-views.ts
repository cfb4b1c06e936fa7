/** Accounts as others see them: the area an account covers, its view, its actor and its audit record. */
import type { Json } from "../audit/entry.ts";
import type { Executor } from "../db/index.ts";
import type { Actor } from "./actor.ts";
import { type AreaScope, areaScope, placeKey } from "./area.ts";
import type { Access } from "./deps.ts";
import { isAction } from "./permissions.ts";
import type { UserView } from "./schemas.ts";
import * as store from "./store.ts";

export function userScope(row: store.UserRow): AreaScope {
  const scope = areaScope(row.areaCode, row.areaRt);
  if (!scope) throw new Error(`user ${row.id} has a malformed area ${row.areaCode}`);
  return scope;
}

function areaView(access: Access, scope: AreaScope) {
  const name = access.regions.get(scope.code)?.name ?? scope.code;
  return {
    level: scope.level,
    code: scope.code,
    name: scope.rt ? `RT ${scope.rt}, ${name}` : name,
    ...(scope.rt ? { rt: scope.rt } : {}),
  };
}

export async function userViews(
  access: Access,
  db: Executor,
  rows: readonly store.UserRow[],
): Promise<UserView[]> {
  const names = await store.agencyNames(db, [
    ...new Set(rows.flatMap((r) => (r.agencyId ? [r.agencyId] : []))),
  ]);
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    area: areaView(access, userScope(row)),
    agencyId: row.agencyId,
    agencyName: row.agencyId ? (names.get(row.agencyId) ?? null) : null,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  }));
}

export async function userView(access: Access, db: Executor, row: store.UserRow): Promise<UserView> {
  const [view] = await userViews(access, db, [row]);
  if (!view) throw new Error("no view");
  return view;
}

export function actorOf(row: store.UserRow, token?: store.TokenRow): Actor {
  return {
    kind: token ? "token" : "user",
    userId: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    area: userScope(row),
    agencyId: row.agencyId,
    scopes: token ? token.scopes.filter(isAction) : null,
    tokenId: token?.id ?? null,
  };
}

export function userRecord(row: store.UserRow): Record<string, Json> {
  return {
    username: row.username,
    name: row.name,
    role: row.role,
    area: placeKey({ code: row.areaCode, rt: row.areaRt }),
    agencyId: row.agencyId,
    active: row.active,
  };
}
