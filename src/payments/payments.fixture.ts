/**
 * Test and benchmark support: a paying agency with its program period, `count` recipients already in the
 * decreed status "approved" (written in bulk: the workflow's own tests cover how they get there), a bank with
 * its operator, and the agency's maker and checker.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Caller } from "../access/actor.ts";
import { systemCaller } from "../access/actor.ts";
import type { Role } from "../access/roles.ts";
import * as accessStore from "../access/store.ts";
import { createTestUser } from "../access/testing.ts";
import { actorOf } from "../access/user-views.ts";
import { createAgency, createPeriod, createProgram } from "../registry/service.ts";
import type { Salur } from "../runtime.ts";

export const VILLAGES = [
  { village: "64.01.05.2002", district: "64.01.05" }, // Lolo, Kuaro
  { village: "64.01.05.2003", district: "64.01.05" }, // another desa of Kuaro
  { village: "64.01.04.2002", district: "64.01.04" }, // Janju, Tanah Grogot
] as const;

export const AMOUNT = 600_000;

export interface PaymentWorld {
  agencyId: string;
  bankId: string;
  programId: string;
  periodId: string;
  enrollmentIds: string[];
  maker: Caller & { id: string };
  checker: Caller & { id: string };
  bank: Caller & { id: string };
  otherBank: Caller & { id: string };
  otherManager: Caller & { id: string };
  villageOperator: Caller & { id: string };
}

let serial = 0;

export async function officer(salur: Salur, role: Role, areaCode: string, agencyId: string | null = null) {
  const account = await createTestUser(salur, { role, areaCode, agencyId });
  const row = await accessStore.getUser(salur.database.db, account.id);
  if (!row) throw new Error("test user vanished");
  return { id: account.id, actor: actorOf(row), requestId: null };
}

/**
 * NIKs of Kuaro/Tanah Grogot born in 1980 with a fresh serial; sealed as the registry seals them. The serial has
 * four digits, so every 10,000 recipients move to the next birth date (a 100,000-line batch needs ten).
 */
function nikFor(district: string, n: number): string {
  const day = 1 + (Math.floor(n / 10_000) % 28);
  const month = 1 + (Math.floor(n / 280_000) % 12);
  const date = `${String(day).padStart(2, "0")}${String(month).padStart(2, "0")}80`;
  return `${district.replace(/\./g, "")}${date}${String(n % 10_000).padStart(4, "0")}`;
}

export async function paymentWorld(salur: Salur, count: number): Promise<PaymentWorld> {
  const system = systemCaller("test setup", salur.config.regencyCode);
  const tag = `${process.pid % 1000}-${++serial}-${randomUUID().slice(0, 6)}`;
  const agency = await createAgency(salur.registry, system, { code: `dinsos-${tag}`, name: "Dinas Sosial" });
  const bank = await createAgency(salur.registry, system, {
    code: `bri-${tag}`,
    name: "Bank Rakyat Indonesia",
  });
  const otherBankAgency = await createAgency(salur.registry, system, {
    code: `bank-${tag}`,
    name: "Bank Lain",
  });
  const otherAgency = await createAgency(salur.registry, system, { code: `lain-${tag}`, name: "Dinas Lain" });
  const program = await createProgram(salur.registry, system, {
    agencyId: agency.id,
    code: `bst-${tag}`,
    name: "BST Kabupaten",
    kind: "cash",
    target: "person",
    amountPerRecipient: AMOUNT,
    budget: AMOUNT * Math.max(count, 1),
    quota: Math.max(count, 1),
  });
  const decree = await freshDecree(salur, { programId: program.id }, count);
  return {
    agencyId: agency.id,
    bankId: bank.id,
    programId: program.id,
    periodId: decree.periodId,
    enrollmentIds: decree.enrollmentIds,
    maker: await officer(salur, "program_manager", "64.01", agency.id),
    checker: await officer(salur, "program_manager", "64.01", agency.id),
    bank: await officer(salur, "bank_operator", "64.01", bank.id),
    otherBank: await officer(salur, "bank_operator", "64.01", otherBankAgency.id),
    otherManager: await officer(salur, "program_manager", "64.01", otherAgency.id),
    villageOperator: await officer(salur, "village_operator", "64.01.05.2002"),
  };
}

/**
 * A new period of the program with `count` recipients in the decreed status: what each fault sequence pays.
 * The period's id is the decree id of the interim decree port.
 */
export async function freshDecree(
  salur: Salur,
  world: { programId: string },
  count: number,
): Promise<{ periodId: string; enrollmentIds: string[] }> {
  const system = systemCaller("test setup", salur.config.regencyCode);
  const period = await createPeriod(salur.registry, system, {
    programId: world.programId,
    name: `Tahap ${++serial}-${randomUUID().slice(0, 8)}`,
    startsOn: "2026-10-01",
    endsOn: "2027-03-31",
    status: "open",
  });
  const persons: Record<string, unknown>[] = [];
  const enrollments: Record<string, unknown>[] = [];
  const base = (serial * 7919 + process.pid) % 1_000_000;
  for (let i = 0; i < count; i++) {
    const place = VILLAGES[i % VILLAGES.length] as (typeof VILLAGES)[number];
    const nik = nikFor(place.district, base + i);
    const personId = randomUUID();
    const index = salur.vault.blindIndex("nik", nik);
    persons.push({
      id: personId,
      nik_cipher: Buffer.from(salur.vault.seal("nik", nik, index)).toString("hex"),
      nik_index: Buffer.from(index).toString("hex"),
      name: `Penerima ${i + 1}`,
      village_code: place.village,
      district_code: place.district,
      rt: String((i % 7) + 1).padStart(3, "0"),
    });
    enrollments.push({
      id: randomUUID(),
      person_id: personId,
      village_code: place.village,
      district_code: place.district,
    });
  }
  const db = salur.database.db;
  for (let i = 0; i < count; i += 5000) {
    await db.execute(sql`insert into persons (id, nik_cipher, nik_index, nik_status, name, name_search, sex, village_code, district_code, rt)
      select id, decode(nik_cipher, 'hex'), decode(nik_index, 'hex'), 'valid', name, lower(name), 'P', village_code, district_code, rt
      from jsonb_to_recordset(${JSON.stringify(persons.slice(i, i + 5000))}::jsonb)
        as p(id uuid, nik_cipher text, nik_index text, name text, village_code text, district_code text, rt text)`);
    await db.execute(sql`insert into enrollments (id, person_id, program_id, period_id, status, village_code, district_code)
      select id, person_id, ${world.programId}, ${period.id}, 'approved', village_code, district_code
      from jsonb_to_recordset(${JSON.stringify(enrollments.slice(i, i + 5000))}::jsonb)
        as e(id uuid, person_id uuid, village_code text, district_code text)`);
  }
  return { periodId: period.id, enrollmentIds: enrollments.map((e) => String(e.id)) };
}

export interface TruthLine {
  reference: string;
  amount: number;
  outcome: "paid" | "failed" | "returned" | "pending";
}

/** A result CSV in the BRI result layout. */
export function resultCsv(
  rows: readonly {
    reference: string;
    bankReference: string;
    outcome: "paid" | "failed" | "returned";
    amount: number;
    reason?: string;
  }[],
): Buffer {
  const word = { paid: "SUKSES", failed: "GAGAL", returned: "RETUR" };
  const lines = ["NO_REFERENSI;REF_BANK;STATUS;NOMINAL;TANGGAL;KODE_ALASAN;KETERANGAN"];
  for (const r of rows)
    lines.push(
      `${r.reference};${r.bankReference};${word[r.outcome]};${r.amount};2026-12-01;${r.outcome === "failed" ? (r.reason ?? "account_closed") : ""};`,
    );
  return Buffer.from(`${lines.join("\r\n")}\r\n`);
}
