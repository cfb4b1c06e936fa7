import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/access/index.ts";
import { CHROMIUM, chromiumAvailable, launchChromium, waitForStill } from "./support/browser.ts";
import { ensureWebBuilt, ROOT, type RunningSalur, startSalur } from "./support/server.ts";

/**
 * The enumerator of desa Lolo registers applicants with no signal: the form queues them on the phone (IndexedDB)
 * with their photos and sends them when the connection returns. Each is applied exactly once; an edit that met
 * a change made on the server meanwhile stays on the phone as a conflict with both versions, until resolved.
 */
const SCREENSHOTS = join(ROOT, "e2e", "screenshots");
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const LOLO = "64.01.05.2002";

// Women born 5 February 1990 in Kecamatan Kuaro (day + 40); serials far above any the demo issues.
const APPLICANTS = [
  { name: "Siti Aminah Lapangan", nik: "6401054502909871", kk: "6401050101209871" },
  { name: "Rina Marlina Lapangan", nik: "6401054502909872", kk: "6401050101209872" },
  { name: "Dewi Sartika Lapangan", nik: "6401054502909873", kk: "6401050101209873" },
];

/** The page's globals, typed just enough for the scripts run inside it (no DOM lib here). */
interface InPage {
  document: {
    createElement(tag: "canvas"): {
      width: number;
      height: number;
      getContext(kind: "2d"): {
        fillStyle: string;
        fillRect(x: number, y: number, w: number, h: number): void;
      };
      toDataURL(type: string, quality: number): string;
    };
  };
  indexedDB: {
    open(name: string): {
      onsuccess: (() => void) | null;
      onerror: (() => void) | null;
      result: {
        transaction(store: string): {
          objectStore(store: string): { getAll(): { onsuccess: (() => void) | null; result: unknown[] } };
        };
      };
    };
  };
  fetch(url: string, init?: unknown): Promise<{ status: number; json(): Promise<unknown> }>;
}

interface QueuedInPage {
  submissionId: string;
  state: string;
  payload: unknown;
  result?: { personId: string; enrollmentId: string; applicationStatus: string };
}

describe.skipIf(!chromiumAvailable)("field registration offline in Chromium", () => {
  let salur: RunningSalur;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await ensureWebBuilt();
    [salur, browser] = await Promise.all([startSalur(), launchChromium()]);
  }, 300_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await salur?.stop();
  }, 60_000);

  /** An official's API session (cookie in the context, CSRF token from the login answer). */
  async function apiSession(username: string) {
    const context = await browser.newContext({ baseURL: salur.baseUrl });
    contexts.push(context);
    const login = await context.request.post("/api/auth/login", {
      data: { username, password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(200);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const request: APIRequestContext = context.request;
    return {
      get: async <T>(path: string) => {
        const res = await request.get(`/api${path}`);
        expect(res.status(), await res.text()).toBe(200);
        return (await res.json()) as T;
      },
      patch: (path: string, data: unknown) =>
        request.patch(`/api${path}`, { data: data as object, headers: { "x-csrf-token": csrfToken } }),
    };
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    const width = page.viewportSize()?.width ?? 0;
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await waitForStill(page);
    await page.screenshot({ path: join(SCREENSHOTS, `registration-${name}-${width}.png`), fullPage: true });
  }

  /** A small JPEG drawn in the page, as a phone camera would hand it over. */
  async function jpeg(page: Page, colour: string): Promise<Buffer> {
    const url = await page.evaluate((colour) => {
      const canvas = (globalThis as unknown as InPage).document.createElement("canvas");
      canvas.width = 64;
      canvas.height = 40;
      const context = canvas.getContext("2d");
      context.fillStyle = colour;
      context.fillRect(0, 0, 64, 40);
      return canvas.toDataURL("image/jpeg", 0.9);
    }, colour);
    return Buffer.from(url.split(",")[1] ?? "", "base64");
  }

  async function attachPhotos(page: Page): Promise<void> {
    const kinds = ["ktp", "kk", "sku"];
    const inputs = page.locator('[data-testid="document-checklist"] input[type="file"]');
    expect(await inputs.count()).toBe(kinds.length);
    for (const [index, kind] of kinds.entries()) {
      const buffer = await jpeg(page, ["#c33", "#3a3", "#33c"][index] ?? "#999");
      await inputs.nth(index).setInputFiles({ name: `${kind}.jpg`, mimeType: "image/jpeg", buffer });
      await page
        .getByTestId(`photo-${kind}-state`)
        .getByText(/^Foto siap/)
        .waitFor();
    }
  }

  /** Completes and queues the form; `name` is whom it registers, named by the page once it is on the device. */
  async function finishForm(page: Page, name: string): Promise<void> {
    await page.getByLabel(/^Nama usaha/).fill("Warung Lapangan");
    await page.getByLabel(/^Bidang usaha/).selectOption("food");
    await attachPhotos(page);
    await page.getByLabel("Ya, hadir").check();
    await page.getByRole("button", { name: "Simpan ke antrean" }).click();
    // This save's own message: the one of the save before stays on screen until this one replaces it, and the
    // form is emptied for the next applicant only then.
    await page.getByRole("status").getByText(`Disimpan di perangkat: ${name}`, { exact: true }).waitFor();
  }

  async function queue(page: Page): Promise<QueuedInPage[]> {
    return page.evaluate(
      () =>
        new Promise<QueuedInPage[]>((resolve, reject) => {
          const request = (globalThis as unknown as InPage).indexedDB.open("salur-field");
          request.onerror = () => reject(new Error("indexedDB"));
          request.onsuccess = () => {
            const all = request.result.transaction("submissions").objectStore("submissions").getAll();
            all.onsuccess = () => resolve(all.result as QueuedInPage[]);
          };
        }),
    );
  }

  async function states(page: Page): Promise<string[]> {
    return page
      .locator('[data-testid="queue-item"]')
      .evaluateAll((nodes) =>
        nodes.map((node) =>
          (node as unknown as { getAttribute(n: string): string }).getAttribute("data-state"),
        ),
      );
  }

  it("queues three applicants and an edit offline, applies them once when the signal returns, and keeps the conflicting edit for the officer", async () => {
    const operator = await apiSession("operator.lolo");
    const enumeratorApi = await apiSession("pendata.lolo");
    const programs = await enumeratorApi.get<{ id: string; code: string }[]>("/programs");
    const umkm = programs.find((p) => p.code === "BLT-UMKM");
    const periods = await enumeratorApi.get<{ id: string; programId: string; status: string }[]>("/periods");
    const period = periods.find((p) => p.programId === umkm?.id && p.status === "open");
    expect(period).toBeDefined();
    const periodId = period?.id ?? "";

    // A person of Lolo not yet in this period, whose name finds only them.
    const lolo = await operator.get<{ items: { id: string; name: string; version: number }[] }>(
      `/persons?villageCode=${LOLO}&pageSize=60`,
    );
    const enrolled = await operator.get<{ items: { id: string }[] }>(
      `/persons?villageCode=${LOLO}&periodId=${periodId}&pageSize=200`,
    );
    const enrolledIds = new Set(enrolled.items.map((p) => p.id));
    let existing: { id: string; name: string; version: number } | undefined;
    for (const candidate of lolo.items) {
      if (enrolledIds.has(candidate.id)) continue;
      const same = await operator.get<{ total: number }>(`/persons?q=${encodeURIComponent(candidate.name)}`);
      if (same.total === 1) {
        existing = candidate;
        break;
      }
    }
    if (!existing) throw new Error("no unambiguous Lolo person outside the period");
    const before = await operator.get<{ total: number }>(`/persons?villageCode=${LOLO}&pageSize=1`);

    const context = await browser.newContext({
      viewport: PHONE,
      locale: "id-ID",
      timezoneId: "Asia/Makassar",
      baseURL: salur.baseUrl,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on("pageerror", (error) => console.error(`page error: ${error.message}`));

    await page.goto("/masuk");
    await page.getByLabel(/^Nama pengguna/).fill("pendata.lolo");
    await page.getByLabel(/^Kata sandi/).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByRole("heading", { level: 1, name: /^Selamat datang/ }).waitFor();
    await page.evaluate(
      (id) =>
        (
          globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
        ).localStorage.setItem("salur.field.period", id),
      periodId,
    );
    await page.goto("/pendataan");
    await page.getByRole("heading", { level: 1, name: "Pendataan lapangan" }).waitFor();
    await page.getByTestId("document-checklist").waitFor();

    // Online: the applicant to update is picked from the server before leaving for the field.
    await page.getByText("Sudah terdaftar", { exact: true }).click();
    await page.getByTestId("person-search").fill(existing.name);
    await page.getByRole("button", { name: "Cari", exact: true }).click();
    await page.getByRole("button", { name: "Pilih" }).first().click();
    await page.getByTestId("picked-person").getByText(existing.name).waitFor();
    // Leaving for the field once the page says it is ready without signal (app, session, regions, programs).
    await page.locator('[data-testid="offline-ready"][data-state="ready"]').waitFor({ timeout: 60_000 });

    await context.setOffline(true);
    await page.locator('[data-testid="connection"][data-online="false"]').waitFor();

    const deviceAddress = "Jl. Poros Lolo Km 3 (pindah)";
    await page.getByLabel(/^Alamat/).fill(deviceAddress);
    await page.getByLabel(/^Alasan perubahan/).fill("Pindah rumah menurut RT");
    await finishForm(page, existing.name);

    await page.getByText("Baru", { exact: true }).click();
    for (const applicant of APPLICANTS) {
      await page.getByTestId("nik-input").fill(applicant.nik);
      await page.getByTestId("kk-input").fill(applicant.kk);
      await page.getByLabel(/^Nama lengkap/).fill(applicant.name);
      await page.getByRole("button", { name: "Pakai jenis kelamin & tanggal lahir dari NIK" }).click();
      await page.getByLabel(/^RT/).fill("3");
      await page.getByLabel(/^Status pekerjaan/).selectOption("informal_trader");
      await finishForm(page, applicant.name);
    }
    // The queue list is read from the device's store after each save: read it once it counts all four.
    await page.getByTestId("queue-pending").getByText("4 menunggu dikirim").waitFor();
    expect(await states(page)).toEqual(["queued", "queued", "queued", "queued"]);
    await screenshot(page, "queued");

    // Meanwhile the village operator corrects the same person on the server.
    const serverAddress = "Jl. Imam Bonjol No. 99";
    const patched = await operator.patch(`/persons/${existing.id}`, {
      version: existing.version,
      address: serverAddress,
      reason: "Koreksi alamat dari kantor desa",
    });
    expect(patched.status(), await patched.text()).toBe(200);

    await context.setOffline(false);
    await page.waitForFunction(
      () => {
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): unknown } })
          .document;
        const nodes = Array.from(
          doc.querySelectorAll('[data-testid="queue-item"]') as ArrayLike<{
            getAttribute(n: string): string;
          }>,
        );
        return nodes.every((node) => ["applied", "conflict"].includes(node.getAttribute("data-state")));
      },
      undefined,
      { timeout: 60_000 },
    );
    expect(await states(page)).toEqual(["conflict", "applied", "applied", "applied"]);

    // The conflict shows both versions side by side; nothing of the device's edit is lost.
    const conflict = page.getByTestId("conflict");
    await conflict.getByText(serverAddress).waitFor();
    await conflict.getByText(deviceAddress).waitFor();
    await screenshot(page, "conflict");
    await page.setViewportSize(DESKTOP);
    await screenshot(page, "conflict");
    await page.setViewportSize(PHONE);

    const after = await operator.get<{ total: number }>(`/persons?villageCode=${LOLO}&pageSize=1`);
    expect(after.total).toBe(before.total + APPLICANTS.length);
    const queued = await queue(page);
    const applied = queued.filter((item) => item.state === "applied");
    expect(new Set(applied.map((item) => item.result?.personId)).size).toBe(3);
    expect(new Set(applied.map((item) => item.result?.enrollmentId)).size).toBe(3);
    // With every paper photographed and the applicant eligible, each goes straight to verification.
    expect(applied.map((item) => item.result?.applicationStatus)).toEqual([
      "submitted",
      "submitted",
      "submitted",
    ]);
    for (const applicant of APPLICANTS) {
      const found = await operator.get<{ total: number }>(`/persons?nik=${applicant.nik}`);
      expect(found.total, applicant.name).toBe(1);
    }

    // A resend of an applied submission (a retry after a lost answer) is replayed, not applied again.
    const replays = await page.evaluate(async (items) => {
      const inPage = globalThis as unknown as InPage;
      const me = (await (await inPage.fetch("/api/auth/me")).json()) as { csrfToken: string };
      const answers: { status: number; replayed: unknown }[] = [];
      for (const item of items) {
        const res = await inPage.fetch(`/api/registrations/${item.submissionId}`, {
          method: "PUT",
          headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
          body: JSON.stringify(item.payload),
        });
        answers.push({
          status: res.status,
          replayed: ((await res.json()) as { replayed: unknown }).replayed,
        });
      }
      return answers;
    }, applied);
    expect(replays).toEqual(applied.map(() => ({ status: 200, replayed: true })));
    expect((await operator.get<{ total: number }>(`/persons?villageCode=${LOLO}&pageSize=1`)).total).toBe(
      after.total,
    );

    // The officer keeps the device's change on top of the server's version: applied once, address from the field.
    await page.getByTestId("resolve-keep-mine").click();
    await page.locator('[data-testid="queue-item"][data-state="applied"]').nth(3).waitFor();
    expect(await states(page)).toEqual(["applied", "applied", "applied", "applied"]);
    const person = await operator.get<{ address: string; version: number }>(`/persons/${existing.id}`);
    expect(person.address).toBe(deviceAddress);
    expect(person.version).toBe(existing.version + 2);
    const mine = await enumeratorApi.get<{ items: { status: string; submissionId: string }[] }>(
      "/registrations?mine=true",
    );
    const ours = new Set(queued.map((item) => item.submissionId));
    const statuses = mine.items.filter((item) => ours.has(item.submissionId)).map((item) => item.status);
    expect(statuses).toEqual(["applied", "applied", "applied", "applied"]);
    await screenshot(page, "synced");
    await page.setViewportSize(DESKTOP);
    await screenshot(page, "synced");

    // Installed as an app, the page reopens with no signal: the shell comes from the service worker, the queue
    // from IndexedDB.
    await page.setViewportSize(PHONE);
    // The page says when the app, session and programs are stored for use without signal.
    await page.locator('[data-testid="offline-ready"][data-state="ready"]').waitFor({ timeout: 60_000 });
    await context.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Pendataan lapangan" }).waitFor();
    await page.locator('[data-testid="connection"][data-online="false"]').waitFor();
    await page.locator('[data-testid="queue-item"]').nth(3).waitFor();
    expect(await states(page)).toEqual(["applied", "applied", "applied", "applied"]);
    await screenshot(page, "offline-reload");
    await context.setOffline(false);
  }, 240_000);
});

if (!chromiumAvailable) {
  console.log(`Registration browser test skipped: no Chromium at ${CHROMIUM}.`);
}
