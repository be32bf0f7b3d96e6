// What the login page costs a browser: the bytes of JavaScript transferred (as sent, compressed or not) and the
// load times, in Chromium against a running API (cold cache, 3 runs).
//   node --import tsx e2e/weight.ts http://127.0.0.1:8080
import { launch } from './support/browser.ts';

const base = process.argv[2] ?? process.env.SCF_BASE_URL ?? 'http://127.0.0.1:8080';
const browser = await launch();
try {
  for (let run = 1; run <= 3; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const types = new Map<string, string>();
    let js = 0;
    let all = 0;
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      all += e.encodedDataLength;
      if (types.get(e.requestId) === 'Script') js += e.encodedDataLength;
    });
    const started = Date.now();
    await page.goto(`${base}/login`, { waitUntil: 'load' });
    const loaded = Date.now() - started;
    await page.getByRole('button', { name: /Log in|登录/ }).waitFor();
    const usable = Date.now() - started;
    await page.waitForLoadState('networkidle');
    console.log(`run ${run}: JavaScript ${(js / 1024).toFixed(1)} KiB transferred, all ${(all / 1024).toFixed(1)} KiB; load ${loaded} ms, login form ${usable} ms`);
    await context.close();
  }
} finally {
  await browser.close();
}
