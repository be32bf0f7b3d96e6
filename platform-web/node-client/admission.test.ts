// Two-admin admission against a local stand-in of the API: who sends which step, and what stops it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { admitOnLedger, kycAdmissionStep, type PlatformAdmins } from './admission.ts';
import { Api, ApiError } from './client.ts';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler;
let server: Server;
let admins: PlatformAdmins;
/** Each request as "<method> <path> by <bearer token>". */
let seen: string[];

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json' });
  res.end(JSON.stringify(body));
};

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString())).on('end', () => {
      seen.push(`${req.method} ${req.url} by ${req.headers.authorization?.replace('Bearer ', '') ?? 'nobody'}`);
      handler(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const api = new Api(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  admins = { maker: api.session('maker'), checker: api.session('checker') };
});
after(() => server.close());

test('an admission on the ledger: the maker enrolls and proposes, the checker confirms', async () => {
  seen = [];
  handler = (req, _body, res) => {
    if (req.url?.endsWith('/ledger-identity')) return json(res, 201, { enrollmentId: 'e-1' });
    json(res, 200, { id: 'C-1', status: req.headers.authorization === 'Bearer maker' ? 'PENDING' : 'ACTIVE' });
  };
  const admitted = await admitOnLedger(admins, 'C-1');
  assert.equal(admitted.status, 'ACTIVE');
  assert.deepEqual(seen, [
    'POST /api/v1/admin/enterprises/C-1/ledger-identity by maker',
    'POST /api/v1/admin/enterprises/C-1/ledger-registration by maker',
    'POST /api/v1/admin/enterprises/C-1/ledger-registration by checker',
  ]);
});

test('a proposal that does not leave the enterprise PENDING stops the admission before a second admin acts', async () => {
  seen = [];
  handler = (req, _body, res) => json(res, req.url?.endsWith('/ledger-identity') ? 201 : 200, { id: 'C-2', status: 'ACTIVE' });
  await assert.rejects(admitOnLedger(admins, 'C-2'), /C-2 is ACTIVE after the first admin's proposal, not PENDING/);
  assert.equal(seen.filter((s) => s.endsWith('by checker')).length, 0);
});

test('the same admin twice is the API’s refusal, thrown', async () => {
  seen = [];
  handler = (req, _body, res) => (req.headers.authorization === 'Bearer checker'
    ? json(res, 403, { code: 'SAME_APPROVER' })
    : json(res, req.url?.endsWith('/ledger-identity') ? 201 : 200, { id: 'C-3', status: 'PENDING' }));
  await assert.rejects(admitOnLedger(admins, 'C-3'), (e: unknown) => e instanceof ApiError && e.is('SAME_APPROVER'));
});

test('a KYC application: the maker reviews, the checker approves and activates, nothing else is an admin step', async () => {
  const notes = { review: 'checked', approval: 'approved' };
  handler = (req, body, res) => json(res, 200, { id: 'K-1', status: 'DONE', sent: `${req.url} ${body}` });
  const step = async (status: 'SUBMITTED' | 'REVIEWED' | 'APPROVED' | 'DRAFT' | 'REJECTED', activatedAt?: string) => {
    seen = [];
    await kycAdmissionStep(admins, { id: 'K-1', status, ledger: { activatedAt } }, notes);
    return seen;
  };
  assert.deepEqual(await step('SUBMITTED'), ['POST /api/v1/admin/kyc/applications/K-1/review by maker']);
  assert.deepEqual(await step('REVIEWED'), ['POST /api/v1/admin/kyc/applications/K-1/approve by checker']);
  assert.deepEqual(await step('APPROVED'), ['POST /api/v1/admin/kyc/applications/K-1/activation by checker']);
  assert.deepEqual(await step('APPROVED', '2026-01-01T00:00:00Z'), []);
  assert.deepEqual(await step('DRAFT'), []);
  assert.deepEqual(await step('REJECTED'), []);
});

test('a ledger step that fails after the approval is returned, to be read again and resumed', async () => {
  handler = (_req, _body, res) => json(res, 503, { code: 'PEER_UNAVAILABLE', activationStep: 'REGISTER' });
  const answer = await kycAdmissionStep(admins, { id: 'K-2', status: 'REVIEWED' }, { review: 'r', approval: 'a' });
  assert.ok(answer instanceof ApiError);
  assert.equal(answer.status, 503);
});
