import { describe, expect, it } from 'vitest';
import { USCC_ALPHABET, USCC_WEIGHTS, completeUscc, isValidUscc, normaliseUscc, usccCheckCharacter, usccProblem } from '../uscc';

// Published codes of real organisations and the standard's own example (the API's unit test uses the same ones).
const KNOWN = ['91350100M000100Y43', '91330100716105852F', '91440300708461136T', '914403001922038216', '91110000802100433B', '91110108551385082Q'];

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(KNOWN)('accepts %s and computes its check character', (code) => {
    expect(usccProblem(code)).toBeUndefined();
    expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
    expect(completeUscc(code.slice(0, 17))).toBe(code);
  });

  it('uses the weights 3^(i-1) mod 31', () => {
    expect(USCC_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(isValidUscc(' 91350100m000100y43 ')).toBe(true);
    expect(normaliseUscc(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
  });

  it('names a wrong check character', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('the check character is 4 but should be 3');
  });

  it('catches every single-character change', () => {
    const valid = '91440300708461136T';
    for (let pos = 0; pos < 17; pos++) {
      for (const c of USCC_ALPHABET) {
        if (c === valid[pos] || (pos >= 2 && pos < 8 && !/\d/.test(c))) continue;
        const changed = valid.slice(0, pos) + c + valid.slice(pos + 1);
        expect(isValidUscc(changed), changed).toBe(false);
      }
    }
  });

  it('refuses malformed codes with a reason', () => {
    expect(usccProblem(null)).toBe('must have 18 characters');
    expect(usccProblem('9135010')).toBe('must have 18 characters');
    expect(usccProblem('91350100M000100I43')).toContain('character 16');
    expect(usccProblem('913501O0M000100Y43')).toContain('character 7');
    expect(usccProblem('9135A100M000100Y43')).toContain('administrative division');
    expect(() => usccCheckCharacter('9135010')).toThrow('17 characters expected');
    expect(() => usccCheckCharacter('91350100M000100I4')).toThrow('not a code character: I');
  });
});
