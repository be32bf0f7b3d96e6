/**
 * The unified social credit code of a Chinese organisation (GB 32100-2015): 18 characters from the alphabet
 * 0-9 A-H J-N P-R T U W-Y (no I, O, S, V, Z): registration authority (1), organisation type (1), administrative
 * division (6 digits), organisation code (9) and a check character
 * C18 = (31 - (sum of value(Ci) x Wi for i = 1..17) mod 31) mod 31, with Wi = 3^(i-1) mod 31.
 *
 * The one TypeScript copy of the rule the API checks (platform-api kyc/UnifiedSocialCreditCode): the UI, the
 * seed and the end-to-end story import it from here. Dependency-free so that Node scripts can import it too.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Wi = 3^(i-1) mod 31: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28. */
export const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

/** Upper-cased, surrounding spaces removed (the API accepts lower case the same way). */
export function normaliseUscc(code: string): string {
  return code.trim().toUpperCase();
}

/** The check character of the first 17 characters; throws on a wrong length or a character outside the alphabet. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error('17 characters expected');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new Error(`not a code character: ${first17[i]}`);
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** The full code for 17 given characters: they, then their check character. */
export function completeUscc(first17: string): string {
  return first17 + usccCheckCharacter(first17);
}

/** Why the code is not valid (the API's own wording), or undefined when it is. */
export function usccProblem(raw: string | null | undefined): string | undefined {
  const code = raw == null ? '' : normaliseUscc(raw);
  if (code.length !== 18) return 'must have 18 characters';
  for (let i = 0; i < 18; i++) {
    if (!USCC_ALPHABET.includes(code[i])) {
      return `character ${i + 1} ('${code[i]}') is not one of 0-9 and A-Y without I, O, S, V, Z`;
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'characters 3-8 (the administrative division code) must be digits';
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) return `the check character is ${code[17]} but should be ${expected}`;
  return undefined;
}

export function isValidUscc(code: string | null | undefined): boolean {
  return usccProblem(code) === undefined;
}
