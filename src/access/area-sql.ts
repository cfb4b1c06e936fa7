import { and, eq, isNull, like, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { AreaScope } from "./area.ts";

/**
 * The SQL form of `areaContains`, for lists: records whose region code (and RT) lie in the scope. Region codes
 * are fixed-width per level, so "code = X or code like 'X.%'" is an exact prefix test.
 */
export function areaCondition(scope: AreaScope, columns: { village: AnyPgColumn; rt?: AnyPgColumn }): SQL {
  const { village, rt } = columns;
  switch (scope.level) {
    case "village":
      return eq(village, scope.code);
    case "rt":
      return rt ? (and(eq(village, scope.code), eq(rt, scope.rt ?? "")) as SQL) : sql`false`;
    default:
      return or(eq(village, scope.code), like(village, `${scope.code}.%`)) as SQL;
  }
}

/**
 * The same over a place key column ("64.01.05.2002/RT003"), as the audit trail stores areas. Regency-wide
 * records (no area) are visible to regency-level scopes only.
 */
export function placeKeyCondition(scope: AreaScope, column: AnyPgColumn): SQL {
  switch (scope.level) {
    case "rt":
      return eq(column, `${scope.code}/RT${scope.rt}`);
    case "village":
      return or(eq(column, scope.code), like(column, `${scope.code}/%`)) as SQL;
    case "district":
      return or(eq(column, scope.code), like(column, `${scope.code}.%`)) as SQL;
    default:
      return or(isNull(column), eq(column, scope.code), like(column, `${scope.code}.%`)) as SQL;
  }
}
