import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  appendToFrontier,
  EMPTY_ROOT,
  frontierRoot,
  inclusionProof,
  leafHash,
  merkleRoot,
  merkleTree,
  nodeHash,
  verifyInclusion,
} from "./merkle.ts";

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafHash(`entry ${i}`));

describe("RFC 6962 Merkle tree", () => {
  it("hashes leaves with 0x00 and nodes with 0x01 (second-preimage protection)", () => {
    const a = leafHash("a");
    expect(a.toString("hex")).toBe(
      createHash("sha256")
        .update(Buffer.from([0]))
        .update("a")
        .digest("hex"),
    );
    const b = leafHash("b");
    expect(nodeHash(a, b).toString("hex")).toBe(
      createHash("sha256")
        .update(Buffer.from([1]))
        .update(a)
        .update(b)
        .digest("hex"),
    );
    expect(merkleRoot([]).toString("hex")).toBe(EMPTY_ROOT);
  });

  it("splits at the largest power of two below n, as the RFC defines (5 leaves)", () => {
    const [l0, l1, l2, l3, l4] = leaves(5) as [Buffer, Buffer, Buffer, Buffer, Buffer];
    const expected = nodeHash(nodeHash(nodeHash(l0, l1), nodeHash(l2, l3)), l4);
    expect(merkleRoot([l0, l1, l2, l3, l4])).toEqual(expected);
  });

  it("keeps the same root incrementally through the frontier as from all leaves", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), (n) => {
        const all = leaves(n);
        let frontier: string[] = [];
        all.forEach((leaf, size) => {
          frontier = appendToFrontier(frontier, size, leaf);
        });
        expect(frontierRoot(frontier)).toBe(merkleRoot(all).toString("hex"));
        expect(frontier.length).toBe(n.toString(2).replace(/0/g, "").length);
      }),
    );
  });

  it("proves the inclusion of every leaf, and no proof survives a changed leaf, index or root", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 130 }), fc.nat(), (n, pick) => {
        const all = leaves(n);
        const root = merkleRoot(all);
        const index = pick % n;
        const path = inclusionProof(all, index);
        expect(verifyInclusion(all[index] as Buffer, index, n, path, root)).toBe(true);
        expect(verifyInclusion(leafHash("forged"), index, n, path, root)).toBe(false);
        if (n > 1) expect(verifyInclusion(all[index] as Buffer, (index + 1) % n, n, path, root)).toBe(false);
        expect(verifyInclusion(all[index] as Buffer, index, n, path, leafHash("other root"))).toBe(false);
      }),
    );
  });

  it("keeps a tree whose root and paths are the recursive definition's, for every leaf", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), (n) => {
        const all = leaves(n);
        const tree = merkleTree(all);
        expect(tree.root().equals(merkleRoot(all))).toBe(true);
        for (let index = 0; index < n; index++) expect(tree.path(index)).toEqual(inclusionProof(all, index));
        expect(() => tree.path(n)).toThrow(RangeError);
      }),
    );
  });
});
