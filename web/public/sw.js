// Salur's offline shell: the app opens with no signal once it has been opened online. The field queue itself
// lives in IndexedDB; this worker keeps the page, its built assets, and — only for when there is no signal —
// the signed-in official and the region tree. Person data is never cached: an answer from yesterday could show
// someone as still unregistered.
const CACHE = "salur-shell-v1";
const SHELL = ["/", "/index.html", "/favicon.svg", "/manifest.webmanifest"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => {
        await cache.addAll(SHELL);
        // The entry script and styles the index names, so a reload with no signal finds them.
        const index = await (await cache.match("/index.html")).text();
        await cache.addAll([...new Set(index.match(/\/assets\/[^"']+/g) ?? [])]);
      })
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// The page lists the chunks it loaded before this worker took control (e.g. the form's own code).
self.addEventListener("message", (event) => {
  const urls = event.data && event.data.type === "cache-assets" ? event.data.urls : null;
  if (!Array.isArray(urls)) return;
  const own = urls.filter((url) => new URL(url, self.location.origin).pathname.startsWith("/assets/"));
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(own))
      .catch(() => {}),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && url.pathname === "/api/auth/logout") {
    event.waitUntil(caches.open(CACHE).then((cache) => cache.delete("/api/auth/me")));
    return;
  }
  if (request.method !== "GET") return;
  if (url.pathname === "/api/auth/me" || url.pathname === "/api/regions") {
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          caches
            .open(CACHE)
            .then((cache) => (response.ok ? cache.put(url.pathname, copy) : cache.delete(url.pathname)));
          return response;
        })
        .catch(() => caches.match(url.pathname).then((hit) => hit || Response.error())),
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
