// The committed OpenAPI document (the source of the generated client types) is what the running API serves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiDocsDifferences, committedApiDocs, servedApiDocs } from '../node-client/api-docs.ts';
import { BASE_URL } from './support/settings.ts';

test('openapi/api-docs.json is what the API serves at /v3/api-docs', async () => {
  const differences = apiDocsDifferences(committedApiDocs(), await servedApiDocs(BASE_URL));
  assert.deepEqual(differences, [],
    `openapi/api-docs.json differs from ${BASE_URL}/v3/api-docs in ${differences.length} place(s):\n  `
    + `${differences.join('\n  ')}\nregenerate it with the API running: SCF_API_URL=${BASE_URL} npm run fetch:api`);
});
