import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { systemCaller } from "../access/actor.ts";
import { queryRows } from "../db/index.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { kuaroKk, kuaroNik, LOLO } from "../workflow/testing.ts";
import { bindSealedIdentity } from "./bind-sealed.ts";
import { getPersonView, registerPerson } from "./service.ts";

describeEachDatabase("NIK, KK and phone ciphertexts bound to their row", (salur) => {
  const caller = systemCaller("bind test", "64.01");
  const register = async (name: string, birthDate: string) => {
    const nik = kuaroNik(birthDate, "P");
    const { person } = await registerPerson(salur().registry, caller, {
      nik,
      kk: kuaroKk(),
      name,
      sex: "P",
      birthDate,
      villageCode: LOLO,
      rt: "3",
      phone: "081234567890",
    });
    return { id: person.id, nik };
  };
  let victim: { id: string; nik: string };
  let ghost: { id: string; nik: string };

  beforeAll(async () => {
    victim = await register("Sumiati", "1979-08-17");
    ghost = await register("Hantu", "1990-01-02");
  });

  const view = (id: string) => getPersonView(salur().registry, caller, id, "full");

  it("L8: a NIK ciphertext copied into another person's row does not open there", async () => {
    const db = salur().database.db;
    await db.execute(
      sql`update persons set nik_cipher = (select nik_cipher from persons where id = ${victim.id})
          where id = ${ghost.id}`,
    );
    await expect(view(ghost.id)).rejects.toThrow(/not bound to this row|unable to authenticate/);
    expect((await view(victim.id)).nik).toBe(victim.nik);
  });

  it("L8: ciphertexts sealed before the binding are sealed again at upgrade and still open; copies then fail", async () => {
    const db = salur().database.db;
    const { vault } = salur();
    const person = await register("Lama", "1985-05-05");
    const legacy = {
      nik: Buffer.from(vault.seal("nik", person.nik)),
      phone: Buffer.from(vault.seal("phone", "081234567890")),
    };
    await db.execute(
      sql`update persons set nik_cipher = ${legacy.nik}, phone_cipher = ${legacy.phone} where id = ${person.id}`,
    );
    // An unbound ciphertext is refused where a bound one belongs, until the upgrade seals it again.
    await expect(view(person.id)).rejects.toThrow(/not bound to this row/);

    const upgraded = await bindSealedIdentity(db, vault);
    expect(upgraded.persons).toBeGreaterThanOrEqual(1);
    const [row] = await queryRows<{ nik: Uint8Array; phone: Uint8Array }>(
      db,
      sql`select nik_cipher as nik, phone_cipher as phone from persons where id = ${person.id}`,
    );
    expect(vault.isBound(new Uint8Array(row?.nik as Uint8Array))).toBe(true);
    expect(vault.isBound(new Uint8Array(row?.phone as Uint8Array))).toBe(true);
    const opened = await view(person.id);
    expect([opened.nik, opened.phone]).toEqual([person.nik, "081234567890"]);
    expect((await bindSealedIdentity(db, vault)).persons).toBe(0);
  });
});
