import type { MessageCatalog } from "../i18n/index.ts";

export const AUDIT_MESSAGES: MessageCatalog = {
  AUDIT_NO_CHECKPOINT: {
    id: "Belum ada checkpoint yang mencakup entri {seq}. Buat dulu dengan `salur audit checkpoint`.",
    en: "No checkpoint covers entry {seq} yet. Make one first with `salur audit checkpoint`.",
  },
  AUDIT_PROOF_INCONSISTENT: {
    id: "Isi jejak audit tidak cocok dengan checkpoint #{checkpoint}; bukti untuk entri {seq} tidak dibuat. Jalankan `salur audit verify`.",
    en: "The audit trail does not match checkpoint #{checkpoint}; no proof made for entry {seq}. Run `salur audit verify`.",
  },
  AUDIT_ENTRY_NOT_FOUND: { id: "Entri audit {seq} tidak ditemukan.", en: "Audit entry {seq} was not found." },
  // Findings of `salur audit verify`
  AUDIT_VERIFY_OK: {
    id: "Jejak audit utuh: {entries} entri, {checkpoints} checkpoint terverifikasi, kepala rantai {head}.",
    en: "Audit trail intact: {entries} entries, {checkpoints} checkpoints verified, chain head {head}.",
  },
  AUDIT_VERIFY_BROKEN: {
    id: "JEJAK AUDIT RUSAK mulai entri {seq} ({count} temuan).",
    en: "AUDIT TRAIL BROKEN from entry {seq} ({count} findings).",
  },
  AUDIT_VERIFY_NO_MAC: {
    id: "Catatan: hanya kunci publik yang dipakai; MAC tiap entri tidak diperiksa.",
    en: "Note: only the public key was used; per-entry MACs were not checked.",
  },
  AUDIT_ENTRY_MISSING: { id: "entri {from}–{to} hilang", en: "entries {from}–{to} are missing" },
  AUDIT_ENTRY_HASH_MISMATCH: {
    id: "isi entri tidak cocok dengan hash-nya (diubah)",
    en: "the entry's content does not match its hash (altered)",
  },
  AUDIT_PREV_HASH_MISMATCH: {
    id: "entri tidak tersambung ke entri sebelumnya (dihapus, ditukar, atau disisipkan)",
    en: "the entry does not link to the previous one (deleted, swapped or inserted)",
  },
  AUDIT_ENTRY_MAC_INVALID: {
    id: "MAC entri tidak sah: entri ini tidak ditulis oleh Salur (dipalsukan atau ditulis ulang tanpa kunci)",
    en: "invalid entry MAC: this entry was not written by Salur (forged or rewritten without the key)",
  },
  AUDIT_CHECKPOINT_SIGNATURE_INVALID: {
    id: "tanda tangan checkpoint {checkpoint} tidak sah untuk kunci {keyId}",
    en: "checkpoint {checkpoint} has no valid signature for key {keyId}",
  },
  AUDIT_CHECKPOINT_OTHER_LOG: {
    id: "checkpoint {checkpoint} milik log lain ({log})",
    en: "checkpoint {checkpoint} belongs to another log ({log})",
  },
  AUDIT_CHECKPOINT_MISMATCH: {
    id: "entri 1–{treeSize} tidak lagi menghasilkan akar Merkle yang ditandatangani di checkpoint {checkpoint}",
    en: "entries 1–{treeSize} no longer produce the Merkle root signed in checkpoint {checkpoint}",
  },
  AUDIT_CHECKPOINT_MISSING: {
    id: "Checkpoint {checkpoint} tercatat di jejak tetapi barisnya hilang dari basis data (dihapus untuk menutupi pemotongan?).",
    en: "Checkpoint {checkpoint} is recorded in the trail but its row is gone from the database (deleted to hide a cut?).",
  },
  AUDIT_LOG_TRUNCATED: {
    id: "checkpoint {checkpoint} mencakup {treeSize} entri, tetapi log berakhir di {lastSeq}: ekornya dipotong",
    en: "checkpoint {checkpoint} covers {treeSize} entries but the log ends at {lastSeq}: its tail was cut off",
  },
  AUDIT_HEAD_MISMATCH: {
    id: "kepala rantai menunjuk entri {headSeq}, entri terakhir adalah {lastSeq}",
    en: "the chain head points at entry {headSeq}; the last entry is {lastSeq}",
  },
  AUDIT_FINDING: { id: "  entri {seq}: {text}", en: "  entry {seq}: {text}" },
  // `salur audit verify --extract`: a signed extract checked offline
  AUDIT_EXTRACT_OK: {
    id: "Ekstrak sah: {entries} entri termasuk dalam checkpoint #{checkpoint} ({size} entri) yang ditandatangani kabupaten.",
    en: "Extract valid: {entries} entries are included in checkpoint #{checkpoint} ({size} entries) signed by the regency.",
  },
  AUDIT_EXTRACT_BROKEN: {
    id: "EKSTRAK TIDAK SAH ({count} temuan).",
    en: "EXTRACT INVALID ({count} findings).",
  },
  AUDIT_EXTRACT_KEY_FROM_FILE: {
    id: "Perhatian: kunci publik diambil dari berkas ekstrak itu sendiri. Berikan kunci yang Anda peroleh sendiri dengan --public-key.",
    en: "Note: the public key was taken from the extract itself. Pass a key you obtained on your own with --public-key.",
  },
  AUDIT_EXTRACT_FORMAT: {
    id: "berkas bukan ekstrak jejak audit Salur",
    en: "the file is not a Salur audit extract",
  },
  AUDIT_EXTRACT_SIGNATURE: {
    id: "tanda tangan checkpoint tidak sah untuk kunci ini",
    en: "the checkpoint's signature is not valid for this key",
  },
  AUDIT_EXTRACT_NOT_INCLUDED: {
    id: "entri tidak termasuk dalam pohon checkpoint (isi atau jalurnya diubah)",
    en: "the entry is not included in the checkpoint's tree (its content or path was changed)",
  },
  AUDIT_EXTRACT_SEQ: {
    id: "nomor entri tidak cocok dengan isinya",
    en: "the entry number does not match its content",
  },
  AUDIT_EXTRACT_CHAIN: {
    id: "hash entri tidak mengikuti entri sebelumnya",
    en: "the entry's hash does not follow from the previous entry",
  },
};
