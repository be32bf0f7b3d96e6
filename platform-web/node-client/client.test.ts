// The client against a local stand-in of the API: problems become ApiErrors, retryable ones are sent again,
// expected ones are answers, uploads are multipart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Api, ApiError, multipartFile } from './client.ts';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
let handler: Handler;
let server: Server;
let api: Api;

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': status < 300 ? 'application/json' : 'application/problem+json', ...headers });
  res.end(JSON.stringify(body));
};

before(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString('latin1'))).on('end', () => handler(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = new Api(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
});
after(() => server.close());

test('a login carries its bearer token on the session’s calls', async () => {
  handler = (req, body, res) => {
    if (req.url === '/api/v1/auth/login') return json(res, 200, { accessToken: `token-of-${JSON.parse(body).username}` });
    json(res, 200, { kind: 'USER', id: req.headers.authorization });
  };
  const session = await api.login('alice', 'secret-password');
  assert.equal((await session.call((c) => c.GET('/api/v1/auth/me'))).id, 'Bearer token-of-alice');
});

test('a problem is thrown as an ApiError with its code, detail, field errors and request', async () => {
  handler = (_req, _body, res) => json(res, 400, { status: 400, code: 'VALIDATION_FAILED', detail: 'the request is invalid',
    errors: [{ field: 'username', message: 'must not be blank' }] });
  const error = await api.login('', 'x').then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 400);
  assert.equal(error.code, 'VALIDATION_FAILED');
  assert.equal(error.message,
    'POST /api/v1/auth/login answered 400 VALIDATION_FAILED: the request is invalid (username: must not be blank)');
});

test('attempt returns the expected problems and throws the others', async () => {
  handler = (req, _body, res) => (req.url?.endsWith('/X1') ? json(res, 404, { code: 'ENTERPRISE_NOT_FOUND' })
    : json(res, 409, { code: 'ENTERPRISE_EXISTS' }));
  const get = (enterpriseId: string) => (expected: (string | number)[]) => api.session('t').attempt(
    (c) => c.GET('/api/v1/admin/enterprises/{enterpriseId}', { params: { path: { enterpriseId } } }), expected);
  assert.ok((await get('X1')([404])) instanceof ApiError);
  assert.ok((await get('X2')(['ENTERPRISE_EXISTS'])) instanceof ApiError);
  await assert.rejects(get('X2')([404]), (e: ApiError) => e.code === 'ENTERPRISE_EXISTS');
});

test('with retries, a retryable problem is sent again after the Retry-After; without, it fails at once', async () => {
  let calls = 0;
  handler = (_req, _body, res) => (++calls === 1 ? json(res, 503, { code: 'LEDGER_BUSY' }, { 'Retry-After': '1' })
    : json(res, 200, { id: 'E1', status: 'ACTIVE' }));
  const get = (a: Api) => a.session('t').call((c) => c.GET('/api/v1/admin/enterprises/{enterpriseId}', { params: { path: { enterpriseId: 'E1' } } }));
  assert.equal((await get(new Api(api.baseUrl, { retry: true }))).status, 'ACTIVE');
  assert.equal(calls, 2);
  calls = 0;
  await assert.rejects(get(api), (e: ApiError) => e.code === 'LEDGER_BUSY');
  assert.equal(calls, 1);
});

test('a multipart upload sends the file part with its name and type, the other fields in the query', async () => {
  let seen = { url: '', contentType: '', body: '' };
  handler = (req, body, res) => {
    seen = { url: req.url ?? '', contentType: req.headers['content-type'] ?? '', body };
    json(res, 200, { kind: 'INVOICE' });
  };
  await api.session('t').call((c) => c.POST('/api/v1/financing/applications/{id}/documents', {
    params: { path: { id: 'FA-1' }, query: { kind: 'INVOICE' } },
    ...multipartFile({ name: 'invoice.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4 demo') }) }));
  assert.equal(seen.url, '/api/v1/financing/applications/FA-1/documents?kind=INVOICE');
  assert.match(seen.contentType, /^multipart\/form-data; boundary=/);
  assert.match(seen.body, /Content-Disposition: form-data; name="file"; filename="invoice.pdf"\r\nContent-Type: application\/pdf\r\n\r\n%PDF-1.4 demo/);
});
