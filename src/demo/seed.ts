import { randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import { auditActor, systemCaller } from "../access/actor.ts";
import { ensureDemoUsers } from "../access/demo-users.ts";
import type { Executor } from "../db/index.ts";
import { seedDemoDecree } from "../decree/demo.ts";
import { publishDemoPortal } from "../portal/demo.ts";
import { type PreparedPerson, preparePerson } from "../registry/persons.ts";
import {
  agencies,
  businesses,
  enrollments,
  households,
  periods,
  persons,
  programs,
} from "../registry/schema.ts";
import type { Salur } from "../runtime.ts";
import type { DemoVillage } from "./population.ts";
import { generateDemoRegistry } from "./registry-demo.ts";

/** The demo is the same every time: a fixed seed, a fixed size and a fixed reference date. */
export const DEMO_SEED = 6401;
export const DEMO_PERSONS = 20_000;
export const DEMO_TODAY = "2026-11-25";
/** Rows per INSERT: 1,000 persons × 32 columns stays well under PostgreSQL's 65,535 parameters. */
const BATCH = 1_000;

export interface SeedOptions {
  onProgress?: (message: string) => void;
  persons?: number;
}

/** The deployment's villages, as the generator wants them, from the region catalog. */
export function demoVillages(salur: Pick<Salur, "regions" | "config">): DemoVillage[] {
  return salur.regions.districtsOf(salur.config.regencyCode).flatMap((district) =>
    salur.regions.children(district.code).map((village) => ({
      code: village.code,
      name: village.name,
      districtCode: district.code,
      districtName: district.name,
    })),
  );
}

/**
 * Loads the demo of the deployment's regency into an empty registry, in one transaction: a start that is
 * interrupted leaves an empty database, and the next start seeds again. Returns false when data exists.
 */
export async function seedDemo(salur: Salur, options: SeedOptions = {}): Promise<boolean> {
  const db = salur.database.db;
  const [existing] = await db.select({ n: count() }).from(persons);
  if ((existing?.n ?? 0) > 0) return false;
  const say = options.onProgress ?? (() => {});
  const started = performance.now();
  const regency = salur.regions.get(salur.config.regencyCode)?.name ?? salur.config.regencyCode;
  say(`Menyiapkan data demo ${regency} … / Preparing the demo of ${regency} …`);

  const demo = generateDemoRegistry({
    seed: DEMO_SEED,
    villages: demoVillages(salur),
    persons: options.persons ?? DEMO_PERSONS,
    today: DEMO_TODAY,
  });
  const env = salur.registry.env;
  const { vault } = env;

  await db.transaction(async (tx) => {
    const agencyIds = await insertReturningIds(
      tx,
      agencies,
      demo.agencies,
      (a) => a.code,
      (a) => ({ code: a.code, name: a.name }),
    );
    const programIds = await insertReturningIds(
      tx,
      programs,
      demo.programs,
      (p) => p.code,
      (p) => ({
        agencyId: required(agencyIds, p.agencyCode),
        code: p.code,
        name: p.name,
        kind: p.kind,
        target: p.beneficiary,
        amountPerRecipient: p.amountPerRecipient,
        budget: p.budget,
        quota: p.quota,
      }),
    );
    const periodIds = await insertReturningIds(
      tx,
      periods,
      demo.periods,
      (p) => p.code,
      (p) => ({
        programId: required(programIds, p.programCode),
        name: p.name,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        status: "open" as const,
      }),
    );
    say(`  ${demo.agencies.length} dinas, ${demo.programs.length} program, ${demo.periods.length} tahap`);

    const householdIds = await insertReturningIds(
      tx,
      households,
      demo.households,
      (h) => h.id,
      (h) => ({
        kkCipher: vault.seal("kk", h.kk, vault.blindIndex("kk", h.kk)),
        kkIndex: vault.blindIndex("kk", h.kk),
        villageCode: h.villageCode,
        districtCode: h.districtCode,
        rt: h.rt,
        rw: h.rw,
        address: h.address,
      }),
    );
    say(`  ${demo.households.length} keluarga (KK)`);

    // Field lists carry mistyped NIKs; a mistype can collide with a real NIK. The registry holds one person per
    // NIK, so a colliding copy keeps its record with the NIK left empty for the verifier to fill in.
    const seenNik = new Set<string>();
    const prepared: { id: string; values: PreparedPerson["values"] }[] = demo.persons.map((p) => {
      const nik = p.nik && !seenNik.has(p.nik) ? p.nik : null;
      if (nik) seenNik.add(nik);
      const { values } = preparePerson(
        {
          nik,
          kk: p.kk,
          phone: p.phone,
          name: p.name,
          sex: p.sex,
          birthPlace: p.birthPlace,
          birthDate: p.birthDate,
          address: p.address,
          villageCode: p.villageCode,
          rt: p.rt,
          rw: p.rw,
          householdId: required(householdIds, p.householdId),
          householdRole: p.role,
          occupation: p.occupation,
          education: p.education,
          employment: p.employment,
          monthlyIncome: p.monthlyIncome,
          maritalStatus: p.maritalStatus,
          houseCondition: p.houseCondition,
          health: p.health,
          dependants: p.dependants,
          children: p.children,
        },
        env,
        "flag",
      );
      return { id: p.id, values };
    });
    const personIds = await insertReturningIds(
      tx,
      persons,
      prepared,
      (p) => p.id,
      (p) => p.values,
      (done) => say(`  ${done} / ${prepared.length} penduduk`),
    );

    const businessIds = await insertReturningIds(
      tx,
      businesses,
      demo.businesses,
      (b) => b.id,
      (b) => ({
        ownerId: required(personIds, b.ownerId),
        name: b.name,
        sector: b.sector,
        licenseNumber: b.nib ?? b.skuNumber,
        address: b.address,
        villageCode: b.villageCode,
        districtCode: b.villageCode.slice(0, 8),
      }),
    );

    const personVillage = new Map(demo.persons.map((p) => [p.id, p.villageCode]));
    await insertReturningIds(
      tx,
      enrollments,
      demo.enrollments,
      (e) => e.id,
      (e) => {
        const villageCode = required(personVillage, e.personId);
        return {
          personId: required(personIds, e.personId),
          programId: required(programIds, e.programCode),
          periodId: required(periodIds, e.periodCode),
          businessId: e.businessId ? required(businessIds, e.businessId) : null,
          status: e.status,
          villageCode,
          districtCode: villageCode.slice(0, 8),
        };
      },
    );
    say(`  ${demo.businesses.length} usaha (UMKM), ${demo.enrollments.length} pendaftaran program`);
    // One entry stands for the bulk load, so the trail says where the demo rows came from.
    await salur.audit.append(tx, {
      actor: auditActor(systemCaller("demo seed", salur.config.regencyCode).actor),
      action: "demo.seed",
      entity: "registry",
      entityId: null,
      area: null,
      after: {
        seed: DEMO_SEED,
        persons: demo.persons.length,
        households: demo.households.length,
        businesses: demo.businesses.length,
        enrollments: demo.enrollments.length,
      },
    });
  });
  const users = await ensureDemoUsers(salur);
  // The sanggah list is published first, then decreed: the order the law asks for.
  await publishDemoPortal(salur, say);
  if (await seedDemoDecree(salur)) say("  1 SK Bupati (BLT UMKM)");
  if (users.created.length > 0) say(`  ${users.created.length} akun demo (kata sandi ${users.password})`);
  say(`Data demo siap dalam ${((performance.now() - started) / 1000).toFixed(1)} detik. / Demo ready.`);
  return true;
}

function required<V>(map: Map<string, V>, key: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo data refers to unknown ${key}`);
  return value;
}

/**
 * Inserts rows in batches under ids chosen here, and maps each generator id to its database id: no reliance on
 * the order RETURNING gives rows back.
 */
async function insertReturningIds<T, Table extends SeededTable>(
  tx: Executor,
  table: Table,
  items: readonly T[],
  key: (item: T) => string,
  toRow: (item: T) => Omit<Table["$inferInsert"], "id">,
  onBatch?: (done: number) => void,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 0; i < items.length; i += BATCH) {
    const rows = items.slice(i, i + BATCH).map((item) => {
      const id = randomUUID();
      ids.set(key(item), id);
      return { ...toRow(item), id };
    });
    await tx.insert(table as SeededTable).values(rows as never);
    onBatch?.(Math.min(i + BATCH, items.length));
  }
  return ids;
}

type SeededTable =
  | typeof agencies
  | typeof programs
  | typeof periods
  | typeof households
  | typeof persons
  | typeof businesses
  | typeof enrollments;
