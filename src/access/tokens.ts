/** API tokens: minted by a user for themself, listed and revoked; only their hash is stored. */
import { DomainError, ValidationFailed } from "../i18n/domain-error.ts";
import { auditActor, type Caller, sees } from "./actor.ts";
import { placeKey } from "./area.ts";
import { areaCondition } from "./area-sql.ts";
import type { Access } from "./deps.ts";
import { type Action, actionsOf, isAction } from "./permissions.ts";
import { users } from "./schema.ts";
import type { TokenInput } from "./schemas.ts";
import { randomToken, sha256, TOKEN_PREFIX } from "./sessions.ts";
import * as store from "./store.ts";
import { visibleUser } from "./users.ts";

/**
 * A token acts as its owner and the audit names the owner, so only the owner mints it, from a signed-in
 * session (a token cannot mint a wider token). An admin who could mint one for another official could act as
 * the bupati with the bupati's name in the trail; the admin keeps listing and revoking. A refused attempt is
 * audited as an impersonation attempt. System callers (the CLI and the seed on the machine itself) mint for
 * any account: whoever runs them already holds the database.
 */
export async function createToken(
  access: Access,
  caller: Caller,
  input: TokenInput,
  via: "session" | "token" | "system" = caller.actor.kind === "system" ? "system" : "session",
) {
  const now = access.clock();
  const { actor } = caller;
  const ownerId = input.userId ?? actor.userId;
  if (actor.kind !== "system" && (via !== "session" || ownerId !== actor.userId)) {
    await access.db.transaction((tx) =>
      access.audit.append(tx, {
        actor: auditActor(actor),
        action: "token.create_refused",
        entity: "api_token",
        entityId: null,
        area: placeKey({ code: actor.area.code, rt: actor.area.rt }),
        after: { userId: ownerId ?? null, impersonation: ownerId !== actor.userId, via },
        requestId: caller.requestId,
      }),
    );
    throw new DomainError(via === "session" ? "TOKEN_OWNER_ONLY" : "TOKEN_NEEDS_SESSION", {}, 403);
  }
  if (!ownerId) throw new ValidationFailed([{ field: "userId", code: "FIELD_REQUIRED" }]);
  const user = await visibleUser(access.db, actor, ownerId);
  const allowed = new Set<Action>(actionsOf(user.role));
  for (const scope of input.scopes) {
    if (!isAction(scope) || !allowed.has(scope)) {
      throw new ValidationFailed([
        { field: "scopes", code: "TOKEN_SCOPE_INVALID", params: { scope, role: user.role } },
      ]);
    }
  }
  const secret = `${TOKEN_PREFIX}${randomToken()}`;
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  return access.db.transaction(async (tx) => {
    const row = await store.insertToken(tx, {
      userId: user.id,
      name: input.name,
      tokenHash: sha256(secret),
      scopes: [...input.scopes],
      expiresAt,
      createdBy: actor.userId,
    });
    await access.audit.append(tx, {
      actor: auditActor(actor),
      action: "token.create",
      entity: "api_token",
      entityId: row.id,
      area: placeKey({ code: user.areaCode, rt: user.areaRt }),
      after: { name: row.name, userId: user.id, scopes: row.scopes, expiresAt: expiresAt.toISOString() },
      requestId: caller.requestId,
    });
    return { token: secret, ...tokenView(row, user) };
  });
}

export function tokenView(token: store.TokenRow, user: store.UserRow) {
  return {
    id: token.id,
    name: token.name,
    userId: user.id,
    username: user.username,
    scopes: token.scopes,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    createdAt: token.createdAt.toISOString(),
  };
}

export async function listTokens(access: Access, caller: Caller) {
  const rows = await store.listTokens(
    access.db,
    areaCondition(caller.actor.area, { village: users.areaCode, rt: users.areaRt }),
  );
  return rows
    .filter((r) => sees(caller.actor, { code: r.user.areaCode, rt: r.user.areaRt }))
    .map((r) => tokenView(r.token, r.user));
}

export async function revokeToken(access: Access, caller: Caller, id: string): Promise<void> {
  const found = await store.getToken(access.db, id);
  if (!found || !sees(caller.actor, { code: found.user.areaCode, rt: found.user.areaRt })) {
    throw new DomainError("TOKEN_NOT_FOUND", { id }, 404);
  }
  await access.db.transaction(async (tx) => {
    await store.revokeToken(tx, id, access.clock());
    await access.audit.append(tx, {
      actor: auditActor(caller.actor),
      action: "token.revoke",
      entity: "api_token",
      entityId: id,
      area: placeKey({ code: found.user.areaCode, rt: found.user.areaRt }),
      requestId: caller.requestId,
    });
  });
}
