import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiDocsDifferences } from './api-docs.ts';

const docs = {
  openapi: '3.1.0',
  servers: [{ url: 'http://127.0.0.1:8080' }],
  paths: { '/api/v1/payables': { get: { operationId: 'list', tags: ['payables'] } } },
};

test('documents equal but for key order and the server they were fetched from do not differ', () => {
  const served = {
    paths: { '/api/v1/payables': { get: { tags: ['payables'], operationId: 'list' } } },
    servers: [{ url: 'http://127.0.0.1:18181' }],
    openapi: '3.1.0',
  };
  assert.deepEqual(apiDocsDifferences(docs, served), []);
});

test('each difference is named by its JSON path, with what each side has', () => {
  const served = {
    openapi: '3.1.0',
    paths: {
      '/api/v1/payables': { get: { operationId: 'listPayables', tags: ['payables'] } },
      '/api/v1/tokens': { get: { operationId: 'tokens' } },
    },
  };
  assert.deepEqual(apiDocsDifferences(docs, served), [
    'paths./api/v1/payables.get.operationId: from character 4, committed "", served "Payables"',
    'paths./api/v1/tokens: only served',
  ]);
  assert.deepEqual(apiDocsDifferences(served, docs)[1], 'paths./api/v1/tokens: only committed');
});

test('arrays compare in order', () => {
  const served = structuredClone(docs);
  served.paths['/api/v1/payables'].get.tags = ['payables', 'extra'];
  assert.deepEqual(apiDocsDifferences(docs, served), ['paths./api/v1/payables.get.tags: committed ["payables"], served ["payables","extra"]']);
});

test('two texts are shown from where they start to differ', () => {
  const served = structuredClone(docs);
  served.paths['/api/v1/payables'].get.operationId = 'lister';
  assert.deepEqual(apiDocsDifferences(docs, served), ['paths./api/v1/payables.get.operationId: from character 4, committed "", served "er"']);
});
