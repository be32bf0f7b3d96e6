import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { PROBLEMS } from './problems';
import { zh } from './zh';

const repo = join(__dirname, '..', '..', '..');

/** The constants of a Java enum, read from its source: NAME( at the start of a line. */
function enumConstants(path: string): string[] {
  const source = readFileSync(join(repo, path), 'utf8');
  return [...source.matchAll(/^\s{4}([A-Z][A-Z0-9_]+)\s*\(/gm)].map((m) => m[1]);
}

describe('problem messages', () => {
  const codes = [
    ...enumConstants('contract/src/main/java/com/scfledger/contract/ErrorCode.java'),
    ...enumConstants('platform-api/src/main/java/com/scfledger/platform/problem/ProblemCode.java'),
  ];

  it('read both enums', () => {
    expect(codes).toContain('TOKEN_NOT_ACTIVE');
    expect(codes).toContain('VALIDATION_FAILED');
    expect(codes.length).toBeGreaterThan(90);
  });

  it('exist in English and Chinese for every code the chaincode and the API answer', () => {
    const missing = (dict: { problem: Record<string, string> }) => codes.filter((c) => !dict.problem[c]?.trim());
    expect(missing(en)).toEqual([]);
    expect(missing(zh)).toEqual([]);
  });

  it('are written for people: no status, code or jargon in the message, and the Chinese one is Chinese', () => {
    for (const [code, [english, chinese, enAction, zhAction]] of Object.entries(PROBLEMS)) {
      expect(english, code).not.toMatch(/\b[A-Z]{2,}_[A-Z_]+\b|\b[45]\d\d\b|HTTP|exception/i);
      expect(chinese, code).toMatch(/[\u4e00-\u9fff]/);
      expect(Boolean(enAction), code).toBe(Boolean(zhAction));
    }
  });
});
