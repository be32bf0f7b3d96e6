// Answers the committed OpenAPI document does not describe yet: the ledger writes answer `ResponseEntity<?>`
// (an empty object schema), and the KYC and financing lists share one schema named `Summary` (the KYC one).
// Each reader takes exactly the generated type it stands in for, so once the regenerated schema describes the
// answer the call no longer compiles: then delete the reader and use the generated type.
import type { Schemas } from './client';

/** What a committed ledger write answers. */
export interface Committed {
  transactionId: string;
  blockNumber: number;
}

/** A payable registered on the ledger. */
export interface RegisteredPayable extends Committed {
  payableId: string;
  maturityDate: string;
}

/** A line of GET /api/v1/financing/applications. */
export interface FinancingSummary {
  id: string;
  status: NonNullable<Schemas['FinancingView']['status']>;
  applicantId: string;
  bankId: string;
  obligorId: string;
  faceAmountMinor: number;
}

export const committed = (answer: Record<string, never>) => answer as unknown as Committed;
export const registeredPayable = (answer: Record<string, never>) => answer as unknown as RegisteredPayable;
export const financingSummaries = (answer: Schemas['Summary'][]) => answer as unknown as FinancingSummary[];
