import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as statuses from '../api/statuses';
import { en } from './en';
import { zh } from './zh';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`)));
}
const base = (k: string) => k.replace(/_(one|other|few|many|zero|two)$/, '');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) && !/\.test\./.test(f) ? [p] : [];
  });
}

describe('dictionaries', () => {
  const enKeys = new Set(keys(en).map(base));
  const zhKeys = new Set(keys(zh).map(base));

  it('have the same keys in English and Chinese', () => {
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('have every key the code asks for', () => {
    const used = new Set<string>();
    for (const file of sources(join(__dirname, '..'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('name every status some backend has, and no other', () => {
    const known = new Set(Object.values(statuses).flatMap((v) => (Array.isArray(v) ? v : typeof v === 'string' ? [v] : [])));
    expect(known.size).toBeGreaterThan(25);
    for (const dict of [en, zh]) expect(Object.keys(dict.status).sort()).toEqual([...known].sort());
  });
});
