import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConfirmationAnswer, ConfirmationChannel } from "./codes.ts";
import { type ConfirmedLine, DEFAULT_DETECTOR_SETTINGS, detectSkimming, testAreas } from "./detector.ts";

const PAID = 600_000;

function line(
  desa: string,
  rw: string,
  answer: ConfirmationAnswer,
  received: number | null,
  channel: ConfirmationChannel = "verification",
  rt = "001",
): ConfirmedLine {
  return {
    kecamatan: desa.slice(0, 8),
    desa,
    rw,
    rt,
    point: `${desa}@1`,
    officer: `${desa.slice(0, 8)}#0`,
    paid: PAID,
    answer,
    received,
    channel,
  };
}

/** A regency of `desaCount` desa with `perDesa` honest answers each, a few honest shortfalls sprinkled in. */
function honestRegency(desaCount: number, perDesa: number): ConfirmedLine[] {
  const lines: ConfirmedLine[] = [];
  for (let d = 0; d < desaCount; d++) {
    const desa = `64.01.05.${2000 + d}`;
    for (let i = 0; i < perDesa; i++) {
      const rw = `00${1 + (i % 3)}`;
      // One honest misremembered amount every 40 answers: a 2.5 % baseline.
      if (i % 40 === 7) lines.push(line(desa, rw, "received_less", PAID - 7_000 * (1 + (d % 5))));
      else lines.push(line(desa, rw, "received_full", PAID));
    }
  }
  return lines;
}

const cutRw = (desa: string, count: number, cut: number, channel: ConfirmationChannel = "verification") =>
  Array.from({ length: count }, () => line(desa, "009", "received_less", PAID - cut, channel));

describe("skimming detector", () => {
  it("flags an RW where every recipient is Rp50.000 short, with its evidence and no person in it", () => {
    const flags = detectSkimming([...honestRegency(40, 80), ...cutRw("64.01.05.2003", 8, 50_000)]);
    const rw = flags.find((f) => f.level === "rw");
    expect(rw?.area).toBe("64.01.05.2003/009");
    expect(rw?.test).toBe("binomial_repeated_round_amount");
    expect(rw?.evidence).toMatchObject({
      confirmations: 8,
      shortfalls: 8,
      commonDeduction: 50_000,
      commonDeductionCount: 8,
      paid: 8 * PAID,
      received: 8 * (PAID - 50_000),
    });
    expect(rw?.pValue).toBeLessThan(1e-6);
    expect(Object.keys(rw ?? {}).sort()).toEqual([
      "area",
      "desa",
      "evidence",
      "level",
      "pValue",
      "qValue",
      "test",
    ]);
  });

  it.each([
    ["four shortfalls are below the minimum", 4, "verification", false],
    ["five shortfalls are enough", 5, "verification", true],
    ["officer-recorded shortfalls are weaker evidence and never tested", 12, "officer", false],
    ["portal self-reports count like the verification sample", 6, "portal", true],
  ] as const)("%s", (_, count, channel, flagged) => {
    const flags = detectSkimming([
      ...honestRegency(40, 80),
      ...cutRw("64.01.05.2003", count, 50_000, channel),
    ]);
    expect(flags.some((f) => f.level === "rw" && f.area === "64.01.05.2003/009")).toBe(flagged);
  });

  it("shows officer-recorded answers beside the test without counting them in it", () => {
    const lines = [
      ...honestRegency(20, 60),
      ...cutRw("64.01.05.2003", 6, 50_000),
      ...cutRw("64.01.05.2003", 3, 50_000, "officer"),
    ];
    const rw = testAreas(lines).find((t) => t.level === "rw" && t.area === "64.01.05.2003/009");
    expect(rw?.evidence).toMatchObject({ confirmations: 6, officerConfirmations: 3, officerShortfalls: 3 });
  });

  it("leaves refusals out of the test and counts them", () => {
    const lines = [
      ...honestRegency(20, 60),
      ...cutRw("64.01.05.2003", 6, 50_000),
      line("64.01.05.2003", "009", "refused", null),
    ];
    const rw = testAreas(lines).find((t) => t.level === "rw" && t.area === "64.01.05.2003/009");
    expect(rw?.evidence).toMatchObject({ confirmations: 6, refused: 1 });
  });

  it("raises no flag on an honest regency whatever its size", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 60 }),
        fc.integer({ min: 10, max: 120 }),
        (desaCount, perDesa) => {
          expect(detectSkimming(honestRegency(desaCount, perDesa))).toEqual([]);
        },
      ),
      { numRuns: 8 },
    );
  });

  it("never flags an area with fewer shortfalls than the minimum", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 200 }), (count, cut) => {
        const flags = detectSkimming([
          ...honestRegency(10, 40),
          ...cutRw("64.01.05.2003", count, cut * 1_000),
        ]);
        for (const f of flags)
          expect(f.evidence.shortfalls).toBeGreaterThanOrEqual(DEFAULT_DETECTOR_SETTINGS.minimumShortfalls);
      }),
      { numRuns: 40 },
    );
  });
});
