/**
 * Published snapshots held in memory: announcement-day traffic reads this, never the database. A process
 * loads every published snapshot at start and then only those with a higher sequence number — after its own
 * approvals at once, and every few seconds for approvals made by another process behind the same proxy.
 * Rendered pages are kept per path and language with their ETag and a gzip copy.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { Executor } from "../db/index.ts";
import type { PublicationSnapshot } from "./snapshot.ts";
import * as store from "./store.ts";

export interface Published {
  id: string;
  seq: number;
  snapshot: PublicationSnapshot;
  /** The canonical JSON as stored: what the download serves byte for byte and the hash is computed over. */
  json: string;
  sha256: string;
  publishedAt: string;
  objectionEndsOn: string | null;
  periodId: string;
}

export interface CachedBody {
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  contentType: string;
  status: number;
}

const GZIP_MIN = 1024;

export function cachedBody(content: string | Buffer, contentType: string, status = 200): CachedBody {
  const body = typeof content === "string" ? Buffer.from(content) : content;
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return {
    body,
    gzip: body.length >= GZIP_MIN ? gzipSync(body, { level: 9 }) : null,
    etag,
    contentType,
    status,
  };
}

export class PublicationCache {
  private readonly byId = new Map<string, Published>();
  private lastSeq = 0;
  private readonly pages = new Map<string, CachedBody>();
  private loading: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private loaded = false;

  constructor(private readonly db: Executor) {}

  /** Loads publications approved since the last look; the rendered pages are dropped when anything is new. */
  async refresh(): Promise<void> {
    if (this.loading) return this.loading;
    this.loading = (async () => {
      const rows = await store.publishedSince(this.db, this.lastSeq);
      for (const row of rows) {
        this.byId.set(row.id, {
          id: row.id,
          seq: row.seq,
          snapshot: JSON.parse(row.snapshot) as PublicationSnapshot,
          json: row.snapshot,
          sha256: row.sha256,
          publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
          objectionEndsOn: row.objectionEndsOn,
          periodId: row.periodId,
        });
        this.lastSeq = Math.max(this.lastSeq, row.seq);
      }
      if (rows.length > 0 || !this.loaded) this.pages.clear();
      this.loaded = true;
    })().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  async ensureLoaded(): Promise<void> {
    if (!this.loaded) await this.refresh();
  }

  /** Polls for publications of other processes; the timer never keeps the process alive. */
  startPolling(ms: number): void {
    if (ms <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.refresh().catch(() => {}), ms);
    this.timer.unref();
  }

  stopPolling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  get(id: string): Published | undefined {
    return this.byId.get(id);
  }

  all(): Published[] {
    return [...this.byId.values()].sort((a, b) => a.seq - b.seq);
  }

  /** The newest publication of each program period and kind, and those it superseded. */
  latestOf(periodId: string, kind: Published["snapshot"]["kind"]): Published | undefined {
    let latest: Published | undefined;
    for (const p of this.byId.values())
      if (p.periodId === periodId && p.snapshot.kind === kind && (!latest || p.seq > latest.seq)) latest = p;
    return latest;
  }

  /** The publication that superseded `p`, if any. */
  supersededBy(p: Published): Published | undefined {
    const latest = this.latestOf(p.periodId, p.snapshot.kind);
    return latest && latest.id !== p.id ? latest : undefined;
  }

  /** The newest publication of each period (any kind): what program pages show. */
  latestPerPeriod(): Published[] {
    const out = new Map<string, Published>();
    for (const p of this.byId.values()) {
      const current = out.get(p.periodId);
      if (!current || p.seq > current.seq) out.set(p.periodId, p);
    }
    return [...out.values()].sort((a, b) =>
      a.snapshot.program.name === b.snapshot.program.name
        ? a.snapshot.period.startsOn.localeCompare(b.snapshot.period.startsOn)
        : a.snapshot.program.name.localeCompare(b.snapshot.program.name),
    );
  }

  page(key: string, render: () => CachedBody): CachedBody {
    let page = this.pages.get(key);
    if (!page) {
      page = render();
      this.pages.set(key, page);
    }
    return page;
  }

  /** Test support: replace a loaded snapshot (the crawl test plants a leak this way) and drop rendered pages. */
  replaceSnapshotForTest(id: string, snapshot: PublicationSnapshot): void {
    const p = this.byId.get(id);
    if (!p) throw new Error(`publication ${id} not loaded`);
    this.byId.set(id, { ...p, snapshot });
    this.pages.clear();
  }
}
