import { describe, expect, it } from "vitest";
import { clusterRecords } from "./cluster.ts";

function run(
  recordCount: number,
  links: [number, number, number][],
  incompatible: [number, number][] = [],
  rank = Int32Array.from({ length: recordCount }, (_, i) => i),
  forbidden: [number, number][] = [],
) {
  const apart = new Set(forbidden.map(([x, y]) => `${Math.min(x, y)}-${Math.max(x, y)}`));
  const blocked = new Set(incompatible.map(([x, y]) => `${Math.min(x, y)}-${Math.max(x, y)}`));
  const asked: string[] = [];
  const result = clusterRecords({
    recordCount,
    rank,
    a: Int32Array.from(links, (l) => l[0]),
    b: Int32Array.from(links, (l) => l[1]),
    weight: Float64Array.from(links, (l) => l[2]),
    compatible: (x, y) => {
      asked.push(`${Math.min(x, y)}-${Math.max(x, y)}`);
      return !blocked.has(`${Math.min(x, y)}-${Math.max(x, y)}`);
    },
    forbidden: (x, y) => apart.has(`${Math.min(x, y)}-${Math.max(x, y)}`),
  });
  return { ...result, asked, groups: Array.from(result.clusterOf) };
}

describe("clustering linked records into persons", () => {
  it("joins records connected through links into one person", () => {
    const { groups, clusterCount } = run(5, [
      [0, 1, 20],
      [1, 2, 15],
      [3, 4, 12],
    ]);
    expect(groups).toEqual([0, 0, 0, 1, 1]);
    expect(clusterCount).toBe(2);
  });

  it("keeps unlinked records as persons of their own", () => {
    expect(run(3, []).groups).toEqual([0, 1, 2]);
  });

  it("refuses to chain a record onto a group when it is implausible with any member", () => {
    // A–B strong, B–C weaker, but A and C disagree on everything: C must not join A through B.
    const { groups, rejectedMerges } = run(
      3,
      [
        [0, 1, 30],
        [1, 2, 8],
      ],
      [[0, 2]],
    );
    expect(groups[0]).toBe(groups[1]);
    expect(groups[2]).not.toBe(groups[0]);
    expect(rejectedMerges).toBe(1);
  });

  it("hands back each refused link with the pair that made the guard refuse it", () => {
    const { refused } = run(
      3,
      [
        [0, 1, 30],
        [1, 2, 8],
      ],
      [[0, 2]],
    );
    expect(refused).toEqual([{ edge: 1, conflictX: 0, conflictY: 2 }]);
  });

  it("lets the stronger link decide which group a contested record joins", () => {
    // Record 2 links to both 0 and 3, which are incompatible; the stronger link (to 3) wins.
    const { groups } = run(
      4,
      [
        [0, 1, 25],
        [0, 2, 9],
        [2, 3, 14],
      ],
      [
        [0, 3],
        [1, 3],
      ],
    );
    expect(groups[2]).toBe(groups[3]);
    expect(groups[0]).toBe(groups[1]);
    expect(groups[0]).not.toBe(groups[2]);
  });

  it("does not ask the guard about a link between two single records", () => {
    const { asked } = run(2, [[0, 1, 10]], [[0, 1]]);
    expect(asked).toEqual([]);
  });

  it("numbers clusters by their lowest canonical rank, not by input position", () => {
    const rank = Int32Array.from([3, 2, 1, 0]);
    const { groups } = run(4, [[0, 1, 10]], [], rank);
    // Record 3 has rank 0, so it is cluster 0; records 0 and 1 (ranks 3, 2) come after record 2 (rank 1).
    expect(groups).toEqual([2, 2, 1, 0]);
  });

  it("follows a coordinator's 'same person' decision even where the score-based guard would refuse", () => {
    const decided = Number.POSITIVE_INFINITY;
    const { groups } = run(
      3,
      [
        [0, 1, decided],
        [1, 2, decided],
      ],
      [[0, 2]],
    );
    expect(new Set(groups).size).toBe(1);
  });

  it("never joins groups that hold a pair decided 'different people'", () => {
    const decided = Number.POSITIVE_INFINITY;
    const { groups } = run(
      3,
      [
        [0, 1, decided],
        [1, 2, decided],
      ],
      [],
      undefined,
      [[0, 2]],
    );
    expect(groups[0]).toBe(groups[1]);
    expect(groups[2]).not.toBe(groups[0]);
  });

  it("reports the largest cluster", () => {
    expect(
      run(4, [
        [0, 1, 10],
        [1, 2, 10],
      ]).largestCluster,
    ).toBe(3);
  });
});
