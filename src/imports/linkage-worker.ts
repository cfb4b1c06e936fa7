/** `linkLists` on a worker thread: a large list's screening or reconciliation no longer stalls the server. */
import { onWorkerThread, runOnWorkerThread } from "../jobs/worker-thread.ts";
import type { LinkageRecord } from "../matching/index.ts";
import { type LinkedLists, linkLists } from "./linkage.ts";

const ROLE = "salur-link-lists";

interface LinkInput {
  left: readonly LinkageRecord[];
  right: readonly LinkageRecord[];
  options: { minProbability: number; keepSameNik?: boolean };
}

export function linkListsOnWorker(
  left: readonly LinkageRecord[],
  right: readonly LinkageRecord[],
  options: LinkInput["options"],
): Promise<LinkedLists> {
  return runOnWorkerThread<LinkInput, LinkedLists>(import.meta.url, ROLE, { left, right, options });
}

onWorkerThread<LinkInput, LinkedLists>(ROLE, ({ left, right, options }) => linkLists(left, right, options));
