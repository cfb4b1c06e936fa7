import type { Salur } from "../runtime.ts";
import { systemCaller } from "./actor.ts";
import { DEMO_PASSWORD } from "./password.ts";
import type { Role } from "./roles.ts";
import * as store from "./store.ts";
import { createUser } from "./users.ts";

/**
 * One account per role for the demo of Kabupaten Paser, in real areas: the regency (64.01), Kecamatan Kuaro
 * (64.01.05), Desa Lolo (64.01.05.2002) with its RT 003, and Desa Janju in Tanah Grogot (64.01.04.2002) to show
 * that one village operator cannot see another's village. The password is published in the README: demo only.
 */
export { DEMO_PASSWORD } from "./password.ts";

export interface DemoUser {
  username: string;
  name: string;
  role: Role;
  areaCode: string;
  rt?: string;
  agencyCode?: string;
}

export const DEMO_AGENCIES = [
  { code: "DINSOS", name: "Dinas Sosial" },
  { code: "DISKOPUKM", name: "Dinas Koperasi dan UKM" },
  /** The paying bank: its operators see only its own payment batches. */
  { code: "BRI", name: "Bank Rakyat Indonesia (bank penyalur)" },
] as const;

export const DEMO_USERS: readonly DemoUser[] = [
  { username: "admin", name: "Admin Kabupaten Paser", role: "admin", areaCode: "64.01" },
  { username: "pendata.lolo", name: "Pendata Desa Lolo", role: "enumerator", areaCode: "64.01.05.2002" },
  {
    username: "rt.lolo.003",
    name: "Ketua RT 003 Desa Lolo",
    role: "rt",
    areaCode: "64.01.05.2002",
    rt: "003",
  },
  {
    username: "operator.lolo",
    name: "Operator Desa Lolo",
    role: "village_operator",
    areaCode: "64.01.05.2002",
  },
  {
    username: "operator.janju",
    name: "Operator Desa Janju",
    role: "village_operator",
    areaCode: "64.01.04.2002",
  },
  {
    username: "kecamatan.kuaro",
    name: "Petugas Kecamatan Kuaro",
    role: "kecamatan_officer",
    areaCode: "64.01.05",
  },
  {
    username: "dinsos",
    name: "Pengelola Program Dinas Sosial",
    role: "program_manager",
    areaCode: "64.01",
    agencyCode: "DINSOS",
  },
  {
    username: "kabid.dinsos",
    name: "Kepala Bidang Dinas Sosial",
    role: "program_manager",
    areaCode: "64.01",
    agencyCode: "DINSOS",
  },
  {
    username: "diskopukm",
    name: "Pengelola Program Dinas Koperasi dan UKM",
    role: "program_manager",
    areaCode: "64.01",
    agencyCode: "DISKOPUKM",
  },
  { username: "bappeda", name: "Koordinator Bappeda", role: "coordinator", areaCode: "64.01" },
  { username: "bupati", name: "Bupati Paser", role: "approver", areaCode: "64.01" },
  {
    username: "bank",
    name: "Operator Bank Penyalur",
    role: "bank_operator",
    areaCode: "64.01",
    agencyCode: "BRI",
  },
  { username: "inspektorat", name: "Auditor Inspektorat", role: "auditor", areaCode: "64.01" },
];

/**
 * Creates the demo accounts that do not exist yet (idempotent), and the two agencies they belong to when the
 * demo data has not created them. Every account and agency is written with its audit entry.
 */
export async function ensureDemoUsers(salur: Salur): Promise<{ created: string[]; password: string }> {
  const caller = systemCaller("demo seed", salur.config.regencyCode);
  const { createAgency } = await import("../registry/service.ts");
  const agencyIds = new Map<string, string>();
  for (const agency of DEMO_AGENCIES) {
    const found = await store.findAgency(salur.database.db, { code: agency.code });
    agencyIds.set(agency.code, found?.id ?? (await createAgency(salur.registry, caller, agency)).id);
  }
  const created: string[] = [];
  for (const user of DEMO_USERS) {
    if (await store.findUserByUsername(salur.database.db, user.username)) continue;
    await createUser(
      salur.access,
      caller,
      {
        username: user.username,
        name: user.name,
        role: user.role,
        areaCode: user.areaCode,
        rt: user.rt ?? null,
        agencyId: user.agencyCode ? (agencyIds.get(user.agencyCode) ?? null) : null,
        password: DEMO_PASSWORD,
      },
      // The demo password is public by design; the strength rule is for real accounts.
      { checkStrength: false, demo: true },
    );
    created.push(user.username);
  }
  return { created, password: DEMO_PASSWORD };
}
