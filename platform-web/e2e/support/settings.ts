// Where the end-to-end run finds the API (serving the web UI) and how it logs in as the platform admin.
import { randomBytes } from 'node:crypto';
import { Api } from '../../node-client/client.ts';

export const BASE_URL = (process.env.SCF_BASE_URL ?? 'http://127.0.0.1:8080').replace(/\/$/, '');
export const ADMIN_USERNAME = process.env.SCF_E2E_ADMIN_USERNAME ?? process.env.SCF_ADMIN_USERNAME ?? 'admin';
export const ADMIN_PASSWORD = process.env.SCF_E2E_ADMIN_PASSWORD ?? process.env.SCF_ADMIN_PASSWORD ?? 'change-me-now-please';

/** The public API, for what the story sets up around the screens (fails at once: no retries hide a problem). */
export const api = new Api(BASE_URL);

export const randomHex = () => randomBytes(32).toString('hex');
export const log = (...a: unknown[]) => console.log('   ', ...a);

/** The value an earlier step produced; a step that needs it fails (not skips) when that step did not get it. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is missing: an earlier step failed`);
  return value;
}
