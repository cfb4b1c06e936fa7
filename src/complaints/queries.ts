/** What officials and the public read of complaints: the queue, one complaint, the public status, statistics. */
import { eq } from "drizzle-orm";
import { type Actor, actorCan } from "../access/actor.ts";
import type { Executor } from "../db/index.ts";
import { documentCipher } from "../documents/sealing.ts";
import { getContent } from "../documents/store.ts";
import { DomainError } from "../i18n/domain-error.ts";
import { persons } from "../registry/schema.ts";
import type { ComplaintCategory, ComplaintLevel, ComplaintStage, SlaColour } from "./codes.ts";
import { handles } from "./routing.ts";
import { type Complaints, slaOf, visibleComplaint } from "./service.ts";
import * as store from "./store.ts";
import { normaliseTrackingCode } from "./tracking-code.ts";

function visibleFilter(c: Complaints, actor: Actor): store.VisibleFilter {
  const role = actor.role;
  return {
    scope: actor.area,
    regencyCode: c.regencyCode,
    ordinary: actorCan(actor, "complaint.read"),
    sensitive: role === "system" || role === c.settings.routing.sensitiveRole,
  };
}

export interface QueueFilter {
  stage?: ComplaintStage | undefined;
  category?: ComplaintCategory | undefined;
  villageCode?: string | undefined;
  colour?: SlaColour | undefined;
  openOnly?: boolean | undefined;
  page: number;
  pageSize: number;
}

/** Most queues hold a few hundred open complaints; colours are computed here, so a page is cut after them. */
const QUEUE_WINDOW = 5000;

export async function complaintQueue(c: Complaints, tx: Executor, actor: Actor, filter: QueueFilter) {
  const now = c.clock();
  const rows = await store.listVisible(tx, visibleFilter(c, actor), filter, QUEUE_WINDOW);
  const items = rows
    .map((row) => ({ row, sla: slaOf(c, row, now) }))
    .filter((item) => !filter.colour || item.sla.colour === filter.colour);
  const start = (filter.page - 1) * filter.pageSize;
  return {
    total: items.length,
    page: filter.page,
    pageSize: filter.pageSize,
    items: items.slice(start, start + filter.pageSize).map(({ row, sla }) => ({
      id: row.id,
      code: row.code,
      category: row.category as ComplaintCategory,
      channel: row.channel,
      stage: row.stage as ComplaintStage,
      level: row.level as ComplaintLevel,
      sensitive: row.sensitive,
      villageCode: row.villageCode,
      villageName: row.villageCode ? (c.regions.get(row.villageCode)?.name ?? null) : null,
      receivedAt: row.receivedAt.toISOString(),
      colour: sla.colour,
      dueAt: sla.dueAt?.toISOString() ?? null,
      handling: handles(
        actor,
        { sensitive: row.sensitive, villageCode: row.villageCode, level: row.level as ComplaintLevel },
        c.regencyCode,
        c.settings.routing,
      ),
    })),
  };
}

/**
 * One complaint for an official. The complainant's identity is never here (readIdentity, audited); the only
 * person shown is the one the complaint names.
 */
export async function complaintDetail(c: Complaints, tx: Executor, actor: Actor, id: string) {
  const row = await visibleComplaint(c, tx, actor, id);
  const sla = slaOf(c, row);
  const [person] = row.personId
    ? await tx
        .select({ id: persons.id, name: persons.name })
        .from(persons)
        .where(eq(persons.id, row.personId))
    : [];
  const events = await store.eventsOf(tx, row.id);
  return {
    id: row.id,
    code: row.code,
    category: row.category as ComplaintCategory,
    channel: row.channel,
    stage: row.stage as ComplaintStage,
    level: row.level as ComplaintLevel,
    sensitive: row.sensitive,
    villageCode: row.villageCode,
    villageName: row.villageCode ? (c.regions.get(row.villageCode)?.name ?? null) : null,
    programId: row.programId,
    person: person ?? null,
    reference: row.reference,
    laporNumber: row.laporNumber,
    description: row.description,
    anonymous: row.anonymous,
    identityConsent: row.identityConsent,
    receivedAt: row.receivedAt.toISOString(),
    version: row.version,
    colour: sla.colour,
    dueAt: sla.dueAt?.toISOString() ?? null,
    escalateAt: sla.escalateAt?.toISOString() ?? null,
    slaPaused: sla.paused,
    handling: handles(
      actor,
      { sensitive: row.sensitive, villageCode: row.villageCode, level: row.level as ComplaintLevel },
      c.regencyCode,
      c.settings.routing,
    ),
    photos: (await store.photosOf(tx, row.id)).map((p) => ({
      id: p.id,
      mediaType: p.mediaType,
      size: p.size,
    })),
    events: events.map((e) => ({
      action: e.action,
      fromStage: e.fromStage,
      toStage: e.toStage,
      level: e.level,
      reason: e.reason,
      publicReply: e.publicReply,
      actorName: e.actorName,
      at: e.at.toISOString(),
    })),
  };
}

/** A photo of a complaint the actor may see, as the stored (stripped) image. */
export async function complaintPhoto(c: Complaints, tx: Executor, actor: Actor, id: string, photoId: string) {
  const row = await visibleComplaint(c, tx, actor, id);
  const photo = await store.photoOf(tx, photoId);
  if (!photo || photo.complaintId !== row.id)
    throw new DomainError("COMPLAINT_NOT_FOUND", { id: photoId }, 404);
  const content = await getContent(tx, photo.sha256);
  if (!content) throw new DomainError("COMPLAINT_NOT_FOUND", { id: photoId }, 404);
  return {
    mediaType: content.mediaType,
    bytes: documentCipher(c.vault).open(content.sealed, content.sha256),
  };
}

/** What the tracking code shows anyone who holds it: the stage and the replies written for the complainant. */
export async function publicStatus(_c: Complaints, tx: Executor, code: string) {
  const normal = normaliseTrackingCode(code);
  if (!normal) throw new DomainError("COMPLAINT_CODE_INVALID", {}, 422);
  const row = await store.loadByCode(tx, normal);
  if (!row) throw new DomainError("COMPLAINT_NOT_FOUND", { id: normal }, 404);
  const events = await store.eventsOf(tx, row.id);
  return {
    code: row.code,
    stage: row.stage as ComplaintStage,
    receivedAt: row.receivedAt.toISOString(),
    steps: events
      .filter((e) => e.action !== "escalate" && e.action !== "assign")
      .map((e) => ({
        stage: e.toStage as ComplaintStage,
        at: e.at.toISOString(),
        publicReply: e.publicReply,
        fromComplainant: e.action === "answer",
      })),
  };
}

/** Counts under this are withheld on public pages: a count of 1–4 in a desa can point at a person. */
export const K_ANONYMITY = 5;

export interface CountRow {
  key: string;
  count: number | null;
}

function countBy<T>(rows: readonly T[], key: (row: T) => string | null): CountRow[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const k = key(row) ?? "-";
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([k, count]) => ({ key: k, count }));
}

/**
 * Statistics per category, area, stage and SLA outcome. For officials: what they may see, exact. For the
 * public (`actor` null): regency-wide, per kecamatan at most, and every count under 5 suppressed.
 */
export async function complaintStatistics(c: Complaints, tx: Executor, actor: Actor | null) {
  const now = c.clock();
  const rows = await store.allForStatistics(tx, actor ? visibleFilter(c, actor) : null);
  const withSla = rows.map((row) => ({
    ...row,
    sla: slaOf(c, { ...row, stage: row.stage } as store.ComplaintRow, now).colour,
  }));
  const suppress = (list: CountRow[]) =>
    actor
      ? list
      : list.map((r) => ({ key: r.key, count: r.count !== null && r.count < K_ANONYMITY ? null : r.count }));
  const total = rows.length;
  return {
    total: !actor && total < K_ANONYMITY ? null : total,
    byCategory: suppress(countBy(withSla, (r) => r.category)),
    byStage: suppress(countBy(withSla, (r) => r.stage)),
    byArea: suppress(countBy(withSla, (r) => (actor ? r.villageCode : r.districtCode))),
    bySla: suppress(countBy(withSla, (r) => r.sla)),
  };
}
