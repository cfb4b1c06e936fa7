/**
 * A full comparison matrix given as numbers — how published examples and spreadsheets write AHP — checked and
 * turned into upper-triangle judgments. For each pair the entry >= 1 is taken as the judgment and its mirror
 * replaced by the exact reciprocal, so a printed 0.33 never stands in for 1/3; entries that are not reciprocal
 * within the tolerance are reported cell by cell instead of being silently averaged.
 */
import { z } from "zod";
import type { MessageParams } from "../i18n/index.ts";
import {
  analyzeComparisons,
  createComparisons,
  type Judgment,
  judgment,
  MAX_COMPARISON_SIZE,
  type PairwiseComparisons,
  type PriorityAnalysis,
  RANDOM_INDEX_TABLE_NAMES,
  type RandomIndexTableName,
} from "./ahp.ts";

export const matrixInputSchema = z.object({
  criteria: z.array(z.string().min(1)).min(1).max(MAX_COMPARISON_SIZE),
  matrix: z.array(z.array(z.number())),
});
export type MatrixInput = z.infer<typeof matrixInputSchema>;

/**
 * Published matrices print 1/7 as 0.14 and 1/8 as 0.13 (4 % off); 5 % accepts those and still rejects a 3
 * mirrored by a 3, or a 3 mirrored by 0.5.
 */
export const DEFAULT_RECIPROCITY_TOLERANCE = 0.05;

export interface InputIssue {
  code: string;
  params: MessageParams;
}

export type MatrixParse =
  | { ok: true; criteria: string[]; comparisons: PairwiseComparisons }
  | { ok: false; issues: InputIssue[] };

function fieldName(path: readonly PropertyKey[]): string {
  return (
    path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`))
      .join("")
      .replace(/^\./, "") || "(root)"
  );
}

function shapeIssue(issue: z.core.$ZodIssue): InputIssue {
  const field = fieldName(issue.path);
  switch (issue.code) {
    case "invalid_type":
      return { code: "AHP_INPUT_TYPE", params: { field, expected: String(issue.expected) } };
    case "too_small":
      return { code: "AHP_INPUT_TOO_SMALL", params: { field, minimum: String(issue.minimum) } };
    case "too_big":
      return { code: "AHP_INPUT_TOO_BIG", params: { field, maximum: String(issue.maximum) } };
    case "custom":
      // Our own checks carry the message code as the message and its parameters in `params`.
      return { code: issue.message, params: (issue.params ?? {}) as MessageParams };
    default:
      return { code: "AHP_INPUT_INVALID", params: { field } };
  }
}

const valid = (x: number) => Number.isFinite(x) && x > 0;

/** Duplicate names, size, squareness, positivity, the unit diagonal and reciprocity; cells named 1-based. */
export function matrixIssues(
  criteria: readonly string[],
  matrix: readonly (readonly number[])[],
  tolerance: number,
): InputIssue[] {
  const n = criteria.length;
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  for (const name of criteria) {
    if (seen.has(name)) issues.push({ code: "AHP_CRITERIA_DUPLICATE", params: { name } });
    seen.add(name);
  }
  if (matrix.length !== n) {
    issues.push({ code: "AHP_MATRIX_SIZE_MISMATCH", params: { rows: matrix.length, criteria: n } });
    return issues;
  }
  matrix.forEach((row, i) => {
    if (row.length !== n) {
      issues.push({
        code: "AHP_MATRIX_NOT_SQUARE",
        params: { row: i + 1, name: criteria[i], length: row.length, expected: n },
      });
    }
  });
  if (issues.length > 0) return issues;
  const cell = (i: number, j: number) => (matrix[i] as readonly number[])[j] as number;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = cell(i, j);
      if (!valid(x)) {
        issues.push({
          code: "AHP_MATRIX_CELL_INVALID",
          params: { row: i + 1, column: j + 1, rowName: criteria[i], columnName: criteria[j], value: x },
        });
      } else if (i === j && Math.abs(x - 1) > tolerance) {
        issues.push({
          code: "AHP_MATRIX_DIAGONAL_NOT_ONE",
          params: { row: i + 1, name: criteria[i], value: x },
        });
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = cell(i, j);
      const b = cell(j, i);
      if (!valid(a) || !valid(b) || Math.abs(a * b - 1) <= tolerance) continue;
      issues.push({
        code: "AHP_MATRIX_NOT_RECIPROCAL",
        params: {
          row: i + 1,
          column: j + 1,
          rowName: criteria[i],
          columnName: criteria[j],
          value: a,
          mirror: b,
          product: Number((a * b).toPrecision(6)),
          expected: a >= 1 ? `1/${a}` : String(Number((1 / a).toPrecision(6))),
        },
      });
    }
  }
  return issues;
}

/** The input schema with every matrix check as a refinement, for the CLI and for an API route alike. */
export function comparisonMatrixSchema(tolerance = DEFAULT_RECIPROCITY_TOLERANCE) {
  return matrixInputSchema.superRefine((value, ctx) => {
    for (const issue of matrixIssues(value.criteria, value.matrix, tolerance)) {
      ctx.addIssue({ code: "custom", message: issue.code, params: issue.params, path: ["matrix"] });
    }
  });
}

/** Validates a full matrix and turns it into upper-triangle judgments. */
export function parseMatrixInput(input: unknown, tolerance = DEFAULT_RECIPROCITY_TOLERANCE): MatrixParse {
  const parsed = comparisonMatrixSchema(tolerance).safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map(shapeIssue) };
  const { criteria, matrix } = parsed.data;
  const n = criteria.length;
  const judgments: Judgment[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = (matrix[i] as number[])[j] as number;
      const b = (matrix[j] as number[])[i] as number;
      judgments.push(a >= 1 && a >= b ? judgment(a, "first") : b >= 1 ? judgment(b, "second") : judgment(1));
    }
  }
  return { ok: true, criteria, comparisons: createComparisons(n, judgments) };
}

/** The JSON `salur ahp FILE.json` prints. */
export interface AhpReport {
  weights: number[];
  lambda_max: number;
  ci: number;
  cr: number;
  ri_table: RandomIndexTableName;
  geomean_weights: number[];
}

export function ahpReport(analysis: PriorityAnalysis): AhpReport {
  return {
    weights: analysis.weights,
    lambda_max: analysis.lambdaMax,
    ci: analysis.consistencyIndex,
    cr: analysis.consistencyRatio,
    ri_table: analysis.randomIndexTable,
    geomean_weights: analysis.geometricMeanWeights,
  };
}

export interface MatrixReportOptions {
  tolerance?: number;
  randomIndexTable?: string;
}

/** Input to report, or the issues that stop it: the whole of the `ahp` command except reading and printing. */
export function reportMatrixInput(
  input: unknown,
  options: MatrixReportOptions = {},
): { ok: true; report: AhpReport } | { ok: false; issues: InputIssue[] } {
  const table = options.randomIndexTable ?? "saaty1980";
  const issues: InputIssue[] = [];
  if (!RANDOM_INDEX_TABLE_NAMES.includes(table as RandomIndexTableName)) {
    issues.push({
      code: "AHP_RI_TABLE_UNKNOWN",
      params: { table, tables: RANDOM_INDEX_TABLE_NAMES.join(", ") },
    });
  }
  const tolerance = options.tolerance ?? DEFAULT_RECIPROCITY_TOLERANCE;
  if (!(Number.isFinite(tolerance) && tolerance >= 0 && tolerance <= 0.5)) {
    issues.push({ code: "AHP_TOLERANCE_INVALID", params: { value: String(tolerance) } });
  }
  if (issues.length > 0) return { ok: false, issues };
  const parsed = parseMatrixInput(input, tolerance);
  if (!parsed.ok) return parsed;
  const analysis = analyzeComparisons(parsed.comparisons, {
    randomIndexTable: table as RandomIndexTableName,
  });
  return { ok: true, report: ahpReport(analysis) };
}
