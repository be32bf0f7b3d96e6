import createClient, { type Middleware } from 'openapi-fetch';
import { networkError, toApiError } from './problem';
import type { paths } from './schema';

let accessToken: string | null = null;
const listeners = new Set<() => void>();

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

export function getAccessToken(): string | null {
  return accessToken;
}

/** Called when the API says the token is no longer good (expired or revoked): the app logs out. */
export function onUnauthenticated(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const auth: Middleware = {
  onRequest({ request }) {
    if (accessToken && !request.headers.has('Authorization')) {
      request.headers.set('Authorization', `Bearer ${accessToken}`);
    }
    if (!request.headers.has('Accept-Language') && typeof document !== 'undefined') {
      request.headers.set('Accept-Language', document.documentElement.lang || 'en');
    }
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && accessToken && !request.url.includes('/api/v1/auth/login')) {
      listeners.forEach((l) => l());
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin });
api.use(auth);

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** Awaits an openapi-fetch call: its data, or an ApiError carrying the problem (network failures too). */
export async function call<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch (e) {
    throw networkError(e);
  }
  if (!result.response.ok) throw toApiError(result.response, result.error);
  return result.data as T;
}

/** A fresh Idempotency-Key for one user action (kept by the form so a retry reuses it). */
export function newIdempotencyKey(prefix = 'web'): string {
  const id = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
  return `${prefix}-${id}`;
}
