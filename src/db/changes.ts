/**
 * Changes made by another process on the same PostgreSQL server, for the caches a process keeps in memory (the
 * registry's match index, the published snapshots, the public decree list). Triggers send a notification on
 * the `salur_changes` channel when a statement changes one of the watched tables; PostgreSQL delivers it only
 * once the writing transaction commits, so a rolled-back write never reaches another process. Each process
 * holds one extra connection that listens, and hands every notification to the topic's handlers.
 *
 * PGlite has no triggers for this: it is one process, whose caches learn of its own writes directly, and the
 * transition table a trigger keeps would only slow its imports.
 */
import { type SQL, sql } from "drizzle-orm";
import pg from "pg";

/** What installing the triggers needs of a database or transaction (not the Executor type: no import cycle). */
interface Statements {
  execute(query: SQL): PromiseLike<unknown>;
}

export const CHANGES_CHANNEL = "salur_changes";

/** The tables watched, each its own topic. A person change names the persons; the others say only "changed". */
export type ChangeTopic = "persons" | "publications" | "decrees";

/** A change on `topic`; `ids` are the rows changed, or null when too many to name (a bulk import) or unknown. */
export type ChangeHandler = (ids: string[] | null) => void;

export interface ChangeFeed {
  /** Calls `handler` for every change on `topic` committed by any process; returns the unsubscribe. */
  on(topic: ChangeTopic, handler: ChangeHandler): () => void;
  close(): Promise<void>;
}

/** A feed that never fires: PGlite, and processes that keep no caches. */
export function quietChangeFeed(): ChangeFeed {
  return { on: () => () => {}, close: async () => {} };
}

// Persons changed by one statement are named 100 to a notification (a payload holds at most 8,000 bytes);
// a statement over 1,000 rows is a bulk load, and listeners then look for the persons they do not hold yet.
const INSTALL = sql.raw(`
create or replace function salur_notify_persons() returns trigger language plpgsql as $$
declare
  n integer;
  ids text[];
begin
  select count(*) into n from salur_changed_persons;
  if n = 0 then
    return null;
  elsif n > 1000 then
    perform pg_notify('${CHANGES_CHANNEL}', 'persons:*');
    return null;
  end if;
  select array_agg(id::text order by id) into ids from salur_changed_persons;
  for i in 0 .. (n - 1) / 100 loop
    perform pg_notify('${CHANGES_CHANNEL}', 'persons:' || array_to_string(ids[i * 100 + 1 : i * 100 + 100], ','));
  end loop;
  return null;
end $$;
create or replace function salur_notify_table() returns trigger language plpgsql as $$
begin
  perform pg_notify('${CHANGES_CHANNEL}', tg_argv[0] || ':*');
  return null;
end $$;
create or replace trigger salur_persons_inserted after insert on persons
  referencing new table as salur_changed_persons for each statement execute function salur_notify_persons();
create or replace trigger salur_persons_updated after update on persons
  referencing new table as salur_changed_persons for each statement execute function salur_notify_persons();
create or replace trigger salur_publications_changed after insert or update or delete on portal_publications
  for each statement execute function salur_notify_table('publications');
create or replace trigger salur_decrees_changed after insert or update or delete on decrees
  for each statement execute function salur_notify_table('decrees');
`);

/**
 * Installs (or replaces) the notifying triggers: PostgreSQL only, after the migrations, at every start, so a
 * newer version's triggers replace an older one's without a migration of their own.
 */
export async function installChangeTriggers(db: Statements): Promise<void> {
  await db.execute(INSTALL);
}

function parse(payload: string): { topic: string; ids: string[] | null } | null {
  const colon = payload.indexOf(":");
  if (colon < 0) return null;
  const rest = payload.slice(colon + 1);
  return { topic: payload.slice(0, colon), ids: rest === "*" || rest === "" ? null : rest.split(",") };
}

/**
 * Listens on one dedicated connection. When that connection drops, notifications sent meanwhile are lost, so
 * after reconnecting every topic's handlers are told "changed, unknown rows" and reload what they hold.
 */
export async function listenForChanges(
  url: string,
  options: { log?: (message: string) => void; retryMs?: number } = {},
): Promise<ChangeFeed> {
  const handlers = new Map<string, Set<ChangeHandler>>();
  const log = options.log ?? ((message: string) => console.warn(message));
  const retryMs = options.retryMs ?? 1000;
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const dispatch = (topic: string, ids: string[] | null) => {
    for (const handler of handlers.get(topic) ?? []) {
      try {
        handler(ids);
      } catch (error) {
        log(`change handler for ${topic} failed: ${(error as Error).message}`);
      }
    }
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (message) => {
      if (message.channel !== CHANGES_CHANNEL || !message.payload) return;
      const change = parse(message.payload);
      if (change) dispatch(change.topic, change.ids);
    });
    const lost = (reason: string) => {
      if (closed || client !== next) return;
      client = null;
      log(`change listener lost its connection (${reason}); reconnecting`);
      next.removeAllListeners("end");
      void next.end().catch(() => {});
      schedule(true);
    };
    next.on("error", (error) => lost(error.message));
    next.on("end", () => lost("closed"));
    await next.connect();
    await next.query(`listen ${CHANGES_CHANNEL}`);
    client = next;
  };

  const schedule = (missed: boolean) => {
    retry = setTimeout(() => {
      retry = null;
      connect().then(
        () => {
          if (missed) for (const topic of handlers.keys()) dispatch(topic, null);
        },
        () => {
          if (!closed) schedule(missed);
        },
      );
    }, retryMs);
    retry.unref();
  };

  await connect();
  return {
    on(topic, handler) {
      let set = handlers.get(topic);
      if (!set) {
        set = new Set();
        handlers.set(topic, set);
      }
      set.add(handler);
      return () => set.delete(handler);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
