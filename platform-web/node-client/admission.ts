// Admission of an enterprise takes two platform admins (four eyes): one acts first, another confirms, and the
// API refuses the same admin twice (SAME_APPROVER). The e2e story, the demo seed and the chaos driver admit their
// enterprises through these helpers, so the rule is written once.
import type { ApiError, Schemas, Session } from './client.ts';

/** Two logged-in platform admins: the maker acts first, the checker (another admin) confirms. */
export interface PlatformAdmins {
  maker: Session;
  checker: Session;
}

type Kyc = Schemas['KycView'];

/**
 * Admits an enterprise straight on the ledger (an enterprise created with its KYC hash): enrolls its ledger
 * identity at its organisation's CA, the maker proposes its admission (it stays PENDING), the checker confirms it
 * (ACTIVE). Returns the admitted enterprise.
 */
export async function admitOnLedger({ maker, checker }: PlatformAdmins, enterpriseId: string): Promise<Schemas['Enterprise']> {
  const path = { params: { path: { enterpriseId } } };
  await maker.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/ledger-identity', path));
  const proposed = await maker.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/ledger-registration', path));
  if (proposed.status !== 'PENDING') {
    throw new Error(`${enterpriseId} is ${proposed.status} after the first admin's proposal, not PENDING`);
  }
  const admitted = await checker.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/ledger-registration', path));
  if (admitted.status !== 'ACTIVE') {
    throw new Error(`${enterpriseId} is ${admitted.status} after the second admin's confirmation, not ACTIVE`);
  }
  return admitted;
}

/** What the admins write on a KYC application they review and approve. */
export interface KycNotes {
  review: string;
  approval: string;
}

/**
 * The admins' next step on a KYC application, by its status: the maker reviews a SUBMITTED one; the checker
 * approves a REVIEWED one (which enrolls the enterprise, anchors its KYC record and registers it on the ledger),
 * and activates an APPROVED one whose ledger steps did not all finish. Returns the application as the API answers
 * it; the ApiError of a ledger step that failed (the approval stands: read the application again and resume); or
 * undefined when no admin step is due (a draft, a rejection, an activated approval).
 */
export async function kycAdmissionStep({ maker, checker }: PlatformAdmins, application: Kyc,
  notes: KycNotes): Promise<Kyc | ApiError | undefined> {
  const params = { path: { id: application.id! } };
  switch (application.status) {
    // INVALID_KYC_STATE: a retried step whose first, slow answer was lost did it already; read again and resume
    case 'SUBMITTED':
      return maker.attempt((c) => c.POST('/api/v1/admin/kyc/applications/{id}/review', { params,
        body: { note: notes.review } }), ['INVALID_KYC_STATE']);
    case 'REVIEWED':
      return checker.attempt((c) => c.POST('/api/v1/admin/kyc/applications/{id}/approve', { params,
        body: { note: notes.approval } }), [502, 503, 'INVALID_KYC_STATE']);
    case 'APPROVED':
      if (application.ledger?.activatedAt) return undefined;
      return checker.attempt((c) => c.POST('/api/v1/admin/kyc/applications/{id}/activation', { params }),
        ['ALREADY_ACTIVATED', 502, 503]);
    default:
      return undefined;
  }
}
