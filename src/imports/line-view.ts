import type { ReconciliationCategory } from "./codes.ts";
import type { ConflictField } from "./reconcile.ts";

/** One reconciliation line as the screens and the exports show it, each side disclosed for the caller. */
export interface LineView {
  id: string;
  category: ReconciliationCategory;
  centralRow: number | null;
  central: {
    name: string | null;
    nik: string | null;
    kk: string | null;
    birthDate: string | null;
    birthYear: number | null;
    sex: string | null;
    address: string | null;
    village: { code: string; name: string } | null;
    rt: string | null;
    rw: string | null;
  } | null;
  person: {
    id: string;
    name: string;
    nik: string | null;
    kk: string | null;
    birthDate: string | null;
    birthYear: number | null;
    sex: string;
    address: string | null;
    village: { code: string; name: string };
    rt: string | null;
    rw: string | null;
  } | null;
  village: { code: string; name: string } | null;
  rt: string | null;
  probability: number | null;
  conflicts: ConflictField[];
  evidence: Record<string, unknown> | null;
  decision: string | null;
  decisionReason: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  allowedDecisions: string[];
  version: number;
}
