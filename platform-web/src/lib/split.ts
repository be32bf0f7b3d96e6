import { parseMajor, type ParseResult } from './money';

export interface SplitPart {
  recipient: string;
  /** what the person typed, in major units ("1,250.00") */
  amount: string;
}

export interface PartCheck {
  recipient?: 'required' | 'format' | 'obligor';
  amount?: Exclude<ParseResult, { ok: true }>['reason'] | 'belowMinUnit';
  minor?: bigint;
}

export interface SplitCheck {
  parts: PartCheck[];
  /** sum of the parts that parse, in minor units */
  total: bigint;
  /** token amount - total: positive means still to allocate, negative means over */
  remaining: bigint;
  exact: boolean;
  /** every part valid and the sum exact: the form may be sent */
  valid: boolean;
}

const ENTERPRISE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Checks a split-and-transfer as it is typed: each part's recipient and amount, and that the parts add up
 * exactly to the token (the chaincode's conservation rule), in BigInt minor units.
 */
export function checkSplit(
  tokenAmount: bigint,
  parts: SplitPart[],
  digits: number,
  context: { obligorId?: string; minUnit?: bigint; locale?: string } = {},
): SplitCheck {
  let total = 0n;
  const checks: PartCheck[] = parts.map((p) => {
    const c: PartCheck = {};
    const r = p.recipient.trim();
    if (!r) c.recipient = 'required';
    else if (!ENTERPRISE_ID.test(r)) c.recipient = 'format';
    else if (context.obligorId && r === context.obligorId) c.recipient = 'obligor';
    const parsed = parseMajor(p.amount, digits, context.locale);
    if (parsed.ok) {
      c.minor = parsed.minor;
      total += parsed.minor;
      if (context.minUnit && parsed.minor < context.minUnit) c.amount = 'belowMinUnit';
    } else c.amount = parsed.reason;
    return c;
  });
  const remaining = tokenAmount - total;
  const exact = remaining === 0n;
  const valid = parts.length > 0 && exact && checks.every((c) => !c.recipient && !c.amount);
  return { parts: checks, total, remaining, exact, valid };
}
