import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openSealedFile, SEALED_CHUNK_BYTES, sealedFileStream, sealingStream } from "./sealed-file.ts";

const key = randomBytes(32);
const dir = mkdtempSync(join(tmpdir(), "salur-sealed-"));

async function sealTo(path: string, plain: Buffer, pieces = 3): Promise<void> {
  const step = Math.max(1, Math.ceil(plain.length / pieces));
  const parts = Array.from({ length: Math.ceil(plain.length / step) }, (_, i) =>
    plain.subarray(i * step, (i + 1) * step),
  );
  writeFileSync(path, await buffer(Readable.from(parts).pipe(sealingStream(key))));
}

describe("sealed files", () => {
  it("reads back any range and the whole stream of what was sealed, at any size around the chunk edges", async () => {
    const sizes = [
      1,
      SEALED_CHUNK_BYTES - 1,
      SEALED_CHUNK_BYTES,
      SEALED_CHUNK_BYTES + 1,
      3 * SEALED_CHUNK_BYTES + 17,
    ];
    for (const [n, size] of sizes.entries()) {
      const plain = randomBytes(size);
      const path = join(dir, `f${n}`);
      await sealTo(path, plain, n + 1);
      // A run of 16 random bytes turns up in the ciphertext by chance about never; one byte nearly always does.
      if (size >= 16) expect(readFileSync(path).includes(plain.subarray(0, Math.min(64, size)))).toBe(false);
      expect((await buffer(sealedFileStream(path, key, SEALED_CHUNK_BYTES))).equals(plain)).toBe(true);
      const file = await openSealedFile(path, key);
      expect(file.size).toBe(size);
      await fc.assert(
        fc.asyncProperty(fc.nat(size), fc.nat(2 * SEALED_CHUNK_BYTES), async (offset, length) => {
          expect((await file.read(offset, length)).equals(plain.subarray(offset, offset + length))).toBe(
            true,
          );
        }),
        { numRuns: 30 },
      );
      await file.close();
    }
  });

  it("refuses a file cut at a chunk edge, chunks swapped, or another key", async () => {
    const plain = randomBytes(3 * SEALED_CHUNK_BYTES);
    const path = join(dir, "whole");
    await sealTo(path, plain);
    const sealed = readFileSync(path);
    const chunk = SEALED_CHUNK_BYTES + 16;
    writeFileSync(join(dir, "cut"), sealed.subarray(0, 12 + 2 * chunk));
    const head = sealed.subarray(0, 12);
    const [a, b, c] = [0, 1, 2].map((i) => sealed.subarray(12 + i * chunk, 12 + (i + 1) * chunk));
    writeFileSync(join(dir, "swapped"), Buffer.concat([head, b as Buffer, a as Buffer, c as Buffer]));
    await expect(buffer(sealedFileStream(join(dir, "cut"), key))).rejects.toThrow();
    await expect(buffer(sealedFileStream(join(dir, "swapped"), key))).rejects.toThrow();
    await expect(buffer(sealedFileStream(path, randomBytes(32)))).rejects.toThrow();
  });
});
