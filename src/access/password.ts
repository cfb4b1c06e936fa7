import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import * as indonesian from "@zxcvbn-ts/language-id";
import { ValidationFailed } from "../i18n/domain-error.ts";

/**
 * argon2id with OWASP's minimum (19 MiB, 2 passes, 1 lane): ~50 ms on a dinas laptop per login, far too slow
 * for offline guessing at scale. The enum is const in the typings, hence the literal.
 */
const ARGON2ID = 2 as Algorithm;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_SCORE = 3;
export const MAX_PASSWORD_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verified against when the username is unknown, so both answers take the same time. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("salur-no-such-user-placeholder");
  return dummyHash;
}

let factory: ZxcvbnFactory | undefined;
function strengthChecker(): ZxcvbnFactory {
  // Indonesian and English words and names: officials pick "rahasia", "sayangku", "indonesia2026" as often as "password".
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary, ...indonesian.dictionary },
    graphs: common.adjacencyGraphs,
    useLevenshteinDistance: true,
  });
  return factory;
}

/** Words that make a password guessable here in particular: the system, the regency, the user's own names. */
const LOCAL_WORDS = [
  "salur",
  "bansos",
  "paser",
  "kabupaten",
  "dinas",
  "sosial",
  "desa",
  "kecamatan",
  "bupati",
];

export function passwordScore(password: string, userInputs: readonly string[] = []): number {
  const inputs = [
    ...LOCAL_WORDS,
    ...userInputs.map((word) => word.toLowerCase()).filter((word) => word.length >= 3),
  ];
  return strengthChecker().check(password.slice(0, MAX_PASSWORD_LENGTH), inputs).score;
}

/** The demo accounts' password: published in the README, so refused for every real account (M9). */
export const DEMO_PASSWORD = "salur-demo-2026";

/** Words of the program and the system that officials reach for first (bansos2026, admin-salur). */
const PROGRAM_WORDS = [
  ...LOCAL_WORDS,
  "demo",
  "admin",
  "operator",
  "pendata",
  "bantuan",
  "blt",
  "bst",
  "pkh",
  "umkm",
  "dtks",
  "dinsos",
  "sembako",
  "kaltim",
  "kalimantan",
  "timur",
];

/** The names of the regency, its kecamatan and desa as password words: "Tanah Grogot" → tanahgrogot, tanah, grogot. */
export function placeWordsOf(
  regions: {
    get(code: string): { name: string } | undefined;
    children(code: string): readonly { code: string; name: string }[];
  },
  regencyCode: string,
): string[] {
  const names: string[] = [regions.get(regencyCode)?.name ?? ""];
  for (const district of regions.children(regencyCode)) {
    names.push(district.name, ...regions.children(district.code).map((village) => village.name));
  }
  const words = new Set<string>();
  for (const name of names) {
    const plain = name.toLowerCase().replace(/^(kabupaten|kota|kecamatan|desa|kelurahan)\s+/, "");
    const letters = plain.replace(/[^a-z]/g, "");
    if (letters.length >= 3) words.add(letters);
    for (const part of plain.split(/[^a-z]+/)) if (part.length >= 4) words.add(part);
  }
  return [...words];
}

/**
 * True when the password is the demo password, or its letters are nothing but program words and place
 * names, whatever digits and signs surround them (paser2026, Kuaro@123, salur-demo-2026).
 */
export function isBlockedPassword(password: string, placeWords: readonly string[] = []): boolean {
  const lower = password.toLowerCase();
  if (lower === DEMO_PASSWORD) return true;
  const letters = lower.normalize("NFKD").replace(/[^a-z]/g, "");
  if (letters.length === 0) return false;
  const words = new Set([...PROGRAM_WORDS, ...placeWords]);
  // Word break: can the letters be cut into blocked words only?
  const reachable = [true, ...Array<boolean>(letters.length).fill(false)];
  for (let end = 1; end <= letters.length; end++) {
    for (let start = 0; start < end && !reachable[end]; start++) {
      if (reachable[start] && words.has(letters.slice(start, end))) reachable[end] = true;
    }
  }
  return reachable[letters.length] === true;
}

export function assertStrongPassword(
  password: string,
  userInputs: readonly string[] = [],
  placeWords: readonly string[] = [],
): void {
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new ValidationFailed([
      { field: "password", code: "FIELD_TOO_LONG", params: { maximum: MAX_PASSWORD_LENGTH } },
    ]);
  }
  if (isBlockedPassword(password, placeWords)) {
    throw new ValidationFailed([{ field: "password", code: "PASSWORD_BLOCKED" }]);
  }
  const score = passwordScore(password, [...userInputs, ...placeWords]);
  if (score < MIN_PASSWORD_SCORE) {
    throw new ValidationFailed([
      { field: "password", code: "PASSWORD_TOO_WEAK", params: { score, minimum: MIN_PASSWORD_SCORE } },
    ]);
  }
}
