/**
 * The public complaint statistics are a publication, as the portal's pages are: an official publishes, the
 * figures (already suppressed, k ≥ 5) are frozen as canonical JSON with their SHA-256, stored, and served from
 * memory. A flood of visitors to the statistics page never queries the complaints table.
 */
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { desc } from "drizzle-orm";
import { auditActor, type Caller } from "../access/actor.ts";
import type { Executor } from "../db/index.ts";
import type { PublicStatistics } from "./public-pages.ts";
import { complaintStatistics } from "./queries.ts";
import { complaintStatisticsPublications } from "./schema.ts";
import type { Complaints } from "./service.ts";

export interface PublishedStatistics {
  id: string;
  sha256: string;
  publishedAt: string;
  statistics: PublicStatistics;
}

interface Snapshot {
  format: "salur.complaint-statistics/1";
  statistics: PublicStatistics;
}

const cache = new WeakMap<object, { current: PublishedStatistics | null }>();

function slot(owner: object) {
  let entry = cache.get(owner);
  if (!entry) {
    entry = { current: null };
    cache.set(owner, entry);
  }
  return entry;
}

function fromRow(row: typeof complaintStatisticsPublications.$inferSelect): PublishedStatistics {
  return {
    id: row.id,
    sha256: row.sha256,
    publishedAt: row.publishedAt.toISOString(),
    statistics: (JSON.parse(row.snapshot) as Snapshot).statistics,
  };
}

/** Reads the newest publication into memory (at start and after each publish). */
export async function loadPublishedStatistics(
  owner: object,
  db: Executor,
): Promise<PublishedStatistics | null> {
  const [row] = await db
    .select()
    .from(complaintStatisticsPublications)
    .orderBy(desc(complaintStatisticsPublications.publishedAt), desc(complaintStatisticsPublications.id))
    .limit(1);
  slot(owner).current = row ? fromRow(row) : null;
  return slot(owner).current;
}

/** What the public page serves: from memory only. */
export function publishedStatistics(owner: object): PublishedStatistics | null {
  return slot(owner).current;
}

/** Freezes today's public figures as a new publication, audited; the caller reloads the cache after commit. */
export async function publishStatistics(
  c: Complaints,
  tx: Executor,
  caller: Caller,
): Promise<PublishedStatistics> {
  const statistics = await complaintStatistics(c, tx, null);
  const snapshot: Snapshot = { format: "salur.complaint-statistics/1", statistics };
  const json = canonicalize(snapshot) as string;
  const sha256 = createHash("sha256").update(json).digest("hex");
  const [row] = await tx
    .insert(complaintStatisticsPublications)
    .values({ snapshot: json, sha256, publishedBy: caller.actor.userId, publishedAt: c.clock() })
    .returning();
  if (!row) throw new Error("complaint statistics publication not stored");
  await c.audit.append(tx, {
    actor: auditActor(caller.actor),
    action: "complaint.statistics_publish",
    entity: "complaint_statistics",
    entityId: row.id,
    area: null,
    after: { sha256, total: statistics.total },
    requestId: caller.requestId,
  });
  return fromRow(row);
}
