import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import postcssPresetMantine from "postcss-preset-mantine";
import { defineConfig } from "vite";
import { offlineAndCompression } from "./build/offline-and-compression.ts";

const webRoot = fileURLToPath(new URL(".", import.meta.url));

/**
 * The officials' web app. Built into web/dist, which the Salur server serves at / with an SPA fallback.
 * `npm run dev:web` proxies /api to a running `salur serve` (SALUR_API, default http://localhost:3000).
 */
export default defineConfig({
  root: webRoot,
  plugins: [react(), offlineAndCompression()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  server: {
    proxy: { "/api": { target: process.env.SALUR_API ?? "http://localhost:3000", changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Cheap Android phones in the field run Chrome updated through the Play Store; es2020 keeps the output lean.
    target: "es2020",
    reportCompressedSize: true,
  },
});
