import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { queryRows } from "./index.ts";
import { describeEachDatabase } from "./testing.ts";

/**
 * The embedded database gets Drizzle's text parsers once, on the client, instead of with every statement
 * (src/db/index.ts): the values must come back exactly as PostgreSQL's driver gives them, in and out of a
 * transaction.
 */
describeEachDatabase("values read back", (salur) => {
  const probe = sql`select timestamp '2026-11-25 08:30:00.123' as ts, timestamptz '2026-11-25 08:30:00+00' as tstz,
      date '2026-11-25' as d, interval '1 day 02:00:00' as i, array[timestamp '2026-11-25 08:30:00'] as ts_list,
      array[date '2026-11-25'] as d_list, array[1.50::numeric, 2] as n_list, 12.50::numeric as n,
      '{"a":1}'::jsonb as j, 7::int as n4, 1::bigint as n8, true as b`;
  const expected = {
    ts: "2026-11-25 08:30:00.123",
    tstz: "2026-11-25 08:30:00+00",
    d: "2026-11-25",
    i: "1 day 02:00:00",
    ts_list: '{"2026-11-25 08:30:00"}',
    d_list: "{2026-11-25}",
    n_list: "{1.50,2}",
    n: "12.50",
    j: { a: 1 },
    n4: 7,
    b: true,
  };

  it("reads dates, timestamps, intervals and their arrays as PostgreSQL writes them, outside and inside a transaction", async () => {
    const db = salur().database.db;
    await db.execute(sql`set time zone 'UTC'`);
    const [outside] = await queryRows<Record<string, unknown>>(db, probe);
    expect(outside).toMatchObject(expected);
    const [inside] = await db.transaction(async (tx) => {
      await tx.execute(sql`set local time zone 'UTC'`);
      return queryRows<Record<string, unknown>>(tx, probe);
    });
    expect(inside).toMatchObject(expected);
    expect(String(inside?.n8)).toBe("1");
  });
});
