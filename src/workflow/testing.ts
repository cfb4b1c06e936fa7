/**
 * Test fixtures of the workflow, documents and registration suites: one UMKM program and one BST program of
 * Kabupaten Paser, officers of Desa Lolo (Kuaro) and Desa Janju (Tanah Grogot), and applicants with NIKs and
 * KKs that pass the NIK module's checks.
 */
import { type Actor, type Caller, systemCaller } from "../access/actor.ts";
import type { Role } from "../access/roles.ts";
import * as accessStore from "../access/store.ts";
import { createTestUser } from "../access/testing.ts";
import { actorOf } from "../access/user-views.ts";
import type { DocumentKind } from "../documents/kinds.ts";
import { attachDocument } from "../documents/service.ts";
import { CANVAS_JPEG } from "../documents/test-images.ts";
import type { EmploymentStatus } from "../registry/attributes.ts";
import {
  createAgency,
  createPeriod,
  createProgram,
  enrollPerson,
  registerBusiness,
  registerPerson,
} from "../registry/service.ts";
import type { Salur } from "../runtime.ts";
import { type TransitionInput, transitionApplication } from "./service.ts";

export const LOLO = "64.01.05.2002"; // Desa Lolo, Kecamatan Kuaro
export const JANJU = "64.01.04.2002"; // Desa Janju, Kecamatan Tanah Grogot
export const KUARO = "64.01.05";

export interface Officer {
  id: string;
  username: string;
  actor: Actor;
  caller: Caller;
}

export interface Scenario {
  salur: Salur;
  agencyId: string;
  umkm: { programId: string; periodId: string; code: string };
  bst: { programId: string; periodId: string; code: string };
  officers: {
    enumerator: Officer;
    rt003: Officer;
    operator: Officer;
    operator2: Officer;
    janjuOperator: Officer;
    kecamatan: Officer;
    manager: Officer;
    approver: Officer;
    bank: Officer;
  };
}

let sequence = 0;
const unique = () => `${process.pid % 1000}${++sequence}`;

async function officer(
  salur: Salur,
  role: Role,
  areaCode: string,
  extra: { rt?: string; agencyId?: string } = {},
): Promise<Officer> {
  const account = await createTestUser(salur, {
    role,
    areaCode,
    rt: extra.rt ?? null,
    agencyId: extra.agencyId ?? null,
  });
  const row = await accessStore.getUser(salur.database.db, account.id);
  if (!row) throw new Error("test user vanished");
  const actor = actorOf(row);
  return { id: account.id, username: account.username, actor, caller: { actor, requestId: null } };
}

export async function setUpScenario(salur: Salur): Promise<Scenario> {
  const system = systemCaller("test setup", salur.config.regencyCode);
  const tag = unique();
  const agency = await createAgency(salur.registry, system, {
    code: `diskop-${tag}`,
    name: "Dinas Koperasi dan UKM",
  });
  const program = async (code: string, target: "business" | "person", startsOn: string, endsOn: string) => {
    const p = await createProgram(salur.registry, system, {
      agencyId: agency.id,
      code,
      name: code.toUpperCase(),
      kind: "cash",
      target,
      amountPerRecipient: 1_200_000,
      budget: 1_200_000_000,
      quota: 1000,
    });
    const period = await createPeriod(salur.registry, system, {
      programId: p.id,
      name: "Tahap 1",
      startsOn,
      endsOn,
      status: "open",
    });
    return { programId: p.id, periodId: period.id, code };
  };
  const umkm = await program(`blt-umkm-${tag}`, "business", "2026-07-01", "2026-12-31");
  const bst = await program(`bst-${tag}`, "person", "2026-10-01", "2027-03-31");
  const officers = {
    enumerator: await officer(salur, "enumerator", LOLO),
    rt003: await officer(salur, "rt", LOLO, { rt: "003" }),
    operator: await officer(salur, "village_operator", LOLO),
    operator2: await officer(salur, "village_operator", LOLO),
    janjuOperator: await officer(salur, "village_operator", JANJU),
    kecamatan: await officer(salur, "kecamatan_officer", KUARO),
    manager: await officer(salur, "program_manager", "64.01", { agencyId: agency.id }),
    approver: await officer(salur, "approver", "64.01"),
    bank: await officer(salur, "bank_operator", "64.01"),
  };
  return { salur, agencyId: agency.id, umkm, bst, officers };
}

let serial = 0;

/** A NIK of Kuaro (640105) for a birth date, with the +40 day for women, and a fresh serial. */
export function kuaroNik(birthDate: string, sex: "L" | "P"): string {
  const [y, m, d] = birthDate.split("-") as [string, string, string];
  const day = Number(d) + (sex === "P" ? 40 : 0);
  serial = (serial % 9000) + 1;
  const s = String(((process.pid * 7 + serial * 13) % 9000) + 1000);
  return `640105${String(day).padStart(2, "0")}${m}${y.slice(2)}${s}`;
}

/** A KK of Kuaro issued 1 January 2015, with a fresh serial. */
export function kuaroKk(): string {
  serial = (serial % 9000) + 1;
  return `640105010115${String(((process.pid * 11 + serial * 17) % 9000) + 1000)}`;
}

export interface ApplicantOptions {
  name?: string;
  birthDate?: string;
  sex?: "L" | "P";
  employment?: EmploymentStatus | null;
  kk?: string | null;
  rt?: string;
  business?: boolean;
  program?: "umkm" | "bst";
  by?: Officer;
}

export interface Applicant {
  personId: string;
  enrollmentId: string;
  version: number;
  kk: string | null;
}

/** Registers a person (with a business for UMKM) and enrolls them: a draft application. */
export async function newApplicant(scenario: Scenario, options: ApplicantOptions = {}): Promise<Applicant> {
  const { salur } = scenario;
  const by = options.by ?? scenario.officers.enumerator;
  const sex = options.sex ?? "P";
  const birthDate = options.birthDate ?? "1985-03-14";
  const kk = options.kk === undefined ? kuaroKk() : options.kk;
  const { person } = await registerPerson(salur.registry, by.caller, {
    nik: kuaroNik(birthDate, sex),
    kk,
    name: options.name ?? `Pemohon ${unique()}`,
    sex,
    birthDate,
    villageCode: LOLO,
    rt: options.rt ?? "003",
    employment: options.employment === undefined ? "informal_trader" : options.employment,
  });
  const program = options.program ?? "umkm";
  const businessId =
    program === "umkm" && options.business !== false
      ? (
          await registerBusiness(salur.registry, by.caller, {
            ownerId: person.id,
            name: "Warung Makan",
            sector: "food",
            villageCode: LOLO,
          })
        ).id
      : null;
  const enrollment = await enrollPerson(salur.registry, by.caller, {
    personId: person.id,
    periodId: scenario[program].periodId,
    businessId,
  });
  return { personId: person.id, enrollmentId: enrollment.id, version: enrollment.version, kk };
}

/** Attaches a photo of each kind (the same small canvas JPEG; its hash does not matter here). */
export async function attachPapers(
  scenario: Scenario,
  enrollmentId: string,
  kinds: readonly DocumentKind[],
  by?: Officer,
) {
  for (const kind of kinds) {
    await attachDocument(scenario.salur.registry, (by ?? scenario.officers.enumerator).caller, enrollmentId, {
      kind,
      bytes: CANVAS_JPEG,
      declaredType: "image/jpeg",
    });
  }
}

/** The papers a UMKM application needs: KTP, KK and the surat keterangan usaha. */
export const UMKM_PAPERS = ["ktp", "kk", "sku"] as const;

export type Step = readonly [Officer, TransitionInput["action"], Partial<TransitionInput>?];

/** Moves an application along one transition at a time, as each officer would, keeping its version. */
export async function advance(scenario: Scenario, applicant: Applicant, steps: readonly Step[]) {
  for (const [by, action, extra] of steps) {
    const outcome = await transitionApplication(scenario.salur.registry, by.caller, applicant.enrollmentId, {
      action,
      version: applicant.version,
      ...extra,
    });
    applicant.version = outcome.version;
  }
  return applicant;
}

/** A UMKM application with its papers, submitted (by the enumerator unless `options.by` says otherwise). */
export async function submittedApplicant(scenario: Scenario, options: ApplicantOptions = {}) {
  const applicant = await newApplicant(scenario, options);
  await attachPapers(scenario, applicant.enrollmentId, UMKM_PAPERS);
  return advance(scenario, applicant, [[options.by ?? scenario.officers.enumerator, "submit"]]);
}
