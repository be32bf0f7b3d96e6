import { asTokenStatus } from '../../api/statuses';
import type { FinancingView, TokenView, Underwriting } from '../../api/types';

/**
 * The underwriting's lineage (the steps from the payable's root token down to the financed one) as tokens for the
 * lineage tree: each step carries its own id, parent, holder, amount and status; the payable, obligor, currency and
 * maturity are the financed token's, shared by every token of one payable.
 */
export function underwritingLineage(underwriting: Underwriting | undefined, application: FinancingView): TokenView[] {
  const token = application.token;
  return (underwriting?.lineage ?? []).map(
    (step): TokenView => ({
      tokenId: step.tokenId,
      parentId: step.parentId,
      holderId: step.holderId,
      amountMinor: step.amountMinor,
      tier: step.tier,
      status: asTokenStatus(step.status),
      obligorId: token?.obligorId,
      payableId: token?.payableId,
      currency: token?.currency,
      maturityDate: token?.maturityDate,
    }),
  );
}
