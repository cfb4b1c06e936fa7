import { createHash } from "node:crypto";

/**
 * RFC 6962 / RFC 9162 Merkle tree over the audit entries: leaf = SHA-256(0x00 || entry document), node =
 * SHA-256(0x01 || left || right). The same construction Certificate Transparency uses, so a witness can check an
 * inclusion proof with any SHA-256. The "frontier" (the roots of the perfect subtrees that make up a tree of
 * size n, one per set bit of n) lets the log keep its root up to date in O(log n) per appended entry.
 */
const sha256 = (...parts: (Uint8Array | string)[]) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
};

export function leafHash(document: string | Uint8Array): Buffer {
  return sha256(Buffer.from([0]), typeof document === "string" ? Buffer.from(document, "utf8") : document);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return sha256(Buffer.from([1]), left, right);
}

export const EMPTY_ROOT = sha256().toString("hex");

function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH(D[n]) as RFC 6962 §2.1 defines it (hashes of leaves given). */
export function merkleRoot(leaves: readonly Uint8Array[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return Buffer.from(leaves[0] as Uint8Array);
  const k = largestPowerOfTwoBelow(leaves.length);
  return nodeHash(merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

/** Appends one leaf to the frontier of a tree of `size` leaves (hex strings, largest subtree first). */
export function appendToFrontier(frontier: readonly string[], size: number, leaf: Uint8Array): string[] {
  const peaks = [...frontier];
  let node: Buffer = Buffer.from(leaf);
  let remaining = size;
  while (remaining & 1) {
    const left = peaks.pop();
    if (left === undefined) throw new Error("frontier does not match the tree size");
    node = nodeHash(Buffer.from(left, "hex"), node);
    remaining = Math.floor(remaining / 2);
  }
  peaks.push(node.toString("hex"));
  return peaks;
}

export function frontierRoot(frontier: readonly string[]): string {
  if (frontier.length === 0) return EMPTY_ROOT;
  let root: Buffer = Buffer.from(frontier[frontier.length - 1] as string, "hex");
  for (let i = frontier.length - 2; i >= 0; i--)
    root = nodeHash(Buffer.from(frontier[i] as string, "hex"), root);
  return root.toString("hex");
}

/** PATH(m, D[n]) of RFC 6962 §2.1.1: the sibling hashes from leaf `index` up to the root. */
export function inclusionProof(leaves: readonly Uint8Array[], index: number): Buffer[] {
  if (index < 0 || index >= leaves.length)
    throw new RangeError(`leaf ${index} is not in a tree of ${leaves.length}`);
  if (leaves.length === 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  return index < k
    ? [...inclusionProof(leaves.slice(0, k), index), merkleRoot(leaves.slice(k))]
    : [...inclusionProof(leaves.slice(k), index - k), merkleRoot(leaves.slice(0, k))];
}

/** RFC 9162 §2.1.3.2: does `path` lead from the leaf at `index` to `root` in a tree of `size` leaves? */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  path: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(Buffer.from(root));
}

/** A tree over fixed leaves whose subtree roots are computed once and kept, so each further path costs O(log n). */
export interface MerkleTree {
  readonly size: number;
  root(): Buffer;
  /** PATH(m, D[n]) of RFC 6962 §2.1.1, as inclusionProof gives it. */
  path(index: number): Buffer[];
}

export function merkleTree(leaves: readonly Uint8Array[]): MerkleTree {
  const roots = new Map<string, Buffer>();
  const rootOf = (start: number, end: number): Buffer => {
    const key = `${start}:${end}`;
    let root = roots.get(key);
    if (!root) {
      const n = end - start;
      if (n === 1) root = Buffer.from(leaves[start] as Uint8Array);
      else {
        const k = largestPowerOfTwoBelow(n);
        root = nodeHash(rootOf(start, start + k), rootOf(start + k, end));
      }
      roots.set(key, root);
    }
    return root;
  };
  const path = (start: number, end: number, index: number): Buffer[] => {
    const n = end - start;
    if (n === 1) return [];
    const k = largestPowerOfTwoBelow(n);
    return index < start + k
      ? [...path(start, start + k, index), rootOf(start + k, end)]
      : [...path(start + k, end, index), rootOf(start, start + k)];
  };
  return {
    size: leaves.length,
    root: () => (leaves.length === 0 ? merkleRoot(leaves) : rootOf(0, leaves.length)),
    path(index) {
      if (index < 0 || index >= leaves.length)
        throw new RangeError(`leaf ${index} is not in a tree of ${leaves.length}`);
      return path(0, leaves.length, index);
    },
  };
}

/** PATH(m, D[n]) for many leaves at once: O(n + k log n) instead of O(k n). */
export function inclusionProofs(leaves: readonly Uint8Array[], indexes: readonly number[]): Buffer[][] {
  const tree = merkleTree(leaves);
  return indexes.map((index) => tree.path(index));
}
