import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromBase64, isLowS, parseDerSignature, toBase64 } from '../der';
import { importKey } from '../keyStore';
import { onSigningState, signThrough, type SigningSession, type SigningState } from '../signing';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

async function newKey() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const key = await importKey(pkcs8, 'BANK-1', 'maker.one');
  const spki = Buffer.from(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { key, publicKey: createPublicKey({ key: spki, format: 'der', type: 'spki' }) };
}

describe('offline signing of a write, as the API asks for it', () => {
  it('signs the proposal, then the endorsed transaction, and answers the write’s own final answer', async () => {
    const { key, publicKey } = await newKey();
    const proposal = new TextEncoder().encode('proposal bytes');
    const transaction = new TextEncoder().encode('transaction bytes');
    const first: SigningSession = { id: 's1', step: 'PROPOSAL', transaction: 'ApproveFinancing', bytes: toBase64(proposal),
      signatureUrl: '/api/v1/signing-sessions/s1/proposal-signature' };
    const posted: { url: string; auth: string | null; signature: Uint8Array }[] = [];
    const states: (SigningState | null)[] = [];
    const stop = onSigningState((s) => states.push(s));
    const post = (async (url: string, init: RequestInit) => {
      const signature = fromBase64((JSON.parse(init.body as string) as { signature: string }).signature);
      posted.push({ url, auth: new Headers(init.headers).get('Authorization'), signature });
      return url.endsWith('/proposal-signature')
        ? json(200, { id: 's1', step: 'TRANSACTION', transaction: 'ApproveFinancing', bytes: toBase64(transaction), signatureUrl: '/api/v1/signing-sessions/s1/transaction-signature' })
        : json(201, { applicationId: 'FIN-1', status: 'AWAITING_SECOND_APPROVAL' });
    }) as typeof fetch;

    const answer = await signThrough(first, key, new Headers({ Authorization: 'Bearer t' }), post);
    stop();

    expect(answer.status).toBe(201);
    expect(await answer.json()).toEqual({ applicationId: 'FIN-1', status: 'AWAITING_SECOND_APPROVAL' });
    expect(posted.map((p) => new URL(p.url).pathname)).toEqual(['/api/v1/signing-sessions/s1/proposal-signature', '/api/v1/signing-sessions/s1/transaction-signature']);
    expect(posted.every((p) => p.auth === 'Bearer t')).toBe(true);
    for (const [i, message] of [proposal, transaction].entries()) {
      expect(verify('sha256', message, { key: publicKey, dsaEncoding: 'der' }, posted[i].signature)).toBe(true);
      expect(isLowS(parseDerSignature(posted[i].signature).s)).toBe(true);
    }
    expect(states).toEqual([{ transaction: 'ApproveFinancing', step: 'PROPOSAL' }, { transaction: 'ApproveFinancing', step: 'TRANSACTION' }, null]);
  });

  it('follows a write that takes a second ledger transaction, and stops at the API’s refusal', async () => {
    const { key } = await newKey();
    const session = (id: string, step: string) => ({ id, step, transaction: 'X', bytes: toBase64(new Uint8Array([1, 2, 3])),
      signatureUrl: `/api/v1/signing-sessions/${id}/${step === 'PROPOSAL' ? 'proposal' : 'transaction'}-signature` });
    const urls: string[] = [];
    const post = (async (url: string) => {
      urls.push(new URL(url).pathname);
      if (url.includes('s1/proposal')) return json(200, session('s1', 'TRANSACTION'));
      if (url.includes('s1/transaction')) return json(202, { signingSession: session('s2', 'PROPOSAL') });
      return json(410, { code: 'SIGNING_SESSION_EXPIRED', status: 410 });
    }) as typeof fetch;
    const answer = await signThrough(session('s1', 'PROPOSAL'), key, new Headers(), post);
    expect(urls).toEqual(['/api/v1/signing-sessions/s1/proposal-signature', '/api/v1/signing-sessions/s1/transaction-signature',
      '/api/v1/signing-sessions/s2/proposal-signature']);
    expect(answer.status).toBe(410);
    expect(((await answer.json()) as { code: string }).code).toBe('SIGNING_SESSION_EXPIRED');
  });
});
