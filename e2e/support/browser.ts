import { existsSync } from "node:fs";
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
