import { existsSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../src/access/index.ts";

/** Debian's Chromium, installed by the CI script; the suite never downloads a browser. */
export const CHROMIUM = process.env.SALUR_CHROMIUM ?? "/usr/bin/chromium";
export const chromiumAvailable = existsSync(CHROMIUM);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export const DESKTOP = { width: 1280, height: 900 };

/**
 * A page signed in through the login form as a demo user, in a context of its own (Indonesian locale, Paser's
 * time zone, downloads allowed), added to `contexts` so the suite closes it.
 */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  username: string,
  options: { contexts: BrowserContext[]; viewport?: { width: number; height: number } },
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    locale: "id-ID",
    timezoneId: "Asia/Makassar",
    acceptDownloads: true,
  });
  options.contexts.push(context);
  const page = await context.newPage();
  // Generous: the browser suites share a loaded machine; a state that never comes still fails, only later.
  page.setDefaultTimeout(60_000);
  page.on("pageerror", (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/masuk$/);
  await page.getByLabel(/^Nama pengguna/).fill(username);
  await page.getByLabel(/^Kata sandi/).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByRole("heading", { level: 1, name: /^Selamat datang/ }).waitFor();
  return page;
}

/** The page's globals the helpers below use (the suites have no DOM types). */
interface PageGlobals {
  requestAnimationFrame(callback: () => void): void;
  document: {
    querySelector(selector: string): object | null;
    getAnimations(): { playState: string; effect: { getTiming(): { iterations?: number } } | null }[];
  };
}

/**
 * Resolves once `read` gives `expected` (deep equality), reading again after each frame the page draws: what is
 * on screen changes only when the page renders, so this waits on the page's state, not on a length of time.
 * Throws with the last value read if `expected` has not come within `timeout` ms.
 */
export async function waitForValue<T>(
  page: Page,
  read: () => Promise<T>,
  expected: T,
  timeout = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (isDeepStrictEqual(value, expected)) return;
    if (Date.now() > deadline)
      throw new Error(
        `waited ${timeout} ms for ${JSON.stringify(expected)}; last read ${JSON.stringify(value)}`,
      );
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => (globalThis as unknown as PageGlobals).requestAnimationFrame(resolve)),
    );
  }
}

/**
 * Nothing loading (the activity bar is gone) and no transition or finite animation still running, so a
 * screenshot or a layout measure sees the page as it stays. Spinners loop forever and do not count.
 */
export async function waitForStill(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const doc = (globalThis as unknown as PageGlobals).document;
      const busy = doc.querySelector(
        '[role="progressbar"][aria-label="Sedang memuat data"], [role="progressbar"][aria-label="Loading data"]',
      );
      const moving = doc
        .getAnimations()
        .some(
          (a) =>
            a.playState === "running" && (a.effect?.getTiming().iterations ?? 1) !== Number.POSITIVE_INFINITY,
        );
      return !busy && !moving;
    },
    undefined,
    { polling: "raf" },
  );
}
