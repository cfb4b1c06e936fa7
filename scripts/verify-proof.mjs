#!/usr/bin/env node
// Checks a Salur audit inclusion proof with nothing but Node's own crypto (see docs/audit-verifier.md):
//   node scripts/verify-proof.mjs proof.json public-key.pem
// 1. the checkpoint statement carries a valid Ed25519 signature by the public key you obtained yourself;
// 2. the entry hashes (RFC 6962 leaf: SHA-256(0x00 || entry)) up the audit path to the signed Merkle root.
import { createHash, createPublicKey, verify } from "node:crypto";
import { readFileSync } from "node:fs";

const [proofFile, keyFile] = process.argv.slice(2);
if (!proofFile || !keyFile) {
  console.error("usage: node verify-proof.mjs <proof.json> <public-key.pem>");
  process.exit(2);
}
const proof = JSON.parse(readFileSync(proofFile, "utf8"));
const publicKey = createPublicKey(readFileSync(keyFile, "utf8"));
const sha256 = (...parts) => parts.reduce((h, p) => h.update(p), createHash("sha256")).digest();
const fail = (why) => {
  console.log(`INVALID: ${why}`);
  process.exit(1);
};

const { statement, signature } = proof.checkpoint;
if (!verify(null, Buffer.from(statement, "utf8"), publicKey, Buffer.from(signature, "base64"))) {
  fail("the checkpoint signature does not verify with this public key");
}
const checkpoint = JSON.parse(statement);
if (checkpoint.treeSize !== proof.treeSize) fail("the proof is for another tree size than the checkpoint");
if (JSON.parse(proof.entry).seq !== proof.seq || proof.leafIndex !== proof.seq - 1)
  fail("the entry is not entry seq");

// RFC 9162 §2.1.3.2: fold the audit path from the leaf up to the root.
let fn = proof.leafIndex;
let sn = proof.treeSize - 1;
let r = sha256(Buffer.from([0]), Buffer.from(proof.entry, "utf8"));
for (const hex of proof.auditPath) {
  const p = Buffer.from(hex, "hex");
  if (sn === 0) fail("the audit path is too long");
  if (fn % 2 === 1 || fn === sn) {
    r = sha256(Buffer.from([1]), p, r);
    while (fn % 2 === 0 && fn !== 0) {
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
  } else {
    r = sha256(Buffer.from([1]), r, p);
  }
  fn = Math.floor(fn / 2);
  sn = Math.floor(sn / 2);
}
if (sn !== 0 || r.toString("hex") !== checkpoint.rootHash)
  fail("the entry is not in the tree the checkpoint signed");

const entry = JSON.parse(proof.entry);
console.log(
  `VALID: entry ${proof.seq} (${entry.action} by ${entry.actor.name}, ${entry.at}) is in checkpoint #${proof.checkpoint.id}`,
);
console.log(
  `       log ${checkpoint.log}, ${checkpoint.treeSize} entries, root ${checkpoint.rootHash}, signed ${checkpoint.issuedAt}`,
);
