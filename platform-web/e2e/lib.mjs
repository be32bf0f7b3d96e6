// Helpers for the end-to-end run: Debian's Chromium through playwright-core, axe-core, screenshots and
// the public admin API for seeding.
import { mkdirSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash, randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

export const BASE_URL = (process.env.SCF_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
export const ADMIN_USERNAME = process.env.SCF_E2E_ADMIN_USERNAME ?? process.env.SCF_ADMIN_USERNAME ?? 'admin';
export const ADMIN_PASSWORD = process.env.SCF_E2E_ADMIN_PASSWORD ?? process.env.SCF_ADMIN_PASSWORD ?? 'change-me-now-please';
export const CHROMIUM = process.env.SCF_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(here, '..', 'test-output', 'screenshots');
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const sha256 = (s) => createHash('sha256').update(s).digest('hex');
export const randomHex = () => randomBytes(32).toString('hex');
export const log = (...a) => console.log('   ', ...a);

// ---- the API, for seeding -----------------------------------------------------------------------------

export async function apiCall(method, path, { token, body, headers = {} } = {}) {
  const res = await fetch(BASE_URL + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, body: json };
}

export async function apiOk(method, path, opts) {
  const r = await apiCall(method, path, opts);
  if (r.status >= 300) {
    const p = r.body ?? {};
    throw new Error(`${method} ${path} -> ${r.status} ${p.code ?? ''} ${p.detail ?? JSON.stringify(p)}`);
  }
  return r.body;
}

export async function login(username, password) {
  return (await apiOk('POST', '/api/v1/auth/login', { body: { username, password } })).accessToken;
}

/** Is the API path published (in its OpenAPI document)? Decides which steps of the story can run yet. */
export async function publishedPaths() {
  const r = await apiCall('GET', '/v3/api-docs');
  return new Set(Object.keys(r.body?.paths ?? {}));
}

// ---- the browser --------------------------------------------------------------------------------------

export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
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
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

export async function newPage(browser, { language = 'en' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: language, baseURL: BASE_URL });
  await context.addInitScript((lang) => {
    try {
      if (!localStorage.getItem('scf.language')) localStorage.setItem('scf.language', lang);
    } catch {
      /* about:blank */
    }
  }, language);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.consoleErrors = errors;
  return page;
}

/** Waits until no request is in flight and no spinner turns. */
export async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-btn-loading'), null, { timeout: 30_000 }).catch(() => {});
  await page.waitForTimeout(300); // charts' first animation frame
}

export async function uiLogin(page, username, password) {
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

export async function uiLogout(page) {
  await page.getByRole('button', { name: /Log out|退出/ }).click();
  await page.waitForURL(/\/login/);
}

export const shots = [];

export async function screenshot(page, name) {
  await settle(page);
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  shots.push(file);
  log(`screenshot ${file}`);
  return file;
}

/** Runs axe-core in the page; returns the serious and critical violations (WCAG 2.1 A and AA rules). */
export async function axe(page, name) {
  await settle(page);
  // evaluated through the DevTools protocol: the page's Content-Security-Policy (script-src 'self') stays on
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async () =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }),
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

/** Screenshot and accessibility check of one main page. */
export async function checkPage(t, page, name) {
  await screenshot(page, name);
  const bad = await axe(page, name);
  if (bad.length) {
    throw new Error(`${name}: ${bad.length} serious/critical accessibility violation(s): ${bad.map((v) => v.id).join(', ')}`);
  }
}
