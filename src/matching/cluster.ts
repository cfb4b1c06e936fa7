/**
 * Clustering linked pairs into persons: connected components, built edge by edge from the strongest link down,
 * with a guard against chaining. Plain connected components let one doubtful link join two real people's
 * records (A~B, B~C, so A=C even when A and C disagree on everything). Here two groups merge only if every
 * record of one is at least plausible (`compatible`) with every record of the other; otherwise the weaker
 * link is dropped. Edges are taken in (weight, canonical rank) order, so the result is the same for any input
 * order.
 */

export interface ClusterInput {
  recordCount: number;
  /** Canonical rank of every record (see order.ts). */
  rank: Int32Array;
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
  /**
   * Whether records x and y may belong to the same person; called for every cross pair of two groups about to
   * merge through a scored link, except when both are single records (the link itself must then be compatible).
   */
  compatible(x: number, y: number): boolean;
  /**
   * Links with infinite weight are decisions ("same person"), not scores: they merge unless a cross pair is
   * forbidden (decided "different people"); the score-based guard does not overrule a coordinator.
   */
  forbidden?(x: number, y: number): boolean;
}

export interface Clustering {
  /** Cluster number (0-based) of every record, numbered by each cluster's lowest canonical rank. */
  clusterOf: Int32Array;
  clusterCount: number;
  /** Links not followed because the guard found an implausible pair between the two groups. */
  rejectedMerges: number;
  /**
   * Each scored link the guard refused, with the pair that made it refuse (x in one group, y in the other):
   * such a link goes to a coordinator's review rather than being dropped.
   */
  refused: RefusedLink[];
  largestCluster: number;
}

export interface RefusedLink {
  /** Index of the link in the input arrays. */
  edge: number;
  conflictX: number;
  conflictY: number;
}

export function clusterRecords(input: ClusterInput): Clustering {
  const n = input.recordCount;
  const edges = input.a.length;
  const { a, b, weight, rank } = input;
  const order = new Int32Array(edges);
  for (let e = 0; e < edges; e++) order[e] = e;
  order.sort((x, y) => {
    const wx = weight[x] as number;
    const wy = weight[y] as number;
    if (wx !== wy) return wy - wx;
    const ax = rank[a[x] as number] as number;
    const ay = rank[a[y] as number] as number;
    if (ax !== ay) return ax - ay;
    return (rank[b[x] as number] as number) - (rank[b[y] as number] as number);
  });

  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  // Members of each group as a circular linked list, so a merge walks both groups without allocating.
  const nextMember = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    parent[i] = i;
    nextMember[i] = i;
  }
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[x] !== root) {
      const up = parent[x] as number;
      parent[x] = root;
      x = up;
    }
    return root;
  };

  let rejectedMerges = 0;
  const refused: RefusedLink[] = [];
  let conflictX = -1;
  let conflictY = -1;
  for (let k = 0; k < edges; k++) {
    const e = order[k] as number;
    const rootA = find(a[e] as number);
    const rootB = find(b[e] as number);
    if (rootA === rootB) continue;
    const decided = weight[e] === Number.POSITIVE_INFINITY;
    // Two single records joined by a scored link: the link is the only pair and already passes the guard.
    const checkAll = decided || (size[rootA] as number) > 1 || (size[rootB] as number) > 1;
    let plausible = true;
    let x = checkAll ? rootA : -1;
    if (x !== -1)
      do {
        let y = rootB;
        do {
          if (decided ? input.forbidden?.(x, y) === true : !input.compatible(x, y)) {
            plausible = false;
            conflictX = x;
            conflictY = y;
            break;
          }
          y = nextMember[y] as number;
        } while (y !== rootB);
        x = nextMember[x] as number;
      } while (plausible && x !== rootA);
    if (!plausible) {
      rejectedMerges++;
      if (!decided) refused.push({ edge: e, conflictX, conflictY });
      continue;
    }
    const [big, small] = (size[rootA] as number) >= (size[rootB] as number) ? [rootA, rootB] : [rootB, rootA];
    parent[small] = big;
    size[big] = (size[big] as number) + (size[small] as number);
    const held = nextMember[big] as number;
    nextMember[big] = nextMember[small] as number;
    nextMember[small] = held;
  }

  const byRank = new Int32Array(n);
  for (let i = 0; i < n; i++) byRank[rank[i] as number] = i;
  const clusterOfRoot = new Int32Array(n).fill(-1);
  const clusterOf = new Int32Array(n);
  let clusterCount = 0;
  let largestCluster = n > 0 ? 1 : 0;
  for (let r = 0; r < n; r++) {
    const i = byRank[r] as number;
    const root = find(i);
    if (clusterOfRoot[root] === -1) {
      clusterOfRoot[root] = clusterCount++;
      largestCluster = Math.max(largestCluster, size[root] as number);
    }
    clusterOf[i] = clusterOfRoot[root] as number;
  }
  return { clusterOf, clusterCount, rejectedMerges, refused, largestCluster };
}
