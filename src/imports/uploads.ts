/**
 * Uploaded lists kept on disk beside the data (readable by the Salur process only) until their import's report
 * is no longer needed. The file is named after its SHA-256, computed while it is written: the same list sent
 * twice is stored once, and the hash is what "already imported" is decided on.
 */
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { FileRejected } from "./limits.ts";

export interface StoredUpload {
  storedAs: string;
  bytes: number;
  contentHash: string;
}

export interface UploadStore {
  readonly directory: string;
  save(input: Readable, maxBytes: number): Promise<StoredUpload>;
  path(storedAs: string): string;
  remove(storedAs: string): Promise<void>;
}

export function createUploadStore(directory: string): UploadStore {
  const ready = mkdir(directory, { recursive: true, mode: 0o700 });
  const path = (storedAs: string) => {
    if (!/^[0-9a-f]{64}$/.test(storedAs)) throw new Error(`not an upload name: ${storedAs}`);
    return join(directory, storedAs);
  };
  return {
    directory,
    path,
    async save(input, maxBytes) {
      await ready;
      const temporary = join(directory, `.incoming-${randomUUID()}`);
      const hash = createHash("sha256");
      let bytes = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          if (bytes > maxBytes) {
            callback(new FileRejected("FILE_TOO_LARGE", 1, 1, { bytes, limit: maxBytes }));
            return;
          }
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      try {
        await pipeline(input, meter, createWriteStream(temporary, { mode: 0o600 }));
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      if (bytes === 0) {
        await rm(temporary, { force: true });
        throw new FileRejected("FILE_EMPTY", 1, 1, {});
      }
      const contentHash = hash.digest("hex");
      await rename(temporary, path(contentHash));
      return { storedAs: contentHash, bytes, contentHash };
    },
    async remove(storedAs) {
      await rm(path(storedAs), { force: true });
    },
  };
}

export async function uploadSize(store: UploadStore, storedAs: string): Promise<number | null> {
  try {
    return (await stat(store.path(storedAs))).size;
  } catch {
    return null;
  }
}
