import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

const COMPRESSIBLE = /\.(js|css|html|svg|json|webmanifest|txt)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * After the build: `precache.json` lists every built asset so the service worker can store the whole app at
 * install (a field phone must open any screen with no signal after one visit), and every text file gets a
 * brotli and a gzip sibling that the server sends as is (no compression work per request on a dinas laptop).
 */
export function offlineAndCompression(): Plugin {
  let outDir = "";
  return {
    name: "salur-offline-and-compression",
    apply: "build",
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = filesUnder(outDir).filter((file) => !/\.(br|gz)$/.test(file));
      const assets = files
        .map((file) => `/${relative(outDir, file).split("\\").join("/")}`)
        .filter((path) => path.startsWith("/assets/"))
        .sort();
      writeFileSync(join(outDir, "precache.json"), JSON.stringify({ assets }));
      for (const file of [...files, join(outDir, "precache.json")]) {
        if (!COMPRESSIBLE.test(file) || statSync(file).size < 1024) continue;
        const body = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}
