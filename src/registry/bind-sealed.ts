import { eq, sql } from "drizzle-orm";
import { type Database, queryRows } from "../db/index.ts";
import type { ProtectedField, Vault } from "../privacy/vault.ts";
import { households, persons } from "./schema.ts";

/**
 * The upgrade to row-bound ciphertexts (Vault.seal with a binding): NIK, KK and phone sealed by an older
 * version carry the column name only as associated data, so a copy into another row would open. At start,
 * every such value is opened the old way and sealed again beside its blind index, a batch per transaction;
 * after that, a person's columns refuse an unbound ciphertext. Runs until nothing is left, so an interrupted
 * upgrade finishes at the next start.
 */
const BATCH = 2000;
const UNBOUND = 1;

type Sealed = Uint8Array | null;
const bytes = (value: Sealed) => (value ? new Uint8Array(value) : null);

function rebind(vault: Vault, field: ProtectedField, cipher: Sealed, index: Sealed) {
  if (!cipher || vault.isBound(cipher)) return null;
  const plain = vault.open(field, cipher);
  const binding = index ?? vault.blindIndex(field, plain);
  return { cipher: vault.seal(field, plain, binding), index: binding };
}

export async function bindSealedIdentity(
  db: Database,
  vault: Vault,
): Promise<{ persons: number; households: number }> {
  const done = { persons: 0, households: 0 };
  for (;;) {
    const rows = await queryRows<{
      id: string;
      nik_cipher: Sealed;
      nik_index: Sealed;
      kk_cipher: Sealed;
      kk_index: Sealed;
      phone_cipher: Sealed;
      phone_index: Sealed;
    }>(
      db,
      sql`select id, nik_cipher, nik_index, kk_cipher, kk_index, phone_cipher, phone_index from persons
          where get_byte(nik_cipher, 0) = ${UNBOUND} or get_byte(kk_cipher, 0) = ${UNBOUND}
             or get_byte(phone_cipher, 0) = ${UNBOUND}
          limit ${BATCH}`,
    );
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        const nik = rebind(vault, "nik", bytes(row.nik_cipher), bytes(row.nik_index));
        const kk = rebind(vault, "kk", bytes(row.kk_cipher), bytes(row.kk_index));
        const phone = rebind(vault, "phone", bytes(row.phone_cipher), bytes(row.phone_index));
        await tx
          .update(persons)
          .set({
            ...(nik ? { nikCipher: nik.cipher, nikIndex: nik.index } : {}),
            ...(kk ? { kkCipher: kk.cipher, kkIndex: kk.index } : {}),
            ...(phone ? { phoneCipher: phone.cipher, phoneIndex: phone.index } : {}),
          })
          .where(eq(persons.id, row.id));
      }
    });
    done.persons += rows.length;
  }
  for (;;) {
    const rows = await queryRows<{ id: string; kk_cipher: Uint8Array; kk_index: Uint8Array }>(
      db,
      sql`select id, kk_cipher, kk_index from households where get_byte(kk_cipher, 0) = ${UNBOUND} limit ${BATCH}`,
    );
    if (rows.length === 0) break;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        const kk = rebind(vault, "kk", bytes(row.kk_cipher), bytes(row.kk_index));
        if (kk) await tx.update(households).set({ kkCipher: kk.cipher }).where(eq(households.id, row.id));
      }
    });
    done.households += rows.length;
  }
  return done;
}
