/**
 * A simulation table of any size from the demo population generator: the households' heads as applicants, in
 * the exact form GET /api/ranking/periods/:id/simulation delivers. For browser tests and benchmarks that need
 * more applicants than a seeded database holds (the 100,000 of the what-if figure). Pure and deterministic.
 */
import { type DemoVillage, generatePopulation } from "../demo/population.ts";
import { Random } from "../demo/random.ts";
import { SEED_003_MODEL } from "./defaults.ts";
import { compileRatingModel, type RatingModel } from "./rating.ts";
import type { SimulationTableView } from "./schemas.ts";
import { type Applicant, buildApplicantTable, type SelectionRules } from "./selection.ts";
import { encodeTable, uint16ToBase64 } from "./transfer.ts";

export interface DemoTableOptions {
  seed: number;
  villages: readonly DemoVillage[];
  /** The reference date of ages and of the period. */
  today: string;
  /** Applicants: one per household, the head. */
  count: number;
  /** Share of applicants through validation (eligible); the rest are still on their way. */
  eligibleShare?: number;
  /** Quota as a share of the applicants. */
  quotaShare?: number;
  amountPerRecipient?: number;
  model?: RatingModel;
}

export interface DemoApplicants {
  applicants: Applicant[];
  names: string[];
  villageCodes: string[];
}

export function demoApplicants(options: DemoTableOptions): DemoApplicants {
  const rng = Random.derive(options.seed, "ranking-applicants");
  const share = options.eligibleShare ?? 0.8;
  const applicants: Applicant[] = [];
  const names: string[] = [];
  const villageCodes: string[] = [];
  for (const household of generatePopulation({
    seed: options.seed,
    villages: options.villages,
    households: options.count,
    today: options.today,
  })) {
    const head = household.members[0];
    if (!head) continue;
    applicants.push({
      id: household.id,
      registrationNumber: applicants.length + 1,
      eligible: rng.chance(share),
      subject: { profile: head },
    });
    names.push(head.name);
    villageCodes.push(household.villageCode);
  }
  return { applicants, names, villageCodes };
}

export function demoSimulationTable(options: DemoTableOptions): SimulationTableView {
  const model = options.model ?? SEED_003_MODEL;
  const compiled = compileRatingModel(model);
  const { applicants, names, villageCodes } = demoApplicants(options);
  const table = buildApplicantTable(compiled, applicants, options.today);
  const quota = Math.floor(applicants.length * (options.quotaShare ?? 0.1));
  const amountPerRecipient = options.amountPerRecipient ?? 600_000;
  const rules: SelectionRules = { quota, amountPerRecipient, budget: quota * amountPerRecipient };
  const villages = options.villages.map((v) => ({ code: v.code, name: v.name }));
  const index = new Map(villages.map((v, i) => [v.code, i]));
  const village = Uint16Array.from(villageCodes, (code) => index.get(code) ?? 0);
  return {
    programId: "00000000-0000-4000-8000-000000000001",
    periodId: "00000000-0000-4000-8000-000000000002",
    modelVersion: 0,
    modelSha256: "",
    model,
    referenceDate: options.today,
    rules,
    enrollmentIds: applicants.map((a) => a.id),
    names,
    villages,
    village: uint16ToBase64(village),
    ...encodeTable(table),
  };
}
