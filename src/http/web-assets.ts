/**
 * Cache rules for the built web app. Files under /assets/ carry a content hash in their name, so a browser may
 * keep them for a year without asking again; everything else (index.html, sw.js, precache.json, the manifest)
 * must be revalidated, or a phone would keep running last month's app.
 */
export function webCacheHeaders(
  res: { setHeader(name: string, value: string): unknown },
  path: string,
): void {
  const hashed = /[\\/]assets[\\/]/.test(path);
  res.setHeader("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
}

/** Options for @fastify/static: brotli/gzip siblings written at build time, sent as they are. */
export const webStaticOptions = {
  wildcard: false,
  preCompressed: true,
  cacheControl: false,
  setHeaders: webCacheHeaders,
} as const;
