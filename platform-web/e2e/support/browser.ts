// The browser side of the end-to-end run: Debian's Chromium through playwright-core, axe-core, screenshots.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { BASE_URL, log } from './settings.ts';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

const CHROMIUM = process.env.SCF_CHROMIUM ?? '/usr/bin/chromium';
const SCREENSHOTS = join(here, '..', '..', 'test-output', 'screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      // no --user-data-dir: playwright refuses it in launch() and gives every launch a fresh temporary profile itself
    ],
  });
}

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** A page in a fresh context (no session), in the given UI language, at desktop size unless told (PHONE). */
export async function newPage(browser: Browser, { language = 'en', viewport = DESKTOP } = {}): Promise<Page> {
  const isPhone = viewport.width < 768;
  const context = await browser.newContext({ viewport, locale: language, baseURL: BASE_URL, isMobile: isPhone, hasTouch: isPhone });
  await context.addInitScript((lang) => {
    try {
      if (!localStorage.getItem('scf.language')) localStorage.setItem('scf.language', lang);
    } catch {
      /* about:blank */
    }
  }, language);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  return page;
}

/** Waits until no request is in flight and no spinner turns. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-btn-loading'), null, { timeout: 30_000 }).catch(() => {});
  await page.waitForTimeout(300); // charts' first animation frame
}

export async function uiLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/Username|用户名/).fill(username);
  await page.getByLabel(/Password|密码/).fill(password);
  await page.getByRole('button', { name: /Log in|登录/ }).click();
  // either the app opens, or the login page shows the API's problem (e.g. RATE_LIMITED): report that one
  const problem = page.getByTestId('problem');
  await Promise.race([
    page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 30_000 }),
    problem.waitFor({ timeout: 30_000 }).then(async () => {
      throw new Error(`login of ${username} refused: ${(await problem.textContent())?.trim()}`);
    }),
  ]);
  await settle(page);
}

/** Logs out; on a phone Log out is in the Menu drawer, which is opened first. */
export async function uiLogout(page: Page): Promise<void> {
  const menu = page.getByTestId('menu-button');
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('button', { name: /Log out|退出/ }).click();
  await page.waitForURL(/\/login/);
}

export const shots: string[] = [];

export async function screenshot(page: Page, name: string): Promise<string> {
  await settle(page);
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  shots.push(file);
  log(`screenshot ${file}`);
  return file;
}

/** Runs axe-core in the page; returns the serious and critical violations (WCAG 2.1 A and AA rules). */
async function axe(page: Page, name: string) {
  await settle(page);
  // evaluated through the DevTools protocol: the page's Content-Security-Policy (script-src 'self') stays on
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    () =>
      (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        resultTypes: ['violations'],
      }) as Promise<AxeResults>,
  );
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = result.violations.length - bad.length;
  log(`axe ${name}: ${bad.length} serious/critical, ${minor} minor/moderate violation(s)`);
  for (const v of bad) {
    log(`  ${v.impact} ${v.id}: ${v.help}`);
    for (const n of v.nodes.slice(0, 5)) log(`     ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`);
  }
  return bad;
}

/** Screenshot and accessibility check of one main page: fails on serious or critical violations. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const bad = await axe(page, name);
  if (bad.length) {
    throw new Error(`${name}: ${bad.length} serious/critical accessibility violation(s): ${bad.map((v) => v.id).join(', ')}`);
  }
}
