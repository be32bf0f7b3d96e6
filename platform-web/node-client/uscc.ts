// GB 32100-2015 unified social credit code: 17 characters and a check character over them.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The full 18-character code for its first 17 characters. */
export function unifiedSocialCreditCode(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * (3 ** i % 31);
  return first17 + ALPHABET[(31 - (sum % 31)) % 31];
}
