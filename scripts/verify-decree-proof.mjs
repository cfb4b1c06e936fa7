#!/usr/bin/env node
// Checks a Salur decree inclusion proof offline, with nothing but Node's own crypto (no dependencies):
//   node scripts/verify-decree-proof.mjs proof.json <merkle-root-from-the-verification-page> [NIK]
// The root must come from the public verification page or the printed decree, never from the proof itself.
// With the NIK, it also checks that the line commits to that person. Exit code 0 = on the list, 1 = not.
import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";

const sha256 = (...parts) => {
  const h = createHash("sha256");
  for (const p of parts) h.update(p);
  return h.digest();
};
const leafHash = (bytes) => sha256(Buffer.from([0]), bytes);
const nodeHash = (l, r) => sha256(Buffer.from([1]), l, r);

// RFC 9162 §2.1.3.2: verify an inclusion proof for leaf `index` in a tree of `size` leaves.
function verifyInclusion(leaf, index, size, path, root) {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

const [file, root, nik] = process.argv.slice(2);
if (!file || !root || !/^[0-9a-f]{64}$/i.test(root)) {
  console.error("usage: node verify-decree-proof.mjs proof.json <merkle-root> [NIK]");
  process.exit(2);
}
const proof = JSON.parse(readFileSync(file, "utf8"));
if (proof.format !== "salur-decree-inclusion-proof-v1") {
  console.error(`unknown proof format ${proof.format}`);
  process.exit(2);
}
if (nik !== undefined) {
  const commitment = createHmac("sha256", Buffer.from(proof.lineKey, "hex"))
    .update(`salur-decree-leaf-v1\n${nik}\n${proof.text}`)
    .digest("hex");
  if (commitment !== proof.commitment) {
    console.log("NO MATCH: this line does not belong to that NIK");
    process.exit(1);
  }
}
const ok = verifyInclusion(
  leafHash(Buffer.from(proof.commitment, "hex")),
  proof.line - 1,
  proof.lineCount,
  proof.path.map((p) => Buffer.from(p, "hex")),
  Buffer.from(root, "hex"),
);
console.log(
  ok
    ? `MATCH: line ${proof.line} of ${proof.lineCount} is in the decree with this root`
    : "NO MATCH: the proof does not lead to this root",
);
process.exit(ok ? 0 : 1);
