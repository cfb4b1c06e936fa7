import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { findViolations, type Grouping, type OverlapEnrollment, sameProgramRules } from "./overlap.ts";
import { writeViolations } from "./violations.ts";

const H1 = { startsOn: "2026-01-01", endsOn: "2026-06-30" };
const H2 = { startsOn: "2026-07-01", endsOn: "2026-12-31" };
const enrollment = (id: string, personId: string, programId: string, half = H1): OverlapEnrollment => ({
  enrollmentId: id,
  personId,
  programId,
  ...half,
});
/** p1 and p2 are one person registered twice; p3 shares a KK with p1. */
const grouping: Grouping = {
  personKey: (id) => (id === "p2" ? "p1" : id),
  householdKey: (id) => (id === "p1" || id === "p3" ? "kk1" : null),
};
const rule = (programA: string, programB: string, level: "person" | "household") => ({
  id: `${programA}+${programB}/${level}`,
  programA,
  programB,
  level,
  ...H1,
});

describe("overlap rules", () => {
  it.each([
    {
      case: "one person under two records in one program",
      enrollments: [enrollment("e1", "p1", "BST"), enrollment("e2", "p2", "BST")],
      rules: sameProgramRules(["BST"], H1),
      expected: [["e1", "e2"]],
    },
    {
      case: "one record in tahap 1 and tahap 2 of a program (not an overlap)",
      enrollments: [enrollment("e1", "p1", "BST", H1), enrollment("e2", "p1", "BST", H2)],
      rules: sameProgramRules(["BST"], { startsOn: "2026-01-01", endsOn: "2026-12-31" }),
      expected: [],
    },
    {
      case: "two records of one person in two programs a rule forbids together",
      enrollments: [enrollment("e1", "p1", "BST"), enrollment("e2", "p2", "BERAS")],
      rules: [rule("BERAS", "BST", "person")],
      expected: [["e1", "e2"]],
    },
    {
      case: "two members of one household in two programs forbidden per household",
      enrollments: [enrollment("e1", "p1", "BST"), enrollment("e3", "p3", "BERAS")],
      rules: [rule("BERAS", "BST", "household"), rule("BERAS", "BST", "person")],
      expected: [["e1", "e3"]],
    },
    {
      case: "two programs in periods that do not overlap",
      enrollments: [enrollment("e1", "p1", "BST", H1), enrollment("e2", "p1", "BERAS", H2)],
      rules: [{ ...rule("BERAS", "BST", "person"), endsOn: "2026-12-31" }],
      expected: [],
    },
    {
      case: "persons without a KK under a household rule",
      enrollments: [enrollment("e4", "p4", "BST"), enrollment("e5", "p5", "BERAS")],
      rules: [rule("BERAS", "BST", "household")],
      expected: [],
    },
  ])("$case", ({ enrollments, rules, expected }) => {
    expect(findViolations(enrollments, grouping, rules).map((v) => v.enrollmentIds)).toEqual(expected);
  });

  it("neutralises names that would run as spreadsheet formulas in the export", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    const person = (name: string) => ({
      personId: name,
      name,
      village: { code: "64.01.05.2002", name: "Lolo" },
      district: { code: "64.01.05", name: "Kuaro" },
      rt: "003",
      enrollments: [
        {
          enrollmentId: "e1",
          agencyCode: "DINSOS",
          programCode: "BST",
          programName: "BST Daerah",
          periodName: "Tahap 2 2026",
          status: "verified",
        },
      ],
    });
    await writeViolations(
      {
        window: { from: "2026-07-01", to: "2026-12-31" },
        total: 1,
        outsideArea: 0,
        violations: [
          {
            ruleId: null,
            level: "person",
            description: "Menerima BST Daerah dua kali",
            linkedBy: "x",
            persons: [person('=HYPERLINK("http://x")'), person("@SUM(A1)")],
          },
        ],
      },
      out,
      "csv",
    );
    const text = Buffer.concat(chunks).toString("utf8");
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain("'@SUM(A1)");
  });
});
