// Seeds a realistic demo through the platform's public REST API only, on the typed client of
// platform-web/node-client (run with platform-web's tsx: `npm ci` there first, as scripts/up.sh does).
//
//   platform-web/node_modules/.bin/tsx scripts/seed-demo.ts [--full] [--no-logins] [API URL]
//       default URL http://127.0.0.1:$SCF_API_PORT (8080)
//   --full: walk every step even when the demo looks complete (each still writes only what is missing)
//   --no-logins: write the logins to the file but do not print them (scripts/up.sh prints them in its summary)
//
// One core enterprise, one bank, six suppliers over three tiers, each admitted through the KYC workflow
// (maker-checker by two platform admins, then enrolled at its organisation's CA and registered on the
// ledger); payables of the core enterprise accepted by its tier-1 suppliers, split and transferred down the
// tiers; one financing approved by the bank (maker and checker) and one waiting in the bank's queue; one payable
// settled at maturity. Custody as in a real consortium: the core enterprise HUAXIN-AUTO holds its own ledger key in
// a SoftHSM2 token and registers and settles through the command-line signing client (signing-client/); the tier-2
// supplier HENGTONG-PCB and the bank PUJIANG-BANK switch to their own keys (SoftHSM2 tokens of their systems) once
// their history is seeded, so the bank's maker and checker go on to sign in the browser with keys of their own;
// the other suppliers stay PLATFORM custody (the platform signs for them).
//
// Idempotent: every step first reads what is there and only does what is missing, so a second run writes
// nothing and prints the same logins, and a run that was interrupted resumes where it stopped.
// Writes the logins to .run/demo-logins.txt (SCF_DEMO_LOGINS_FILE overrides), the tokens to .run/softhsm/<enterprise>
// (SCF_DEMO_HSM_DIR overrides; needs softhsm2 and the built signing client, as scripts/up.sh provides).
//
// Settings (environment):
//   SCF_API_URL                         the API (or the first argument)
//   SCF_ADMIN_USERNAME / SCF_ADMIN_PASSWORD   the bootstrap platform admin the API was started with
//                                       (default admin / scf-demo-pass, as scripts/up.sh starts it)
//   SCF_DEMO_PASSWORD                   the password of every demo user it creates (default scf-demo-pass)
//   SCF_DEMO_HSM_PIN                    the user PIN of the demo's SoftHSM2 tokens (default 4321)
//   SCF_DEMO_ID_SUFFIX                  appended to every enterprise id, e.g. -T1: for trying the seed against a
//                                       ledger that already holds the demo (ids on the ledger are forever)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kycAdmissionStep } from '../platform-web/node-client/admission.ts';
import { Api, ApiError, multipartFile, type Schemas, type Session } from '../platform-web/node-client/client.ts';
import type { FinancingStatus } from '../platform-web/src/api/statuses.ts';
import { addDays, todayIn } from '../platform-web/src/lib/dates.ts';
import { completeUscc } from '../platform-web/src/lib/uscc.ts';
import { demoCast, type Enterprise, type Financing } from './seed-demo/cast.ts';
import { invoiceFingerprint, pdf, png, sha256 } from './seed-demo/documents.ts';
import { HSM_PIN, HsmSigner, type CliResult } from './seed-demo/hsm.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ARGS = process.argv.slice(2);
const FULL = ARGS.includes('--full');
const PRINT_LOGINS = !ARGS.includes('--no-logins');
const API_URL = (ARGS.find((a) => !a.startsWith('--')) || process.env.SCF_API_URL || `http://127.0.0.1:${process.env.SCF_API_PORT || 8080}`)
  .replace(/\/+$/, '');
const ADMIN = { username: process.env.SCF_ADMIN_USERNAME || 'admin', password: process.env.SCF_ADMIN_PASSWORD || 'scf-demo-pass' };
const PASSWORD = process.env.SCF_DEMO_PASSWORD || 'scf-demo-pass';
const LOGINS_FILE = process.env.SCF_DEMO_LOGINS_FILE || join(ROOT, '.run', 'demo-logins.txt');
const COLOR = process.stdout.isTTY;
const HSM_DIR = process.env.SCF_DEMO_HSM_DIR || join(ROOT, '.run', 'softhsm');
const CLI_JAR = join(ROOT, 'signing-client', 'target', 'scf-signing-client.jar');

const { CORE, BANK, SUPPLIERS, S, ENTERPRISES, PLATFORM_USERS, PAYABLES, SPLITS, CREDIT_LIMIT, FINANCINGS } =
  demoCast(process.env.SCF_DEMO_ID_SUFFIX || '');

// ---------------------------------------------------------------------------------------------------------------
// Output

const paint = (code: string, s: string) => (COLOR ? `\x1b[${code}m${s}\x1b[0m` : s);
const log = (s: string) => console.log(`${paint('1;34', '==>')} ${s}`);
const step = (s: string) => console.log(`    ${s}`);
const fen = (n: number) => (n / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }) + ' CNY';
const short = (name: string) => name.split(' ')[0]!;
const latin = (name: string) => name.replace(/^[^A-Za-z]+/, '');
let stepNo = 0;
const STEPS = 13;
async function phase(title: string, fn: () => Promise<unknown>) {
  stepNo += 1;
  const t = Date.now();
  log(`[${stepNo}/${STEPS}] ${title}`);
  await fn();
  step(paint('2', `done in ${((Date.now() - t) / 1000).toFixed(1)}s`));
}

// ---------------------------------------------------------------------------------------------------------------
// The API: every call retries what the API marks retryable (safe: every ledger write here is idempotent)

const api = new Api(API_URL, { retry: true, onWait: (code, seconds) => step(`(${code}: waiting ${seconds}s as the API asks)`) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const sessions = new Map<string, Session>();
async function login(username: string, password = PASSWORD): Promise<Session> {
  let session = sessions.get(username);
  if (!session) {
    session = await api.login(username, password).catch((e: Error) => {
      if (e instanceof ApiError && e.is('INVALID_CREDENTIALS') && username !== ADMIN.username) {
        throw new Error(`${e.message}\n  The demo user '${username}' exists with another password: this database was seeded`
          + ' with other settings (SCF_DEMO_PASSWORD / SCF_ADMIN_PASSWORD), or the user was changed.');
      }
      throw e;
    });
    sessions.set(username, session);
  }
  return session;
}

const usccOf = (e: Enterprise) => completeUscc(`91${e.division}${e.org}`);

/** The demo's business time zone: the ledger's "today" (maturity, settlement) is the date in Shanghai. */
const BUSINESS_ZONE = 'Asia/Shanghai';
const today = todayIn(BUSINESS_ZONE);
const day = (offset: number) => addDays(today, offset);

async function waitFor<T>(read: () => Promise<T | null>, done: (v: T) => boolean, what: string, seconds = 20): Promise<T> {
  for (let i = 0; i < seconds * 2; i++) {
    const v = await read();
    if (v && done(v)) return v;
    await sleep(500);
  }
  throw new Error(`timed out waiting for ${what}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Steps

let admin: Session;
const statusOf = new Map<string, string>();

async function enterprises() {
  for (const e of ENTERPRISES) {
    const created = await admin.attempt((c) => c.POST('/api/v1/admin/enterprises', { body: { id: e.id, name: e.name, role: e.role } }),
      ['ENTERPRISE_EXISTS']);
    const existing = created instanceof ApiError;
    const found = existing
      ? await admin.call((c) => c.GET('/api/v1/admin/enterprises/{enterpriseId}', { params: { path: { enterpriseId: e.id } } }))
      : created;
    const status = found.status ?? 'UNKNOWN';
    statusOf.set(e.id, status);
    step(`${e.role.padEnd(8)} ${e.id.padEnd(18)} ${status.padEnd(7)} ${e.name}${existing ? '' : '  (created)'}`);
  }
}

async function users() {
  const wanted: { username: string; role: Schemas['CreateUserRequest']['role']; enterprise: string }[] = [
    ...PLATFORM_USERS.map((u) => ({ username: u.username, role: u.role, enterprise: 'PLATFORM' })),
    ...ENTERPRISES.map((e) => ({ username: e.user, role: e.role, enterprise: e.id })),
    { username: BANK.checker, role: 'BANK', enterprise: BANK.id },
  ];
  for (const u of wanted) {
    const r = await admin.attempt((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/users', {
      params: { path: { enterpriseId: u.enterprise } }, body: { username: u.username, password: PASSWORD, role: u.role } }),
    ['USERNAME_TAKEN']);
    step(`${u.username.padEnd(16)} ${u.role.padEnd(15)} ${u.enterprise}${r instanceof ApiError ? '' : '  (created)'}`);
  }
}

async function businessZone() {
  const current = await admin.call((c) => c.GET('/api/v1/ledger-settings'));
  if (current.businessZone === BUSINESS_ZONE) {
    step(`the business time zone is ${BUSINESS_ZONE}`);
    return;
  }
  await admin.call((c) => c.PUT('/api/v1/admin/ledger-settings/business-zone', { body: { businessZone: BUSINESS_ZONE } }));
  step(`set the business time zone from ${current.businessZone ?? 'UTC'} to ${BUSINESS_ZONE} (SetBusinessZone)`);
}

async function operatorIdentity() {
  const path = { params: { path: { enterpriseId: 'PLATFORM' } } };
  const r = await admin.attempt((c) => c.GET('/api/v1/admin/enterprises/{enterpriseId}/ledger-identity', path), [404]);
  if (!(r instanceof ApiError)) {
    step(`the platform operator's ledger identity: ${r.enrollmentId ?? 'enrolled'}`);
    return;
  }
  const created = await admin.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/ledger-identity', path));
  step(`enrolled the platform operator's ledger identity at PlatformOrg's CA: ${created.enrollmentId ?? ''}`);
}

type Kyc = Schemas['KycView'];
const KYC_NOTES = { review: 'Licence and signatory ID checked against the registry (demo).', approval: 'Approved (demo).' };

async function kyc(e: Enterprise, checker: Session) {
  if (statusOf.get(e.id) === 'ACTIVE') {
    step(`${e.id.padEnd(18)} already admitted`);
    return;
  }
  const t0 = Date.now();
  const user = await login(e.user);
  const me = await user.call((c) => c.GET('/api/v1/auth/me'));
  if (me.enterpriseId !== e.id) {
    throw new Error(`the user ${e.user} belongs to ${me.enterpriseId}, not ${e.id}: this database holds another demo`);
  }
  const open = (await user.call((c) => c.GET('/api/v1/kyc/applications'))).find((a) => a.status !== 'REJECTED');
  let a: Kyc = open
    ? await user.call((c) => c.GET('/api/v1/kyc/applications/{id}', { params: { path: { id: open.id! } } }))
    : await user.call((c) => c.POST('/api/v1/kyc/applications', { body: {
      legalName: e.name, unifiedSocialCreditCode: usccOf(e), role: e.role,
      contacts: [{ name: e.person[0], email: e.person[1], phone: e.person[2], title: e.person[3] }],
      settlementAccount: { bankName: e.account[0], accountName: e.name, accountNumber: e.account[1].replace(/ /g, '') },
    } }));
  const appId = a.id!;
  const id = { path: { id: appId } };
  const reread = () => admin.call((c) => c.GET('/api/v1/admin/kyc/applications/{id}', { params: id }));
  for (let guard = 0; guard < 10; guard++) {
    let answer: Kyc | ApiError;
    if (a.status === 'DRAFT' || a.status === 'MORE_INFO_REQUESTED') {
      const kinds = new Set((a.documents ?? []).map((d) => d.kind));
      if (!kinds.has('BUSINESS_LICENCE')) {
        await user.call((c) => c.POST('/api/v1/kyc/applications/{id}/documents', {
          params: { ...id, query: { kind: 'BUSINESS_LICENCE' } },
          ...multipartFile({ name: 'business-licence.pdf', type: 'application/pdf', bytes: pdf(['Business Licence',
            latin(e.name), `Unified social credit code: ${usccOf(e)}`, `Registered in ${e.city}`,
            'Demo document generated by scripts/seed-demo.ts']) }) }));
      }
      if (!kinds.has('SIGNATORY_ID')) {
        await user.call((c) => c.POST('/api/v1/kyc/applications/{id}/documents', {
          params: { ...id, query: { kind: 'SIGNATORY_ID' } },
          ...multipartFile({ name: 'signatory-id.png', type: 'image/png', bytes: png(e.id + e.person[0]) }) }));
      }
      answer = await user.call((c) => c.POST('/api/v1/kyc/applications/{id}/submit', { params: id }));
    } else if (a.status === 'APPROVED' && a.ledger?.activatedAt) {
      break;
    } else {
      // reviewed by the first admin, approved (and activated on the ledger) by the second
      const next = await kycAdmissionStep({ maker: admin, checker }, a, KYC_NOTES);
      if (!next) throw new Error(`KYC application ${appId} of ${e.id} is ${a.status}; the demo cannot go on with it`);
      answer = next;
    }
    // the approval stands but a ledger step failed, or a retry of a slow answer finds its step done: look again, resume
    if (answer instanceof ApiError) {
      if (!answer.is('ALREADY_ACTIVATED')) {
        step(`(${e.id}: ${answer.code} at ${String(answer.problem.activationStep ?? 'activation')}; resuming)`);
      }
      await sleep(2000);
      a = await reread();
    } else {
      a = answer;
    }
  }
  const ent = await admin.call((c) => c.GET('/api/v1/admin/enterprises/{enterpriseId}', { params: { path: { enterpriseId: e.id } } }));
  if (ent.status !== 'ACTIVE') throw new Error(`${e.id} is still ${ent.status} after its KYC application ${a.id}`);
  statusOf.set(e.id, 'ACTIVE');
  step(`${e.id.padEnd(18)} KYC ${appId} approved; enrolled (${a.ledger?.enrollmentId}), registered and anchored on the`
    + ` ledger (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
}

const signers = new Map<string, HsmSigner>();
function signerOf(e: Enterprise) {
  let signer = signers.get(e.id);
  if (!signer) {
    signer = new HsmSigner(e.id, HSM_DIR, CLI_JAR, API_URL);
    signers.set(e.id, signer);
  }
  return signer;
}

/** The scopes of the API key an enterprise's own system (ERP, core banking) calls the API with. */
const SYSTEM_SCOPES: Record<Enterprise['role'], string[]> = {
  CORE: ['payables:read', 'payables:write', 'tokens:read', 'kyc:write'],
  SUPPLIER: ['payables:read', 'tokens:read', 'tokens:write', 'kyc:write'],
  BANK: ['tokens:read', 'financing:read', 'kyc:write'],
};

/** The enterprise's system takes its own ledger key: a key made in its SoftHSM2 token, enrolled by certificate
 * request (the enterprise becomes SELF; the key the platform held for it is erased). */
async function selfCustody(e: Enterprise, system: string) {
  const signer = signerOf(e);
  step(signer.prepare());
  if (signer.apiKey && !(await opensThisApi(signer.apiKey))) {
    // the token's folder outlived the database that issued its API key and certificate (scripts/down.sh --purge of
    // an older checkout, or a database dropped by hand): the key in the token stays, the enrollment is done again
    signer.forgetEnrollment();
    step(`${e.id}: the API key in ${rel(signer.dir)} is not one this API issued; a new key and certificate follow`);
  }
  if (!signer.apiKey) {
    const key = await admin.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/api-keys', {
      params: { path: { enterpriseId: e.id } },
      body: { name: `${system} (signing client, SoftHSM2)`, scopes: SYSTEM_SCOPES[e.role] } }));
    signer.apiKey = key.apiKey!;
    step(`API key ${key.prefix} issued for ${e.id}'s ${system} (${SYSTEM_SCOPES[e.role].join(', ')})`);
  }
  if (signer.certificateId) {
    step(`${e.id} signs with the key in its token (certificate ${signer.certificateId.slice(0, 16)}…)`);
    return;
  }
  const r = expectCli(signer.enroll(`${e.id.toLowerCase()}-hsm`), [201], `${e.id}'s enrollment`);
  step(`${e.id} is SELF: certificate ${String(r.body?.certificateId).slice(0, 16)}… listed on the ledger`
    + ` (SetEnterpriseCustody ${String(r.body?.ledgerTransactionId).slice(0, 12)}…); the platform's key for it`
    + ` (${String(r.body?.retiredPlatformEnrollmentId ?? 'none')}) is erased`);
}

/** Whether an API key is one this API knows (GET /api/v1/auth/me answers 401 for any other). */
async function opensThisApi(apiKey: string): Promise<boolean> {
  const r = await fetch(`${API_URL}/api/v1/auth/me`, { headers: { 'X-API-Key': apiKey } });
  if (r.status !== 200 && r.status !== 401) throw new Error(`GET /api/v1/auth/me with the signing client's API key: ${r.status}`);
  return r.status === 200;
}

function expectCli(r: CliResult, statuses: number[], what: string): CliResult {
  if (!statuses.includes(r.status)) throw new Error(`${what} through the signing client failed:\n${r.output}`);
  return r;
}

/** "2 signature(s), 26.6 ms signing", as the signing client reports a signed write. */
const signedHow = (r: CliResult) => /(\d+ signature\(s\), [\d.]+ ms signing)/.exec(r.output)?.[1] ?? 'signed';

async function payableOf(core: Session, payableId: string) {
  const r = await core.attempt((c) => c.GET('/api/v1/payables/{payableId}', { params: { path: { payableId } } }), [404]);
  return r instanceof ApiError ? null : r;
}

async function payables() {
  const core = await login(CORE.user);
  for (const p of PAYABLES) {
    let d = await payableOf(core, p.id);
    if (!d) {
      const body: Schemas['RegisterPayableRequest'] = {
        payableId: p.id, beneficiaryId: p.to.id, amountMinor: p.amount, currency: 'CNY',
        issueDate: day(-p.issuedDaysAgo), maturityDate: day(p.maturityDays),
        invoiceFingerprints: p.invoices.map((n) => invoiceFingerprint(CORE.id, n, p.amount)),
        documentHash: sha256(`purchase order ${p.id} of ${CORE.id} to ${p.to.id} for ${p.amount} fen`),
      };
      const what = `${p.id} ${fen(p.amount).padStart(18)} to ${short(p.to.name)} (${p.to.id}), due ${body.maturityDate}`;
      if (CORE.custody === 'SELF') {
        const signer = signerOf(CORE);
        const file = join(signer.dir, `payable-${p.id}.json`);
        writeFileSync(file, JSON.stringify(body));
        const r = expectCli(signer.write(`demo-${p.id}`, ['register-payable', file]), [201], `registering ${p.id}`);
        step(`${what}: registered in block ${String(r.body?.blockNumber)} by the signing client (${signedHow(r)})`);
      } else {
        const r = await core.call((c) => c.POST('/api/v1/payables', {
          params: { header: { 'Idempotency-Key': `demo-${p.id}` } }, body }));
        step(`${what}: registered in block ${r.blockNumber}`);
      }
      d = await waitFor(() => payableOf(core, p.id), () => true, `payable ${p.id} in the read model`);
    }
    let acted = false;
    if (p.accept && d.payable?.status === 'PENDING_ACCEPTANCE') {
      acted = true;
      const supplier = await login(p.to.user);
      const r = await supplier.call((c) => c.POST('/api/v1/payables/{payableId}/accept', {
        params: { path: { payableId: p.id }, query: { obligorId: CORE.id }, header: { 'Idempotency-Key': `demo-accept-${p.id}` } } }));
      step(`${p.id} accepted by ${short(p.to.name)}: its root token is ACTIVE (block ${r.blockNumber})`);
      d = await waitFor(() => payableOf(core, p.id), (x) => x.payable?.status !== 'PENDING_ACCEPTANCE', `${p.id} accepted`);
    }
    if (p.settle && d.payable?.status === 'ACCEPTED') {
      acted = true;
      const signer = signerOf(CORE);
      const r = expectCli(signer.write(`demo-settle-${p.id}`, ['settle', p.id, p.settle]), [200], `settling ${p.id}`);
      step(`${p.id} settled at maturity (payment ${p.settle}) in block ${String(r.body?.blockNumber)} by the signing`
        + ` client (${signedHow(r)})`);
      d = await waitFor(() => payableOf(core, p.id), (x) => x.payable?.status === 'SETTLED', `${p.id} settled`);
    }
    if (!acted) {
      step(`${p.id} ${fen(p.amount).padStart(18)} to ${short(p.to.name)}: ${d.payable?.status}`
        + `${p.accept ? '' : ' (left for the supplier to accept in the demo)'}`);
    }
  }
}

/** The tokens of a payable as its obligor sees them (all of them). */
async function tokensOf(payableId: string) {
  const d = await payableOf(await login(CORE.user), payableId);
  if (!d) throw new Error(`payable ${payableId} is not in the read model`);
  return d.tokens ?? [];
}

async function splits() {
  for (const s of SPLITS) {
    const ts = (await tokensOf(s.payable)).filter((t) => t.holderId === s.holder.id && t.amountMinor === s.amount);
    const live = ts.find((t) => t.status === 'ACTIVE');
    const outputs = s.outputs.map(([to, amount]) => `${short(to.name)} ${fen(amount)}`).join(', ');
    if (!live) {
      if (!ts.length) throw new Error(`${s.payable}: ${s.holder.id} holds no token of ${s.amount} to split`);
      step(`${s.payable}: ${short(s.holder.name)} already split ${fen(s.amount)} (${outputs})`);
      continue;
    }
    const holder = await login(s.holder.user);
    const r = await holder.call((c) => c.POST('/api/v1/tokens/{tokenId}/split', {
      params: { path: { tokenId: live.tokenId! }, header: { 'Idempotency-Key': `demo-${s.key}-${live.tokenId}` } },
      body: { outputs: s.outputs.map(([to, amount]) => ({ recipient: to.id, amountMinor: amount })) } }));
    step(`${s.payable}: ${short(s.holder.name)} split ${fen(s.amount)} -> ${outputs} (block ${r.blockNumber})`);
  }
}

async function creditLimit() {
  // A limit is a ledger record set by four eyes: the maker proposes, the checker confirms the same figure.
  const maker = await login(BANK.user);
  const limits = await maker.call((c) => c.GET('/api/v1/financing/credit-limits'));
  const have = limits.find((l) => l.obligorId === CORE.id && l.currency === 'CNY');
  if (have && have.limitMinor === CREDIT_LIMIT) {
    step(`${BANK.id} -> ${CORE.id}: credit limit ${fen(CREDIT_LIMIT)} already set`);
    return;
  }
  const body = { currency: 'CNY', limitMinor: CREDIT_LIMIT };
  const path = { params: { path: { obligorId: CORE.id } }, body };
  if (have?.proposedLimitMinor !== CREDIT_LIMIT) {
    await maker.call((c) => c.PUT('/api/v1/financing/credit-limits/{obligorId}', path));
  }
  const checker = await login(BANK.checker);
  await checker.call((c) => c.PUT('/api/v1/financing/credit-limits/{obligorId}', path));
  step(`${BANK.id} set a credit limit of ${fen(CREDIT_LIMIT)} for obligor ${CORE.id} (${BANK.user} proposed, ${BANK.checker} confirmed)`);
}

const LIVE_FINANCING: FinancingStatus[] = ['DRAFT', 'SUBMITTED', 'AWAITING_SECOND_APPROVAL', 'APPROVING', 'APPROVED', 'DISBURSED'];

async function financing(f: Financing) {
  const applicant = await login(f.applicant.user);
  const candidates = (await tokensOf(f.payable)).filter((t) => t.holderId === f.applicant.id
    || (t.financingId && t.amountMinor === f.amount));
  const mine = (await applicant.call((c) => c.GET('/api/v1/financing/applications')))
    .filter((a) => a.obligorId === CORE.id && a.bankId === BANK.id && a.faceAmountMinor === f.amount
      && !!a.status && LIVE_FINANCING.includes(a.status));
  let a: Schemas['FinancingView'];
  if (mine.length) {
    a = await applicant.call((c) => c.GET('/api/v1/financing/applications/{id}', { params: { path: { id: mine[0]!.id! } } }));
  } else {
    const token = candidates.find((t) => t.holderId === f.applicant.id && t.amountMinor === f.amount && t.status === 'ACTIVE');
    if (!token) {
      const locked = candidates.find((t) => t.amountMinor === f.amount && t.financingId);
      throw new Error(locked
        ? `the ledger already holds financing ${locked.financingId} of this demo's token ${locked.tokenId}, but this database`
          + ' has no application for it: the database was reset while the ledger was kept. For a clean demo run'
          + ' scripts/down.sh --purge, then scripts/up.sh.'
        : `${f.applicant.id} holds no ACTIVE token of ${fen(f.amount)} under ${f.payable}`);
    }
    a = await applicant.call((c) => c.POST('/api/v1/financing/applications', {
      body: { tokenId: token.tokenId!, bankId: BANK.id, invoiceNumbers: f.invoiceNumbers } }));
    step(`${short(f.applicant.name)} drafted ${a.id} for its token ${token.tokenId!.slice(0, 12)}… of ${fen(f.amount)}`);
  }
  const maker = await login(BANK.user);
  const checker = await login(BANK.checker);
  const id = { path: { id: a.id! } };
  for (let guard = 0; guard < 10; guard++) {
    if (a.status === 'DRAFT') {
      const kinds = new Set((a.documents ?? []).map((d) => d.kind));
      const name = latin(f.applicant.name);
      if (!kinds.has('INVOICE')) {
        await applicant.call((c) => c.POST('/api/v1/financing/applications/{id}/documents', {
          params: { ...id, query: { kind: 'INVOICE' } },
          ...multipartFile({ name: `invoice-${f.invoiceNumbers[0]}.pdf`, type: 'application/pdf', bytes: pdf([
            'VAT Invoice (Fapiao)', `Seller: ${name}`, `Buyer: ${latin(CORE.name)}`, `Invoices: ${f.invoiceNumbers.join(', ')}`,
            `Amount: ${fen(f.amount)}`, `Application ${a.id} (demo)`]) }) }));
      }
      if (!kinds.has('CONTRACT')) {
        await applicant.call((c) => c.POST('/api/v1/financing/applications/{id}/documents', {
          params: { ...id, query: { kind: 'CONTRACT' } },
          ...multipartFile({ name: `supply-contract-${f.key}.pdf`, type: 'application/pdf', bytes: pdf([
            'Supply Contract', `Supplier: ${name}`, `Payable: ${f.payable}`,
            `Receivable assigned to ${latin(BANK.name)} on financing`, `Application ${a.id} (demo)`]) }) }));
      }
      a = await applicant.call((c) => c.POST('/api/v1/financing/applications/{id}/submit', { params: id }));
      step(`${a.id} submitted to ${BANK.id}: the token is locked for the bank (RequestFinancing ${a.requestTx?.slice(0, 12)}…)`);
    } else if (!f.approve || a.status === 'APPROVED' || a.status === 'DISBURSED') {
      break;
    } else if (a.status === 'SUBMITTED' || a.status === 'APPROVING') {
      a = await maker.call((c) => c.POST('/api/v1/financing/applications/{id}/approve', { params: id,
        body: { annualRateBps: f.rateBps } }));
      step(`${a.id}: ${BANK.user} approved at ${f.rateBps} bps -> ${a.status}`);
    } else if (a.status === 'AWAITING_SECOND_APPROVAL') {
      a = await checker.call((c) => c.POST('/api/v1/financing/applications/{id}/approve', { params: id,
        body: { annualRateBps: f.rateBps } }));
      step(`${a.id}: ${BANK.checker} confirmed (four eyes) -> ${a.status}`);
    } else {
      throw new Error(`financing ${a.id} is ${a.status}; the demo cannot go on with it`);
    }
  }
  const terms = a.terms;
  if (terms?.advanceMinor != null) {
    step(`${a.id} ${a.status}: face ${fen(f.amount)}, ${terms.days} days at ${terms.annualRateBps} bps ACT/360,`
      + ` discount ${fen(terms.discountMinor ?? 0)}, advance ${fen(terms.advanceMinor)}`);
  } else {
    step(`${a.id} ${a.status}: ${short(f.applicant.name)} (tier-${f.applicant.tier} supplier) asks ${BANK.id} to finance`
      + ` ${fen(f.amount)}, due ${a.token?.maturityDate}`);
  }
  return a;
}

/** The seeded state is complete: every enterprise ACTIVE and both financings where the demo leaves them. */
async function seeded() {
  const settings = await admin.call((c) => c.GET('/api/v1/ledger-settings'));
  if (settings.businessZone !== BUSINESS_ZONE) return false;
  const list = await admin.call((c) => c.GET('/api/v1/admin/enterprises', { params: { query: { limit: 500 } } }));
  const active = new Set(list.filter((e) => e.status === 'ACTIVE').map((e) => e.id));
  if (!ENTERPRISES.every((e) => active.has(e.id))) return false;
  const self = new Set(list.filter((e) => e.custody === 'SELF').map((e) => e.id));
  if (!ENTERPRISES.every((e) => e.custody !== 'SELF' || (self.has(e.id) && signerOf(e).apiKey))) return false;
  const apps = await admin.call((c) => c.GET('/api/v1/financing/applications', { params: { query: { limit: 500 } } }));
  const has = (f: Financing, statuses: FinancingStatus[]) => apps.some((a) => a.applicantId === f.applicant.id && a.bankId === BANK.id
    && a.faceAmountMinor === f.amount && !!a.status && statuses.includes(a.status));
  return has(FINANCINGS[0], ['APPROVED', 'DISBURSED'])
    && has(FINANCINGS[1], ['SUBMITTED', 'AWAITING_SECOND_APPROVAL', 'APPROVED', 'DISBURSED', 'REJECTED', 'CANCELLED']);
}

// ---------------------------------------------------------------------------------------------------------------
// Logins

function logins() {
  const rows = [
    ['platform admin', ADMIN.username, ADMIN.password === 'scf-demo-pass' ? ADMIN.password : '(SCF_ADMIN_PASSWORD)', 'Platform operator: enterprises, KYC review, API keys, read model'],
    ['platform admin', PLATFORM_USERS[0].username, PASSWORD, 'Second platform admin: approves KYC after the first review'],
    ['auditor', PLATFORM_USERS[1].username, PASSWORD, 'Reads every payable and token, the audit log and anchors'],
    ['core enterprise', CORE.user, PASSWORD, `${CORE.name} (${CORE.id}): registers and settles payables`],
    ['bank (maker)', BANK.user, PASSWORD, `${BANK.name} (${BANK.id}): underwriting, first approval`],
    ['bank (checker)', BANK.checker, PASSWORD, `${BANK.id}: second approval above the four-eyes threshold`],
    ...SUPPLIERS.map((s) => [`supplier tier ${s.tier}`, s.user, PASSWORD, `${s.name} (${s.id})`]),
  ] as [string, string, string, string][];
  const width = [15, Math.max(16, ...rows.map((r) => r[1].length)), Math.max(13, ...rows.map((r) => r[2].length))] as const;
  const lines = rows.map((r) => `${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2].padEnd(width[2])}  ${r[3]}`);
  return [
    `Demo logins for ${API_URL}/ (each role: username / password)`,
    '',
    `${'role'.padEnd(width[0])}  ${'username'.padEnd(width[1])}  ${'password'.padEnd(width[2])}  who`,
    ...lines,
    '',
    `What to look at: ${CORE.user} sees its five payables (one settled) and who holds their tokens; ${S.T1A.user} has a`,
    `payable to accept and an approved financing; ${S.T3A.user} (tier 3) waits for the bank on its financing, which`,
    `${BANK.user} has in its queue.`,
    '',
    'Self custody: these enterprises hold their own ledger keys and the platform cannot sign for them (403 SELF_CUSTODY).',
    ...ENTERPRISES.filter((e) => e.custody === 'SELF').map((e) => `  ${e.id.padEnd(18)} its system's key in the SoftHSM2`
      + ` token ${rel(signerOf(e).dir)} (user PIN ${HSM_PIN}, API key in its api-key file)`),
    `  ${BANK.user} and ${BANK.checker} (and ${S.T2B.user}) create their own keys in the browser before their first signed write.`,
    `The command-line signing client as ${CORE.id} (commands: register-payable <json>, accept, settle <id> <reference>,`,
    `call <METHOD> <path> [json]; the seed's payable-*.json in the token's directory show the register body):`,
    `  ${signerOf(CORE).commandLine(rel)} --idempotency-key PO-1 register-payable payable.json`,
  ];
}

/** A path as the person who runs the seed from the repository root types it. */
function rel(path: string) {
  const r = relative(ROOT, path);
  return r && !r.startsWith('..') ? r : path;
}

function writeLogins(text: string[]) {
  mkdirSync(dirname(LOGINS_FILE), { recursive: true });
  writeFileSync(LOGINS_FILE, text.join('\n') + '\n', { mode: 0o600 });
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const t0 = Date.now();
  log(`Seeding the demo through ${API_URL} (public REST API only)`);
  const health = await fetch(`${API_URL}/actuator/health`).then((r) => r.json() as Promise<Health>).catch(() => null);
  if (!health) throw new Error(`the API at ${API_URL} does not answer /actuator/health; start it first (scripts/up.sh)`);
  admin = await login(ADMIN.username, ADMIN.password).catch((e: Error) => {
    throw new Error(`${e.message}\n  The seed logs in as the bootstrap platform admin: start the API with SCF_ADMIN_USERNAME and`
      + ' SCF_ADMIN_PASSWORD (scripts/up.sh does) and give the seed the same values.');
  });
  // the health components (here the ledger's) are shown to a platform admin only
  const details = await fetch(`${API_URL}/actuator/health`, { headers: { Authorization: `Bearer ${admin.accessToken}` } })
    .then((r) => r.json() as Promise<Health>).catch(() => health);
  const ledger = details.components?.ledger?.status;
  if (ledger && ledger !== 'UP') {
    throw new Error(`the API's ledger is ${ledger}: is the Fabric network up? (scripts/network.sh status)`);
  }

  if (!FULL && await seeded()) {
    step('the demo is already seeded: nothing to do');
  } else {
    await phase('Enterprises (invited by the platform admin; PENDING until KYC)', enterprises);
    await phase('Users: a platform checker, an auditor, one user per enterprise, a second bank user', users);
    await phase("The platform operator's ledger identity", operatorIdentity);
    await phase(`The business time zone: ${BUSINESS_ZONE} (the ledger's "today")`, businessZone);
    await phase('KYC onboarding of each enterprise: apply, upload licence and ID, review, approve, activate on the ledger',
      async () => {
        const checker = await login(PLATFORM_USERS[0].username);
        for (const e of ENTERPRISES) await kyc(e, checker);
      });
    await phase(`${CORE.id} takes its own ledger key: a SoftHSM2 token for its ERP and the signing client`,
      () => selfCustody(CORE, 'ERP'));
    await phase('Payables of the core enterprise to its tier-1 suppliers (signed in its token), accepted, one settled',
      payables);
    await phase('Splits and transfers down the tiers', splits);
    await phase(`${S.T2B.id} (tier 2) takes its own ledger key, after its split`, () => selfCustody(S.T2B, 'ERP'));
    await phase("The bank's credit limit for the core enterprise", creditLimit);
    await phase('Financing approved by the bank with four eyes (maker, then checker)', () => financing(FINANCINGS[0]));
    await phase("Financing waiting in the bank's queue", () => financing(FINANCINGS[1]));
    await phase(`${BANK.id} takes its own ledger key (its core banking system's token); its people sign in the browser`,
      () => selfCustody(BANK, 'core banking system'));
    log(`Demo seeded in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  }
  const text = logins();
  writeLogins(text);
  const shown = relative(process.cwd(), LOGINS_FILE);
  const file = shown && !shown.startsWith('..') ? shown : LOGINS_FILE;
  if (!PRINT_LOGINS) {
    step(`demo logins written to ${file}`);
    return;
  }
  console.log();
  for (const l of text) console.log(`    ${l}`);
  console.log();
  step(`(also in ${file})`);
}

/** The part of /actuator/health the seed reads (Spring Boot Actuator, not part of the OpenAPI document; components
 * only for a platform admin). */
interface Health {
  components?: { ledger?: { status?: string } };
}

main().catch((e: Error) => {
  console.error(`${paint('1;31', 'error:')} demo seed failed: ${e.message}`);
  process.exit(1);
});
