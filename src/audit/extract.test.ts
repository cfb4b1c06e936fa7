import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { createTestUser, type Session, signIn } from "../access/testing.ts";
import { runExtractVerify } from "../cli/audit-command.ts";
import { describeEachDatabase } from "../db/testing.ts";
import { buildServer } from "../http/server.ts";
import type { AuditActor } from "./entry.ts";
import { generateAuditKeys } from "./keys.ts";

const LOLO = "64.01.05.2002";
const JANJU = "64.01.04.2002";

describeEachDatabase("signed audit extracts", (salur) => {
  let app: FastifyInstance;
  let auditor: Session;
  let kuaroAuditor: Session;
  const tag = `${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    app = await buildServer(salur());
    auditor = await signIn(
      app,
      (await createTestUser(salur(), { role: "auditor", areaCode: "64.01" })).username,
    );
    kuaroAuditor = await signIn(
      app,
      (await createTestUser(salur(), { role: "auditor", areaCode: "64.01.05" })).username,
    );
    const actor: AuditActor = { id: null, name: `Operator ${tag}`, role: "village_operator", area: null };
    await salur().database.db.transaction((tx) =>
      salur().audit.append(
        tx,
        [LOLO, JANJU, LOLO, LOLO].map((area, i) => ({
          actor,
          action: "enrollment.verify",
          entity: "enrollment",
          entityId: `e${i}-${tag}`,
          area,
        })),
      ),
    );
  });

  const extract = async (session: Session, body: object) => {
    const res = await app.inject({
      method: "POST",
      url: "/api/audit/extract",
      headers: session.headers("POST"),
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.body;
  };

  it("proves the chosen entries against a checkpoint signed now, and the offline check passes", async () => {
    const text = await extract(auditor, { actorName: `Operator ${tag}` });
    const parsed = JSON.parse(text) as { entries: { entry: string }[] };
    expect(parsed.entries).toHaveLength(4);
    const key = salur().audit.keys.publicKeyPem;
    const result = runExtractVerify(text, key, { language: "en" });
    expect(result.output).toContain("Extract valid: 4 entries");
    expect(result.exitCode).toBe(0);
    // Without a key of one's own the file's key is used, and the output says so.
    expect(runExtractVerify(text, null, { language: "en" }).output).toContain(
      "taken from the extract itself",
    );
  });

  it("names an altered entry, a forged signature key, and stays within the exporter's area", async () => {
    const text = await extract(auditor, { actorName: `Operator ${tag}` });
    const key = salur().audit.keys.publicKeyPem;
    const altered = text.replace(`e1-${tag}`, `e9-${tag}`);
    expect(altered).not.toBe(text);
    const bad = runExtractVerify(altered, key, { language: "en" });
    expect(bad.exitCode).toBe(1);
    expect(bad.report.problems.map((p) => p.code)).toContain("AUDIT_EXTRACT_NOT_INCLUDED");
    const stranger = generateAuditKeys().publicKeyPem;
    expect(runExtractVerify(text, stranger, {}).report.problems[0]?.code).toBe("AUDIT_EXTRACT_SIGNATURE");

    const kuaro = JSON.parse(await extract(kuaroAuditor, { actorName: `Operator ${tag}` })) as {
      entries: { entry: string }[];
    };
    expect(kuaro.entries).toHaveLength(3);
    expect(kuaro.entries.every((e) => e.entry.includes(LOLO))).toBe(true);
  });
});
