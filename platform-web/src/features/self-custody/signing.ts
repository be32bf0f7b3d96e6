import type { Middleware } from 'openapi-fetch';
import { signEcdsa } from './csr';
import { fromBase64, toBase64 } from './der';
import { loadKey, type StoredKey } from './keyStore';

/** The step of a write being signed in this browser, for the "signing with your key" state on screen. */
export interface SigningState {
  transaction: string;
  step: 'PROPOSAL' | 'TRANSACTION';
}

/** What the API answers (202) when a write of an enterprise that holds its own keys needs the user's signature. */
export interface SigningSession {
  id: string;
  step: string;
  transaction?: string;
  transactionId?: string;
  certificateId?: string;
  bytes?: string;
  signatureUrl?: string;
  expiresAt?: string;
}

let current: SigningState | null = null;
const watchers = new Set<(s: SigningState | null) => void>();

function show(state: SigningState | null) {
  current = state;
  watchers.forEach((w) => w(state));
}

export function signingState(): SigningState | null {
  return current;
}

export function onSigningState(watcher: (s: SigningState | null) => void): () => void {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

/** Whose key signs: the logged-in user's, in their enterprise (set at login, cleared at logout). */
let signer: { enterpriseId: string; username: string } | null = null;

export function setSigner(who: { enterpriseId?: string; username?: string } | null): void {
  signer = who?.enterpriseId && who.username ? { enterpriseId: who.enterpriseId, username: who.username } : null;
}

/** A problem made in the browser, shown like the API's (the code has its words in i18n/problems.ts). */
function problem(status: number, code: string, detail: string): Response {
  return new Response(JSON.stringify({ status, code, title: code, detail }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

async function sessionOf(response: Response): Promise<SigningSession | undefined> {
  if (response.status !== 202) return undefined;
  try {
    const body = (await response.clone().json()) as { signingSession?: SigningSession };
    return body?.signingSession?.signatureUrl && body.signingSession.bytes ? body.signingSession : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Signs one session to its end: the proposal, then the endorsed transaction; the API then answers as the original
 * write answers (which may be the next session, when the write takes two ledger transactions). One request per
 * signature, so each step costs exactly one extra round trip.
 */
export async function signThrough(first: SigningSession, key: StoredKey, headers: Headers,
  post: typeof fetch = fetch): Promise<Response> {
  let session: SigningSession | undefined = first;
  let response: Response | undefined;
  try {
    while (session) {
      show({ transaction: session.transaction ?? '', step: session.step === 'TRANSACTION' ? 'TRANSACTION' : 'PROPOSAL' });
      const signature = await signEcdsa(key.privateKey, fromBase64(session.bytes ?? ''));
      const sent = new Headers(headers);
      sent.set('Content-Type', 'application/json');
      response = await post(new URL(session.signatureUrl ?? '', location.origin).toString(), {
        method: 'POST',
        headers: sent,
        body: JSON.stringify({ signature: toBase64(signature) }),
      });
      if (response.status === 200 && session.step === 'PROPOSAL') {
        const next = (await response.clone().json()) as SigningSession;
        session = next.step === 'TRANSACTION' && next.bytes ? next : undefined;
      } else {
        session = await sessionOf(response);
      }
    }
  } finally {
    show(null);
  }
  return response!;
}

/**
 * Offline signing for every write through the typed client: a 202 with a signing session is signed here with the
 * user's own key and answered with the write's final answer, so the screens work as they do for any enterprise.
 */
export const selfCustodySigning: Middleware = {
  async onResponse({ request, response }) {
    const session = await sessionOf(response);
    if (!session) return response;
    const key = signer ? await loadKey(signer.enterpriseId, signer.username) : undefined;
    if (!key) {
      return problem(409, 'SIGNING_KEY_MISSING', 'Your enterprise signs its ledger writes with its users\' own keys, '
        + 'and this browser holds no key of yours. Nothing was written.');
    }
    const headers = new Headers();
    for (const name of ['Authorization', 'Accept-Language']) {
      const value = request.headers.get(name);
      if (value) headers.set(name, value);
    }
    return signThrough(session, key, headers);
  },
};
