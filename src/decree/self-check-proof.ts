/**
 * After a recipient passes the portal's self-check (NIK and check code), each decree in force that lists them
 * hands over its inclusion proof: their line, its key and the Merkle path. They can check it offline against
 * the root printed on the decree with the published script, and show it without the whole list being public.
 */
import { html, PUBLIC_PREFIX } from "../portal/html.ts";
import { reachedDecree, type SelfCheckSection } from "../portal/index.ts";
import { ProvableAnnexes, proofsInForce } from "./read.ts";

const TEXT = {
  id: {
    title: "Bukti Anda tercantum dalam SK",
    intro:
      "Simpan teks di bawah sebagai berkas bukti.json. Dengan akar Merkle yang tercetak di SK, siapa pun dapat memeriksanya tanpa internet:",
    decree: "SK",
    proof: "Bukti (JSON)",
    script: "skrip pemeriksa",
  },
  en: {
    title: "Proof that you are listed in the decree",
    intro:
      "Save the text below as a file proof.json. With the Merkle root printed on the decree, anyone can check it offline:",
    decree: "Decree",
    proof: "Proof (JSON)",
    script: "checking script",
  },
} as const;

const annexesOf = new WeakMap<object, ProvableAnnexes>();

export const decreeProofSection: SelfCheckSection = async ({ portal, statuses, language }) => {
  if (!reachedDecree(statuses)) return null;
  const salur = portal.salur;
  const annexes = annexesOf.get(salur) ?? new ProvableAnnexes();
  annexesOf.set(salur, annexes);
  const proofs = await proofsInForce(
    salur.database.db,
    statuses.map((s) => s.enrollmentId),
    salur.vault,
    annexes,
  );
  if (proofs.length === 0) return null;
  const t = TEXT[language];
  return html`<section class="card"><h2>${t.title}</h2><p>${t.intro}</p><p><code>node verify-decree-proof.mjs bukti.json &lt;akar&gt; &lt;NIK&gt;</code> — <a href="${PUBLIC_PREFIX}/sk/verify-decree-proof.mjs" download>${t.script}</a></p>${proofs.map(
    (proof, i) =>
      html`<h3>${t.decree} ${proof.decreeNumber ?? ""}</h3><label for="bukti-${i}">${t.proof}</label><textarea id="bukti-${i}" readonly rows="8">${JSON.stringify(proof, null, 1)}</textarea>`,
  )}</section>`;
};
