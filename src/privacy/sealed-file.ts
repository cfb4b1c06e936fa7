import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { open } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import type { Vault } from "./vault.ts";

/**
 * Files at rest (uploaded lists) sealed in 64 KiB chunks, each AES-256-GCM with its own tag, so a file of
 * hundreds of megabytes is written and read as a stream, and an XLSX's zip directory is read at any offset
 * without decrypting the whole file. Every chunk's associated data names the file (its random header), its
 * position and whether it is the last: chunks cannot be reordered, moved between files, or cut off unseen.
 *
 * Layout: "SLF1" · 8 random bytes (the file's nonce prefix) · chunk₀ … chunkₙ₋₁, each ciphertext + 16-byte tag.
 */
const MAGIC = Buffer.from("SLF1", "latin1");
const HEADER_BYTES = MAGIC.length + 8;
export const SEALED_CHUNK_BYTES = 64 * 1024;
const TAG_BYTES = 16;
const SEALED_CHUNK = SEALED_CHUNK_BYTES + TAG_BYTES;

/** A key for files of one purpose, derived from the master secret under a label no record field uses. */
export function fileSealingKey(vault: Vault, purpose: string): Buffer {
  return Buffer.from(vault.commitment(`salur:file-encryption-key:${purpose}`, "v1"), "hex");
}

function ivOf(header: Buffer, index: number): Buffer {
  const iv = Buffer.alloc(12);
  header.copy(iv, 0, MAGIC.length, HEADER_BYTES);
  iv.writeUInt32BE(index, 8);
  return iv;
}

function aadOf(header: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail[4] = last ? 1 : 0;
  return Buffer.concat([header, tail]);
}

function sealChunk(key: Buffer, header: Buffer, index: number, last: boolean, plain: Buffer): Buffer {
  const cipher = createCipheriv("aes-256-gcm", key, ivOf(header, index));
  cipher.setAAD(aadOf(header, index, last));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function openChunk(key: Buffer, header: Buffer, index: number, last: boolean, sealed: Buffer): Buffer {
  if (sealed.length < TAG_BYTES) throw new Error("sealed file: chunk cut short");
  const decipher = createDecipheriv("aes-256-gcm", key, ivOf(header, index));
  decipher.setAAD(aadOf(header, index, last));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
}

/** Plain bytes in, sealed bytes out (the header first). One chunk is held back until it is known not to be last. */
export function sealingStream(key: Buffer): Transform {
  const header = Buffer.concat([MAGIC, randomBytes(8)]);
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!started) {
        started = true;
        this.push(header);
      }
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length > SEALED_CHUNK_BYTES) {
        this.push(sealChunk(key, header, index++, false, pending.subarray(0, SEALED_CHUNK_BYTES)));
        pending = pending.subarray(SEALED_CHUNK_BYTES);
      }
      callback();
    },
    flush(callback) {
      if (!started) this.push(header);
      this.push(sealChunk(key, header, index, true, pending));
      callback();
    },
  });
}

/** The plain size of a sealed file of `sealedSize` bytes, or null when no sealed file has that size. */
export function plainSizeOf(sealedSize: number): number | null {
  const body = sealedSize - HEADER_BYTES;
  if (body < TAG_BYTES) return null;
  const chunks = Math.ceil(body / SEALED_CHUNK);
  return body - chunks * TAG_BYTES;
}

export interface SealedFile {
  /** Plain size. */
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

/** Random access to the plain bytes of a sealed file; each chunk read is checked before any byte is returned. */
export async function openSealedFile(path: string, key: Buffer): Promise<SealedFile> {
  const handle = await open(path, "r");
  try {
    const { size: sealedSize } = await handle.stat();
    const header = Buffer.alloc(HEADER_BYTES);
    await handle.read(header, 0, HEADER_BYTES, 0);
    const size = plainSizeOf(sealedSize);
    if (!header.subarray(0, MAGIC.length).equals(MAGIC) || size === null) {
      throw new Error("not a sealed file");
    }
    const chunks = Math.max(1, Math.ceil(size / SEALED_CHUNK_BYTES));
    const chunk = async (index: number) => {
      const start = HEADER_BYTES + index * SEALED_CHUNK;
      const length = Math.min(SEALED_CHUNK, sealedSize - start);
      const sealed = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(sealed, done, length - done, start + done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      return openChunk(key, header, index, index === chunks - 1, sealed.subarray(0, done));
    };
    return {
      size,
      async read(offset, length) {
        const end = Math.min(size, offset + length);
        if (end <= offset) return Buffer.alloc(0);
        const parts: Buffer[] = [];
        for (let i = Math.floor(offset / SEALED_CHUNK_BYTES); i * SEALED_CHUNK_BYTES < end; i++) {
          const plain = await chunk(i);
          const from = Math.max(0, offset - i * SEALED_CHUNK_BYTES);
          const to = Math.min(plain.length, end - i * SEALED_CHUNK_BYTES);
          parts.push(plain.subarray(from, to));
        }
        return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The plain bytes of a sealed file as a stream, in steps of `step` bytes (whole chunks). */
export function sealedFileStream(path: string, key: Buffer, step = 16 * SEALED_CHUNK_BYTES): Readable {
  async function* plain() {
    const file = await openSealedFile(path, key);
    try {
      for (let at = 0; at < file.size; at += step) yield await file.read(at, step);
    } finally {
      await file.close();
    }
  }
  return Readable.from(plain(), { objectMode: false });
}
