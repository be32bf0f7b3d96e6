// The committed OpenAPI document (openapi/api-docs.json) is the source of the generated client types; these
// compare it with what a running API serves, and write what it serves.
//
//   tsx node-client/api-docs.ts check [API URL]   exit 1 and list the differing paths when they differ
//   tsx node-client/api-docs.ts fetch [API URL]   write the served document (npm run fetch:api also regenerates
//                                                  src/api/schema.d.ts from it)
// The URL defaults to $SCF_API_URL, then http://127.0.0.1:8080.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const COMMITTED_API_DOCS = join(dirname(fileURLToPath(import.meta.url)), '..', 'openapi', 'api-docs.json');

/** Parts of the document that depend on where it was fetched from, not on the API: left out of the comparison. */
const LOCAL_PARTS = ['servers'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export async function servedApiDocs(baseUrl: string): Promise<Json> {
  const url = `${baseUrl.replace(/\/+$/, '')}/v3/api-docs`;
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return (await response.json()) as Json;
}

export function committedApiDocs(): Json {
  return JSON.parse(readFileSync(COMMITTED_API_DOCS, 'utf8')) as Json;
}

/**
 * Where two documents differ, as JSON paths (`paths./api/v1/payables.post.responses`), with what each side has.
 * Object keys compare in any order; arrays compare in order.
 */
export function apiDocsDifferences(committed: Json, served: Json): string[] {
  const differences: string[] = [];
  const visit = (path: string, a: Json | undefined, b: Json | undefined) => {
    if (isObject(a) && isObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (path === '' && LOCAL_PARTS.includes(key)) continue;
        visit(path ? `${path}.${key}` : key, a[key], b[key]);
      }
    } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((item, i) => visit(`${path}[${i}]`, item, b[i]));
    } else if (a === undefined) {
      differences.push(`${path}: only served`);
    } else if (b === undefined) {
      differences.push(`${path}: only committed`);
    } else if (typeof a === 'string' && typeof b === 'string' && a !== b) {
      const at = firstDifference(a, b);
      differences.push(`${path}: from character ${at}, committed ${brief(a.slice(at))}, served ${brief(b.slice(at))}`);
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      differences.push(`${path}: committed ${brief(a)}, served ${brief(b)}`);
    }
  };
  visit('', committed, served);
  return differences;
}

const firstDifference = (a: string, b: string) => {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
};
const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const brief = (v: Json) => {
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
};

/** The document as committed: the served key order, four spaces, a final newline. */
export const formatApiDocs = (docs: Json) => `${JSON.stringify(docs, null, 4)}\n`;

async function main(command: string | undefined, url: string) {
  const served = await servedApiDocs(url);
  if (command === 'fetch') {
    writeFileSync(COMMITTED_API_DOCS, formatApiDocs(served));
    console.log(`wrote ${COMMITTED_API_DOCS} from ${url}`);
  } else if (command === 'check') {
    const differences = apiDocsDifferences(committedApiDocs(), served);
    if (differences.length === 0) {
      console.log(`openapi/api-docs.json is what ${url} serves`);
      return;
    }
    console.error(`openapi/api-docs.json differs from what ${url} serves in ${differences.length} place(s):`);
    for (const d of differences) console.error(`  ${d}`);
    console.error('regenerate it: SCF_API_URL=<the API> npm run fetch:api');
    process.exitCode = 1;
  } else {
    throw new Error('usage: api-docs.ts check|fetch [API URL]');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [command, url] = process.argv.slice(2);
  main(command, url ?? process.env.SCF_API_URL ?? 'http://127.0.0.1:8080').catch((e: Error) => {
    console.error(`error: ${e.message}`);
    process.exit(1);
  });
}
