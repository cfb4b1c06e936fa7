import { describe, expect, it } from "vitest";
import { checkCodeFromDigest, formatCheckCode, normaliseCheckCode, sameCode } from "./check-code.ts";
import { publicName } from "./names.ts";
import { buildSnapshot, canonicalSnapshot, type SnapshotSource } from "./snapshot.ts";
import { suppressGroup, suppressTotal } from "./suppression.ts";

describe("public names", () => {
  it.each([
    ["Budi Santoso Wijaya", "first_name_initials", "Budi S. W."],
    ["Sumarni", "first_name_initials", "Sumarni"],
    ["M. Ali Rahman", "first_name_initials", "M. Ali R."],
    ["Siti Nur Aisyah", "initials", "S. N. A."],
    ["  andi   baso ", "first_name_initials", "andi B."],
  ] as const)("shows %s as %s → %s", (name, policy, shown) => {
    expect(publicName(name, policy)).toBe(shown);
  });
});

describe("small-cell suppression", () => {
  it("withholds counts of 1 to 4, keeps zero, and withholds a second cell so the first cannot be subtracted", () => {
    expect(suppressGroup([3, 10, 7, 0], [30, 100, 70, 0])).toEqual([
      { count: null, amount: null },
      { count: 10, amount: 100 },
      { count: null, amount: null },
      { count: 0, amount: 0 },
    ]);
    expect(suppressGroup([2, 4, 9], [2, 4, 9]).map((c) => c.count)).toEqual([null, null, 9]);
    expect(suppressTotal(4, 40)).toEqual({ count: null, amount: null });
    expect(suppressTotal(5, 50)).toEqual({ count: 5, amount: 50 });
  });
});

describe("check codes", () => {
  it("are 8 characters without look-alikes, typed in any case and with a dash", () => {
    const code = checkCodeFromDigest("a1".repeat(32));
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(normaliseCheckCode(formatCheckCode(code).toLowerCase())).toBe(code);
    expect(sameCode(code, code)).toBe(true);
    expect(sameCode(code, `${code.slice(0, 7)}X`)).toBe(code.endsWith("X"));
  });
});

describe("snapshots", () => {
  const source: SnapshotSource = {
    kind: "sanggah",
    regency: { code: "64.01", name: "Paser" },
    program: {
      code: "P",
      name: "Program",
      agency: "Dinas",
      kind: "cash",
      target: "person",
      amountPerRecipient: 100,
      budget: 10_000,
      quota: 100,
    },
    period: { name: "Tahap 1", startsOn: "2026-01-01", endsOn: "2026-06-30" },
    preparedAt: "2026-11-25T00:00:00.000Z",
    namePolicy: "first_name_initials",
    objectionDays: 7,
    villages: [
      { code: "64.01.01.2001", name: "A", districtCode: "64.01.01", districtName: "K1" },
      { code: "64.01.01.2002", name: "B", districtCode: "64.01.01", districtName: "K1" },
      { code: "64.01.02.2001", name: "C", districtCode: "64.01.02", districtName: "K2" },
    ],
    statusCounts: [
      { villageCode: "64.01.01.2001", status: "selected", count: 12 },
      { villageCode: "64.01.01.2002", status: "selected", count: 2 },
      { villageCode: "64.01.02.2001", status: "paid", count: 6 },
    ],
    listed: [
      {
        ref: "r1",
        villageCode: "64.01.01.2001",
        fullName: "Budi Santoso",
        rt: "001",
        rw: "002",
        business: null,
      },
    ],
  };

  it("counts every stage reached, suppresses small cells, masks names, and hashes the canonical JSON the same every time", () => {
    const s = buildSnapshot(source);
    expect(s.totals.proposed).toEqual({ count: 20, amount: 2_000 });
    expect(s.totals.paid).toEqual({ count: 6, amount: 600 });
    const k1 = s.districts.find((d) => d.code === "64.01.01");
    expect(k1?.villages.map((v) => v.figures.proposed.count)).toEqual([null, null]);
    expect(k1?.figures.proposed.count).toBe(14);
    expect(s.entries[0]?.name).toBe("Budi S.");
    expect(JSON.stringify(s)).not.toContain("Santoso");
    const a = canonicalSnapshot(s);
    const b = canonicalSnapshot(buildSnapshot({ ...source, villages: [...source.villages] }));
    expect(a.sha256).toBe(b.sha256);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("publishes leakage over confirmed lines, withholding a kecamatan under 5 answers and its pair", () => {
    expect(buildSnapshot(source).receipts).toBeUndefined();
    const three = [
      ...source.villages,
      { code: "64.01.03.2001", name: "D", districtCode: "64.01.03", districtName: "K3" },
    ];
    const s = buildSnapshot({
      ...source,
      villages: three,
      receiptTotals: [
        { districtCode: "64.01.01", confirmed: 12, paid: 1_200, received: 1_140 },
        { districtCode: "64.01.02", confirmed: 3, paid: 300, received: 250 },
        { districtCode: "64.01.03", confirmed: 6, paid: 600, received: 600 },
      ],
    });
    // 21 answered, Rp110 of Rp2.100 missing; K2 (3 answers) is withheld, and K3 with it, so K2 cannot be recovered.
    expect(s.receipts?.confirmed).toBe(21);
    expect(s.receipts?.leakage).toBe(0.0524);
    expect(s.receipts?.districts).toEqual([
      { code: "64.01.01", name: "K1", confirmed: 12, leakage: 0.05 },
      { code: "64.01.02", name: "K2", confirmed: null, leakage: null },
      { code: "64.01.03", name: "K3", confirmed: null, leakage: null },
    ]);
    const few = buildSnapshot({
      ...source,
      receiptTotals: [{ districtCode: "64.01.02", confirmed: 4, paid: 400, received: 200 }],
    });
    expect(few.receipts).toMatchObject({ confirmed: null, leakage: null });
  });
});
