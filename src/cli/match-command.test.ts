import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateLinkageDataset } from "../demo/index.ts";
import { type MatchSummary, runMatch } from "./match-command.ts";

let dir: string;
let summary: MatchSummary;
const read = (name: string) => readFile(join(dir, "out", name), "utf8");
const rows = async (name: string) =>
  (await read(name))
    .trim()
    .split("\n")
    .map((line) => line.split(","));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "salur-match-"));
  // A list with a BOM, columns in another order, an extra column, no source and no record_id column,
  // dates written DD/MM/YYYY: the same woman as in the second list, her NIK spoilt by a spreadsheet.
  await writeFile(
    join(dir, "dinsos.csv"),
    "\uFEFFName,NIK,birth_date,Sex,catatan,village_code\n" +
      'Hj. Siti Aminah,6401054507880003,05/07/1988,P,"lansia, sakit",64.01.05.2001\n' +
      "Bambang Sutrisno,6402011203950001,12-03-1995,L,,64.02.01.2001\n",
  );
  await writeFile(
    join(dir, "central.csv"),
    "source,record_id,name,nik,birth_date,sex,village_code\n" +
      "DTKS,A-1,SITI AMINAH,6401054507880000,1988-07-05,P,6401052001\n" +
      "DTKS,A-2,Rahmat Hidayat,6401061010700001,1970-10-10,L,6401062001\n",
  );
  // Enough lists for the model to learn from.
  const demo = generateLinkageDataset({ seed: 3, records: 2000, sources: 3 });
  const header = "source,record_id,nik,kk,name,birth_date,sex,village_code,rt,rw,phone,address,birth_place";
  const csv = (value: string | null) =>
    value === null ? "" : /[",]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  await writeFile(
    join(dir, "demo.csv"),
    `${header}\n${demo.records
      .map((r) =>
        [
          r.source,
          r.recordId,
          r.nik,
          r.kk,
          r.name,
          r.birthDate,
          r.sex,
          r.villageCode,
          r.rt,
          r.rw,
          r.phone,
          r.address,
          r.birthPlace,
        ]
          .map(csv)
          .join(","),
      )
      .join("\n")}\n`,
  );
  summary = await runMatch([join(dir, "dinsos.csv"), join(dir, "central.csv"), join(dir, "demo.csv")], {
    out: join(dir, "out"),
    progress: false,
  });
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("salur match", () => {
  it("writes every input record to clusters.csv exactly once", async () => {
    const clusters = await rows("clusters.csv");
    expect(clusters[0]).toEqual(["source", "record_id", "cluster_id"]);
    const keys = clusters.slice(1).map(([source, id]) => `${source}/${id}`);
    expect(keys).toHaveLength(summary.records);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("takes the source from the file name and the record id from the row number when the columns are absent", async () => {
    const clusters = await rows("clusters.csv");
    expect(clusters[1]?.slice(0, 2)).toEqual(["dinsos", "1"]);
    expect(clusters[2]?.slice(0, 2)).toEqual(["dinsos", "2"]);
    expect(clusters[3]?.slice(0, 2)).toEqual(["DTKS", "A-1"]);
  });

  it("puts the same person from two lists into one cluster despite titles, case, date format and a zeroed NIK", async () => {
    const clusters = await rows("clusters.csv");
    const clusterOf = (source: string, id: string) =>
      clusters.find((r) => r[0] === source && r[1] === id)?.[2];
    expect(clusterOf("dinsos", "1")).toBe(clusterOf("DTKS", "A-1"));
    expect(clusterOf("dinsos", "2")).not.toBe(clusterOf("DTKS", "A-2"));
  });

  it("lists linked and review pairs with probability, weight and the level of every compared field", async () => {
    const pairs = await rows("pairs.csv");
    expect(pairs[0]).toEqual([
      "source_a",
      "record_id_a",
      "source_b",
      "record_id_b",
      "match_probability",
      "match_weight",
      "nik_level",
      "name_level",
      "birth_date_level",
      "sex_level",
      "birth_place_level",
      "village_level",
      "rt_rw_level",
      "address_level",
      "kk_level",
      "phone_level",
      "other_id_level",
      "postcode_level",
      "decision",
      "reason",
    ]);
    const siti = pairs.find((p) => p.includes("dinsos") && p.includes("A-1"));
    expect(siti?.slice(6, 10), siti?.join(",")).toEqual(["spreadsheet_zeroed", "exact", "exact", "same"]);
    expect(Number(siti?.[4])).toBeGreaterThan(0.9);
    expect(pairs.length - 1).toBe(summary.pairs.written);
  });

  it("writes the same result whether the CSV is parsed on a worker thread or on this one", async () => {
    const here = join(dir, "here");
    await runMatch([join(dir, "dinsos.csv"), join(dir, "central.csv"), join(dir, "demo.csv")], {
      out: here,
      progress: false,
      parseInWorker: false,
    });
    expect(await readFile(join(here, "clusters.csv"), "utf8")).toBe(await read("clusters.csv"));
    expect(await readFile(join(here, "pairs.csv"), "utf8")).toBe(await read("pairs.csv"));
  });

  it("refuses a missing file and impossible thresholds with coded errors", async () => {
    const out = join(dir, "never");
    await expect(runMatch([join(dir, "absent.csv")], { out, progress: false })).rejects.toMatchObject({
      code: "MATCH_INPUT_NOT_FOUND",
    });
    await expect(
      runMatch([join(dir, "dinsos.csv")], { out, progress: false, matchThreshold: 1.5 }),
    ).rejects.toMatchObject({ code: "MATCH_THRESHOLD_INVALID" });
    await expect(
      runMatch([join(dir, "dinsos.csv")], {
        out,
        progress: false,
        matchThreshold: 0.6,
        reviewThreshold: 0.8,
      }),
    ).rejects.toMatchObject({ code: "MATCH_THRESHOLDS_ORDER" });
  });

  it("handles a list with a header and no rows", async () => {
    await writeFile(join(dir, "empty.csv"), "name,nik\n");
    const result = await runMatch([join(dir, "empty.csv")], { out: join(dir, "empty"), progress: false });
    expect(result.records).toBe(0);
    expect((await readFile(join(dir, "empty", "clusters.csv"), "utf8")).trim()).toBe(
      "source,record_id,cluster_id",
    );
  });

  it("summarises counts, stage timings, peak memory and the trained parameters", async () => {
    const written = JSON.parse(await read("summary.json")) as MatchSummary;
    expect(written.records).toBe(2004);
    expect(written.sources).toMatchObject({ dinsos: 2, DTKS: expect.any(Number) });
    expect(Object.keys(written.timingsMs)).toEqual(
      expect.arrayContaining([
        "read",
        "normalise",
        "block",
        "compare",
        "train",
        "score",
        "cluster",
        "write",
        "total",
      ]),
    );
    expect(written.peakMemory.rssBytes).toBeGreaterThan(0);
    expect(written.model.factors.find((f) => f.factor === "name")?.levels[1]).toMatchObject({
      level: "exact",
    });
    expect(written.clusters.count).toBeLessThan(written.records);
  });
});

describe("salur match warnings", () => {
  it("reports unknown columns, rejected NIK values and too few blocking rules instead of ignoring them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "salur-match-warn-"));
    try {
      const file = join(dir, "posyandu.csv");
      await writeFile(
        file,
        "name,birth_date,nik,kode_posyandu\nSiti Aminah,1988-07-05,12345,P1\nSiti Aminah,1988-07-05,,P1\n",
      );
      const summary = await runMatch([file], {
        out: join(dir, "out"),
        progress: false,
        parseInWorker: false,
      });
      const codes = summary.warnings.map((w) => w.code);
      expect(summary.warnings).toContainEqual({
        code: "MATCH_UNKNOWN_COLUMNS",
        file,
        columns: ["kode_posyandu"],
      });
      expect(summary.warnings).toContainEqual({ code: "MATCH_NIK_REJECTED", records: 1 });
      expect(codes).toContain("MATCH_FEW_BLOCKING_RULES");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reads other_id and kode pos and links on another identifier when the name is damaged", async () => {
    const dir = await mkdtemp(join(tmpdir(), "salur-match-other-"));
    try {
      const file = join(dir, "gereja.csv");
      await writeFile(
        file,
        [
          "name,birth_date,address,kode_pos,other_id",
          "Yohanes Lewi,1961-02-14,Jl. Pelita 4 Long Kali,76283,ANG-00417",
          "Yohanis Lewie,1961-02-14,Jl Pelita No 4 Long Kali,76283,ang 00417",
          "Yohanes Lewi,1993-11-02,Gg. Mawar 12 Tanah Grogot,76211,ANG-00993",
        ].join("\n"),
      );
      const out = join(dir, "out");
      const summary = await runMatch([file], { out, progress: false, parseInWorker: false });
      expect(summary.warnings.filter((w) => w.code === "MATCH_UNKNOWN_COLUMNS")).toEqual([]);
      expect(summary.blocking.find((r) => r.rule === "other_id")?.pairs).toBe(1);
      const clusters = (await readFile(join(out, "clusters.csv"), "utf8")).trim().split("\n").slice(1);
      const clusterOf = clusters.map((line) => line.slice(line.lastIndexOf(",") + 1));
      expect(clusterOf[0]).toBe(clusterOf[1]);
      expect(clusterOf[2]).not.toBe(clusterOf[0]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
