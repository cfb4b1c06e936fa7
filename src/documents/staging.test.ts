import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { signIn } from "../access/testing.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import { setUpScenario } from "../workflow/testing.ts";
import * as store from "./store.ts";
import { CANVAS_JPEG, CANVAS_PNG } from "./test-images.ts";

describeEachDatabase("photos staged for a field submission", (salur) => {
  let app: FastifyInstance;
  let stage: (
    who: "enumerator" | "operator2",
    id: string,
    bytes: Uint8Array,
    type: string,
  ) => Promise<number>;

  beforeAll(async () => {
    app = await buildServer(salur());
    const s = await setUpScenario(salur());
    const sessions = {
      enumerator: await signIn(app, s.officers.enumerator.username),
      operator2: await signIn(app, s.officers.operator2.username),
    };
    stage = async (who, id, bytes, type) =>
      (
        await app.inject({
          method: "PUT",
          url: `/api/registrations/${id}/documents/ktp`,
          headers: { ...sessions[who].headers("POST"), "content-type": type },
          payload: Buffer.from(bytes),
        })
      ).statusCode;
  });

  it("L3: another officer of the same desa cannot supersede a photo staged under someone else's submission", async () => {
    const id = randomUUID();
    expect(await stage("enumerator", id, CANVAS_JPEG, "image/jpeg")).toBe(200);
    const [mine] = await store.stagedDocuments(salur().database.db, id);

    expect(await stage("operator2", id, CANVAS_PNG, "image/png")).toBe(403);
    const current = await store.stagedDocuments(salur().database.db, id);
    expect(current.map((d) => d.id)).toEqual([mine?.id]);

    // The officer who staged it may still re-take the photo.
    expect(await stage("enumerator", id, CANVAS_PNG, "image/png")).toBe(200);
  });
});
