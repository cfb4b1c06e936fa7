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

export function assertStrongPassword(password: string, userInputs: readonly string[] = []): void {
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new ValidationFailed([
      { field: "password", code: "FIELD_TOO_LONG", params: { maximum: MAX_PASSWORD_LENGTH } },
    ]);
  }
  const score = passwordScore(password, userInputs);
  if (score < MIN_PASSWORD_SCORE) {
    throw new ValidationFailed([
      { field: "password", code: "PASSWORD_TOO_WEAK", params: { score, minimum: MIN_PASSWORD_SCORE } },
    ]);
  }
}
