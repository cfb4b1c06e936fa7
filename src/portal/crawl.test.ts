import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeEachDatabase } from "../db/testing.ts";
import { generateDemoRegistry } from "../demo/registry-demo.ts";
import { DEMO_SEED, DEMO_TODAY, demoVillages, seedDemo } from "../demo/seed.ts";
import { buildPublicServer } from "../http/public-server.ts";
import { buildLeakIndex, type Leak, type LeakIndex, scanForLeaks } from "./leak-scan.fixture.ts";
import { portalOf } from "./portal.ts";
import { checkCodeOf } from "./self-check.ts";

const PERSONS = 2_000;
const PAGE_LIMIT = 50 * 1024;

interface Crawled {
  url: string;
  status: number;
  transferred: number;
  type: string;
  body: string;
}

/** Every address reachable from the portal's home pages, plus forms posted and error pages asked for. */
async function crawl(
  app: FastifyInstance,
  extra: readonly { method: "GET" | "POST"; url: string; form?: Record<string, string> }[],
) {
  const seen = new Set<string>();
  const queue = [
    "/publik",
    "/publik?lang=en",
    "/publik/data/kamus.json",
    "/publik/data/catalog.jsonld",
    "/publik/data/api/3/action/package_list",
  ];
  const out: Crawled[] = [];
  const fetchOne = async (method: "GET" | "POST", url: string, form?: Record<string, string>) => {
    const res = await app.inject({
      method,
      url,
      headers: {
        "accept-encoding": "gzip",
        ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
    });
    const raw = res.rawPayload;
    const body =
      res.headers["content-encoding"] === "gzip"
        ? (await import("node:zlib")).gunzipSync(raw).toString()
        : res.body;
    out.push({
      url: `${method} ${url}`,
      status: res.statusCode,
      transferred: raw.length,
      type: String(res.headers["content-type"] ?? ""),
      body,
    });
    return body;
  };
  while (queue.length > 0) {
    const url = queue.shift() as string;
    if (seen.has(url)) continue;
    seen.add(url);
    const body = await fetchOne("GET", url);
    for (const m of body.matchAll(/(?:href|action)="([^"#]+)"/g)) {
      const link = (m[1] as string).replace(/&amp;/g, "&");
      if (link.startsWith("/publik") && !seen.has(link)) queue.push(link);
    }
    if (url.endsWith("/package_list"))
      for (const name of (JSON.parse(body) as { result: string[] }).result)
        queue.push(`/publik/data/api/3/action/package_show?id=${name}`);
    for (const m of body.matchAll(
      /"(?:dcat:downloadURL|url|dct:conformsTo)":"https?:\/\/[^/]+(\/publik[^"]+)"/g,
    )) {
      if (!seen.has(m[1] as string)) queue.push(m[1] as string);
    }
  }
  for (const e of extra) await fetchOne(e.method, e.url, e.form);
  return out;
}

describeEachDatabase("public portal crawl", (salur) => {
  let app: FastifyInstance;
  let index: LeakIndex;
  let extra: { method: "GET" | "POST"; url: string; form?: Record<string, string> }[];
  let pages: Crawled[];
  let known: { nik: string; name: string; id: string };

  beforeAll(async () => {
    await seedDemo(salur(), { persons: PERSONS });
    const demo = generateDemoRegistry({
      seed: DEMO_SEED,
      villages: demoVillages(salur()),
      persons: PERSONS,
      today: DEMO_TODAY,
    });
    index = buildLeakIndex(demo.persons);
    portalOf(salur(), { triesPerNikPerDay: 1_000, triesPerAddressPerHour: 100_000, pollMs: 0 });
    app = await buildPublicServer(salur());
    const { rows } = (await salur().database.db.execute(
      "select p.id, p.name from persons p join enrollments e on e.person_id = p.id where p.nik_index is not null and e.status in ('published', 'approved') limit 1" as never,
    )) as unknown as { rows: { id: string; name: string }[] };
    const row = rows[0] as { id: string; name: string };
    const person = demo.persons.find((p) => p.name === row.name && p.nik) as { nik: string };
    known = { nik: person.nik, name: row.name, id: row.id };
    const sanggah = portalOf(salur())
      .cache.all()
      .find((p) => p.snapshot.kind === "sanggah");
    const ref = sanggah?.snapshot.entries[0]?.ref ?? "x";
    extra = [
      { method: "GET", url: "/publik/tidak-ada" },
      { method: "GET", url: `/publik/program/${known.nik}` },
      { method: "GET", url: `/publik/publikasi/00000000-0000-0000-0000-000000000000` },
      { method: "GET", url: `/publik/publikasi/${sanggah?.id}/desa/64.01.99.9999` },
      { method: "GET", url: `/publik/sanggah/${sanggah?.id}/bukan-ref` },
      { method: "POST", url: "/publik/cek", form: { nik: known.nik, kode: "AAAA-AAAA" } },
      { method: "POST", url: "/publik/cek", form: { nik: "6401010101010001", kode: "AAAA-AAAA" } },
      { method: "POST", url: "/publik/cek", form: { nik: "12", kode: "" } },
      {
        method: "POST",
        url: "/publik/cek",
        form: { nik: known.nik, kode: checkCodeOf(portalOf(salur()), known.id) },
      },
      {
        method: "POST",
        url: "/publik/cek?lang=en",
        form: { nik: known.nik, kode: checkCodeOf(portalOf(salur()), known.id) },
      },
      {
        method: "POST",
        url: `/publik/sanggah/${sanggah?.id}/${ref}`,
        form: { alasan: "not_poor", penjelasan: "" },
      },
      {
        method: "POST",
        url: `/publik/sanggah/${sanggah?.id}/${ref}`,
        form: { alasan: "not_poor", penjelasan: "Rumahnya besar dan punya dua mobil." },
      },
    ];
    pages = await crawl(app, extra);
  }, 240_000);
  afterAll(async () => app?.close());

  it("reaches every kind of public page: programs, publications, desa lists, objection forms, open data, errors", () => {
    const urls = pages.map((p) => p.url);
    for (const pattern of [
      /\/program\//,
      /\/publikasi\/[^/]+$/,
      /\/desa\//,
      /GET \/publik\/sanggah\//,
      /data\.csv/,
      /data\.json/,
      /snapshot\.json/,
      /kamus/,
      /catalog\.jsonld/,
      /package_show/,
      /\/publik\/cek/,
    ])
      expect(
        urls.some((u) => pattern.test(u)),
        String(pattern),
      ).toBe(true);
    expect(pages.some((p) => p.status === 404)).toBe(true);
    expect(
      pages.find((p) => p.url.startsWith("POST /publik/cek") && p.body.includes("<table")),
    ).toBeDefined();
    expect(pages.length).toBeGreaterThan(50);
  });

  it("finds no demo person's NIK, KK, phone, birth date, street address or full name on any public route", () => {
    const hits: (Leak & { url: string })[] = [];
    for (const page of pages)
      for (const leak of scanForLeaks(page.body, index)) {
        // The one exception: a person who proved NIK and check code sees their own decree line (the inclusion
        // proof carries the annex line with their name). Anyone else's name, or any number, is still a leak.
        const ownProof =
          page.url.startsWith("POST /publik/cek") && leak.kind === "name" && leak.value === known.name;
        if (!ownProof) hits.push({ ...leak, url: page.url });
      }
    expect(hits.slice(0, 20)).toEqual([]);
  });

  it("keeps every public page under 50 KB transferred", () => {
    const htmlPages = pages.filter((p) => p.type.startsWith("text/html"));
    const largest = Math.max(...htmlPages.map((p) => p.transferred));
    console.log(
      `crawled ${pages.length} responses (${htmlPages.length} HTML); largest HTML page ${largest} B transferred`,
    );
    const heavy = htmlPages.filter((p) => p.transferred >= PAGE_LIMIT);
    expect(heavy.map((p) => `${p.url} ${p.transferred}`)).toEqual([]);
  });

  it("fails when a leak is planted: a full name and a NIK put into a published list are found", async () => {
    const cache = portalOf(salur()).cache;
    const sanggah = cache.all().find((p) => p.snapshot.kind === "sanggah");
    if (!sanggah) throw new Error("the demo has no sanggah list");
    const original = sanggah.snapshot;
    const [first, ...rest] = original.entries;
    if (!first) throw new Error("empty list");
    cache.replaceSnapshotForTest(sanggah.id, {
      ...original,
      entries: [{ ...first, name: `${known.name} ${known.nik}` }, ...rest],
    });
    try {
      const planted = await crawl(app, []);
      const kinds = new Set(planted.flatMap((p) => scanForLeaks(p.body, index)).map((l) => l.kind));
      expect(kinds).toEqual(new Set(["name", "number"]));
    } finally {
      cache.replaceSnapshotForTest(sanggah.id, original);
    }
  }, 120_000);
});
