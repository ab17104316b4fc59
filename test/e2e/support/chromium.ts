// Headless Debian Chromium driven by playwright-core (no browser is downloaded): a fresh profile per launch, no
// network but this machine. office.js comes from @microsoft/office-js in node_modules, served in place of
// Microsoft's CDN; every other request that is not to the local server is aborted (and recorded).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { BrowserContext } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const OFFICE_JS_DIST = path.resolve(__dirname, "../../../node_modules/@microsoft/office-js/dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

export interface Hermetic {
  context: BrowserContext;
  /** Requests aborted because they would have left the machine. */
  aborted: string[];
  close(): Promise<void>;
}

/** A task pane's width in Excel (about 350 px), tall enough for a panel. */
export const PANE_VIEWPORT = { width: 360, height: 900 };

export async function launchChromium(origin: string, options: { acceptDownloads?: boolean } = {}): Promise<Hermetic> {
  const { chromium } = await import("playwright-core");
  // playwright sets --user-data-dir itself from this fresh folder (it refuses the flag among args).
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "lke-zi-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: PANE_VIEWPORT,
    locale: "id-ID",
    acceptDownloads: options.acceptDownloads ?? false,
  });
  const aborted: string[] = [];
  await context.route(`${CDN}**`, (route) => {
    const rel = new URL(route.request().url()).pathname.replace("/lib/1/hosted/", "");
    const file = path.join(OFFICE_JS_DIST, path.normalize(rel));
    if (!file.startsWith(OFFICE_JS_DIST) || !fs.existsSync(file)) return route.abort();
    return route.fulfill({ path: file });
  });
  await context.route(
    (url) => url.origin !== origin && !url.href.startsWith(CDN),
    (route) => {
      aborted.push(route.request().url());
      return route.abort();
    },
  );
  return {
    context,
    aborted,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
