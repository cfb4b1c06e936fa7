// Salur's offline shell: after one online visit the field form opens, lists its periods and shows each
// program's document checklist with no signal. The field queue itself lives in IndexedDB; this worker keeps the
// whole built app (precache.json, written at build), and — served only when there is no signal — the signed-in
// official, the region tree, the periods, the programs and each open program's document policy and ranking
// criteria. Person data is never cached: an answer from yesterday could show someone as still unregistered.
const CACHE = "salur-shell-v2";
const SHELL = ["/", "/index.html", "/favicon.svg", "/manifest.webmanifest"];

/** Reference data the field form reads; stored on every answer, served from the store only offline. */
const OFFLINE_API = [
  /^\/api\/auth\/me$/,
  /^\/api\/regions$/,
  /^\/api\/periods$/,
  /^\/api\/programs$/,
  /^\/api\/programs\/[0-9a-f-]{36}\/policy$/,
  /^\/api\/ranking\/programs\/[0-9a-f-]{36}\/field-criteria$/,
];
const offlineApi = (pathname) => OFFLINE_API.some((pattern) => pattern.test(pathname));

async function storeApp() {
  const cache = await caches.open(CACHE);
  await cache.addAll(SHELL);
  const list = await fetch("/precache.json", { cache: "no-cache" });
  const assets = list.ok ? (await list.clone().json()).assets : [];
  if (list.ok) await cache.put("/precache.json", list);
  const index = await (await cache.match("/index.html")).text();
  await cache.addAll([...new Set([...assets, ...(index.match(/\/assets\/[^"']+/g) ?? [])])]);
}

self.addEventListener("install", (event) => {
  event.waitUntil(storeApp().then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function fetchAndStore(cache, path, request) {
  const response = await fetch(
    request ?? new Request(path, { credentials: "same-origin", headers: { accept: "application/json" } }),
  );
  if (response.ok) await cache.put(path, response.clone());
  else await cache.delete(path);
  return response;
}

/**
 * Stores what the field form needs for every open period, so a program chosen for the first time with no
 * signal still shows its document checklist. Answers the page with what could not be stored.
 */
async function prime() {
  const cache = await caches.open(CACHE);
  const missing = [];
  const get = async (path) => {
    try {
      const response = await fetchAndStore(cache, path);
      if (!response.ok) missing.push(path);
      return response.ok ? response.json() : null;
    } catch {
      missing.push(path);
      return null;
    }
  };
  const [me, , periods] = await Promise.all([get("/api/auth/me"), get("/api/regions"), get("/api/periods")]);
  await get("/api/programs");
  const programIds = [...new Set((periods ?? []).filter((p) => p.status === "open").map((p) => p.programId))];
  await Promise.all(
    programIds.flatMap((id) => [
      get(`/api/programs/${id}/policy`),
      get(`/api/ranking/programs/${id}/field-criteria`),
    ]),
  );
  return { signedIn: Boolean(me), missing };
}

self.addEventListener("message", (event) => {
  if (event.data?.type !== "prime") return;
  const port = event.ports?.[0];
  event.waitUntil(
    prime()
      .then((result) => port?.postMessage({ ok: true, ...result }))
      .catch((error) => port?.postMessage({ ok: false, error: String(error) })),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname === "/api/auth/logout") {
    event.waitUntil(
      caches
        .open(CACHE)
        .then((cache) =>
          cache
            .keys()
            .then((keys) =>
              Promise.all(
                keys
                  .filter((key) => new URL(key.url).pathname.startsWith("/api/"))
                  .map((key) => cache.delete(key)),
              ),
            ),
        ),
    );
    return;
  }
  if (request.method !== "GET") return;
  if (offlineApi(url.pathname) && !url.search) {
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) =>
          fetchAndStore(cache, url.pathname, request).catch(() =>
            cache.match(url.pathname).then((hit) => hit || Response.error()),
          ),
        ),
    );
    return;
  }
  if (url.pathname.startsWith("/api/")) return;

  // Built assets carry a content hash in their name: once stored they never change.
  if (url.pathname.startsWith("/assets/")) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
    return;
  }

  // Pages: the network first so an update shows at once; the stored shell when there is no signal.
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put("/index.html", copy));
          }
          return response;
        })
        .catch(() => caches.match("/index.html").then((hit) => hit || Response.error())),
    );
    return;
  }

  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
