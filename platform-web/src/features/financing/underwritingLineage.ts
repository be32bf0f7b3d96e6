import { asTokenStatus, type TokenStatus } from '../../api/statuses';
import type { FinancingView, TokenView, Underwriting } from '../../api/types';

/**
 * The underwriting's lineage (the steps from the payable's root token down to the financed one) as tokens for the
 * lineage tree: each step carries its own id, parent, holder, amount and status; the payable, obligor, currency and
 * maturity are the financed token's, shared by every token of one payable.
 *
 * The steps are the lineage as it was when the application was submitted; the financed token has moved on with the
 * application since (the bank holds it once approved, the supplier again once rejected or withdrawn), so its status
 * and holder follow the application's status rather than the snapshot.
 */
export function underwritingLineage(underwriting: Underwriting | undefined, application: FinancingView): TokenView[] {
  const token = application.token;
  const financed = financedTokenNow(application);
  return (underwriting?.lineage ?? []).map(
    (step): TokenView => ({
      tokenId: step.tokenId,
      parentId: step.parentId,
      holderId: (step.tokenId === token?.tokenId && financed?.holderId) || step.holderId,
      amountMinor: step.amountMinor,
      tier: step.tier,
      status: step.tokenId === token?.tokenId && financed ? financed.status : asTokenStatus(step.status),
      obligorId: token?.obligorId,
      payableId: token?.payableId,
      currency: token?.currency,
      maturityDate: token?.maturityDate,
    }),
  );
}

/** The financed token's status (and, once approved, its holder) as the application's status implies. */
function financedTokenNow(application: FinancingView): { status: TokenStatus; holderId?: string } | undefined {
  switch (application.status) {
    case 'SUBMITTED':
    case 'AWAITING_SECOND_APPROVAL':
    case 'APPROVING':
      return { status: 'FINANCING_PENDING' };
    case 'APPROVED':
    case 'DISBURSED':
      return { status: 'FINANCED', holderId: application.bankId };
    case 'REJECTED':
    case 'CANCELLED':
      return application.submittedAt ? { status: 'ACTIVE' } : undefined;
    default:
      return undefined;
  }
}
