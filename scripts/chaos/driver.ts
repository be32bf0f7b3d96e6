// The load driver of scripts/chaos.sh, on the typed API client (platform-web/node-client). Each command prints a
// human summary on stderr and one JSON line on stdout for the script to gate on.
//
//   cast   FILE                   onboards a core enterprise, a holder and two recipients (ledger-registered), with users
//   race   FILE TOKENS            TOKENS payables, accepted; then two spends of each token at once: one winner each?
//   stream FILE SECONDS LABEL     keyed writes (register payable) with retries of the same Idempotency-Key until an answer;
//                                 stops after SECONDS (or at the file SCF_CHAOS_STOP); then every acknowledged write is
//                                 looked up: lost / duplicated, status codes, the longest gap without a success, and the
//                                 recovery: from each restart's end (epoch ms, one a line, in the file SCF_CHAOS_RESTARTS)
//                                 to the next success
//   check  FILE                   the read-model consistency check for each enterprise of the cast, then a rebuild
//   gate   RESULTS                the verdict over the JSON lines of the commands above
//
// Environment: SCF_API_URL, SCF_ADMIN_USERNAME, SCF_ADMIN_PASSWORD; SCF_CHAOS_STOP and SCF_CHAOS_RESTARTS for stream.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { admitOnLedger } from '../../platform-web/node-client/admission.ts';
import { Api, ApiError, type Schemas, type Session } from '../../platform-web/node-client/client.ts';

const env = (name: string) => process.env[name] ?? (() => { throw new Error(`set ${name}`); })();
const api = new Api(env('SCF_API_URL'), { timeoutMs: 60_000 });
// The cast and the checks are set-up, not measurements: they retry what the API marks retryable (a loaded machine's
// endorsement timeout must not end the suite before its experiments).
const setup = new Api(env('SCF_API_URL'), { timeoutMs: 60_000, retry: true });
// The consistency check reads every record of an enterprise from the ledger: after the full suite the holder has
// over 20,000 tokens, which took more than a minute on a loaded 2-core machine (the full run of 2026-12-02).
const checker = new Api(env('SCF_API_URL'), { timeoutMs: 600_000, retry: true });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const say = (s: string) => process.stderr.write(`      ${s}\n`);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

type Cast = { run: string; password: string; core: Party; holder: Party; left: Party; right: Party };
type Party = { id: string; username: string };

/** One HTTP exchange: its status (0 when no answer came: refused, reset or timed out), its body, its duration. */
type Exchange = { status: number; body: Record<string, unknown> | undefined; ms: number };
async function exchange(send: () => Promise<{ response: Response; data?: unknown; error?: unknown }>): Promise<Exchange> {
  const t = Date.now();
  try {
    const { response, data, error } = await send();
    return { status: response.status, body: (data ?? error) as Record<string, unknown> | undefined, ms: Date.now() - t };
  } catch {
    return { status: 0, body: undefined, ms: Date.now() - t };
  }
}

const sessions = new Map<string, Session>();
async function as(cast: Cast, party: Party): Promise<Session> {
  let s = sessions.get(party.username);
  // a stream may start while its API is being killed, and a restart on a loaded machine takes minutes
  const t0 = Date.now();
  while (!s) {
    try {
      s = await api.login(party.username, cast.password);
      sessions.set(party.username, s);
    } catch (e) {
      if (Date.now() - t0 > 600_000) throw e;
      await sleep(1000);
    }
  }
  return s;
}

async function castCommand(file: string) {
  const admin = await setup.login(env('SCF_ADMIN_USERNAME'), env('SCF_ADMIN_PASSWORD'));
  // the platform operator's own ledger identity signs registrations (once per network)
  const operator = { params: { path: { enterpriseId: 'PLATFORM' } } };
  const enrolled = await admin.attempt((c) => c.GET('/api/v1/admin/enterprises/{enterpriseId}/ledger-identity', operator), [404]);
  if (enrolled instanceof ApiError) await admin.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/ledger-identity', operator));
  const run = randomBytes(3).toString('hex').toUpperCase();
  const password = `chaos-${randomBytes(12).toString('hex')}`;
  // an admission takes two platform admins: the first proposes, a second confirms
  const admin2 = `ch-admin2-${run.toLowerCase()}`;
  await admin.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/users', {
    params: { path: { enterpriseId: 'PLATFORM' } }, body: { username: admin2, password, role: 'PLATFORM_ADMIN' } }));
  const admins = { maker: admin, checker: await setup.login(admin2, password) };
  const onboard = async (prefix: string, role: 'CORE' | 'SUPPLIER'): Promise<Party> => {
    const id = `CH-${prefix}-${run}`;
    const path = { params: { path: { enterpriseId: id } } };
    await admin.call((c) => c.POST('/api/v1/admin/enterprises', { body: { id, name: `Chaos ${prefix} ${run}`, role,
      kycHash: sha256(`kyc:${id}`) } }));
    await admitOnLedger(admins, id);
    const username = `ch-${prefix.toLowerCase()}-${run.toLowerCase()}`;
    await admin.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/users', { ...path,
      body: { username, password, role } }));
    return { id, username };
  };
  const cast: Cast = { run, password, core: await onboard('CORE', 'CORE'), holder: await onboard('HOLD', 'SUPPLIER'),
    left: await onboard('LEFT', 'SUPPLIER'), right: await onboard('RIGHT', 'SUPPLIER') };
  writeFileSync(file, JSON.stringify(cast));
  say(`cast ${run}: ${cast.core.id}, ${cast.holder.id}, ${cast.left.id}, ${cast.right.id}`);
}

const payableBody = (cast: Cast, payableId: string, amountMinor: number): Schemas['RegisterPayableRequest'] => ({
  payableId, beneficiaryId: cast.holder.id, amountMinor, currency: 'CNY', issueDate: day(-1), maturityDate: day(60),
  invoiceFingerprints: [sha256(`invoice:${payableId}`)], documentHash: sha256(`document:${payableId}`),
});

/** Sends one keyed write until it has an answer that is not "try again"; every attempt's status is counted. */
async function keyed(statuses: Map<number, number>, send: () => Promise<Exchange>, limitMs = 300_000) {
  const t0 = Date.now();
  for (let attempt = 0; ; attempt++) {
    const x = await send();
    statuses.set(x.status, (statuses.get(x.status) ?? 0) + 1);
    const code = x.body?.code as string | undefined;
    const retry = x.status === 0 || x.status >= 500 || x.status === 429 || code === 'IDEMPOTENCY_KEY_IN_FLIGHT' || code === 'MVCC_READ_CONFLICT';
    if (!retry || Date.now() - t0 > limitMs) return { ...x, attempts: attempt + 1 };
    await sleep(Math.min(500 * (attempt + 1), 3000));
  }
}

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

async function race(file: string, tokens: number) {
  const cast: Cast = JSON.parse(readFileSync(file, 'utf8'));
  const core = await as(cast, cast.core);
  const holder = await as(cast, cast.holder);
  const statuses = new Map<number, number>();
  const ids = Array.from({ length: tokens }, (_, i) => `RACE-${cast.run}-${i}`);
  const tokenOf = new Map<string, string>();
  const t0 = Date.now();
  await pool(ids, 6, async (payableId) => {
    const r = await keyed(statuses, () => exchange(() => core.client.POST('/api/v1/payables', {
      params: { header: { 'Idempotency-Key': `reg-${payableId}` } }, body: payableBody(cast, payableId, 1_000_000) })));
    if (r.status !== 201 && r.status !== 200) throw new Error(`register ${payableId}: ${r.status} ${JSON.stringify(r.body)}`);
    const ledger = r.body?.ledger as { tokens?: { id: string }[] } | undefined;
    tokenOf.set(payableId, ledger?.tokens?.[0]?.id ?? '');
    const a = await keyed(statuses, () => exchange(() => holder.client.POST('/api/v1/payables/{payableId}/accept', {
      params: { path: { payableId }, query: { obligorId: cast.core.id } } })));
    if (a.status !== 200) throw new Error(`accept ${payableId}: ${a.status} ${JSON.stringify(a.body)}`);
  });
  say(`${tokens} tokens issued and accepted in ${((Date.now() - t0) / 1000).toFixed(0)}s`);
  const raceStatuses = new Map<number, number>();
  let exactlyOne = 0;
  const offenders: string[] = [];
  const t1 = Date.now();
  await pool(ids, 5, async (payableId) => {
    const tokenId = tokenOf.get(payableId)!;
    const spend = (recipient: Party, n: number) => keyed(raceStatuses, () => exchange(() => holder.client.POST(
      '/api/v1/tokens/{tokenId}/split', { params: { path: { tokenId }, header: { 'Idempotency-Key': `race-${tokenId}-${n}` } },
        body: { outputs: [{ recipient: recipient.id, amountMinor: 400_000 }, { recipient: cast.holder.id, amountMinor: 600_000 }] } })));
    const answers = await Promise.all([spend(cast.left, 1), spend(cast.right, 2)]);
    const winners = answers.filter((x) => x.status === 201).length;
    if (winners === 1) exactlyOne++;
    else offenders.push(`${tokenId}: ${answers.map((x) => x.status).join('/')}`);
  });
  const result = { experiment: 'double-spend race', tokens, requests: tokens * 2, exactlyOneWinner: exactlyOne,
    statuses: Object.fromEntries(raceStatuses), seconds: Math.round((Date.now() - t1) / 1000), offenders: offenders.slice(0, 10) };
  say(`race: ${tokens} tokens, ${tokens * 2} spends; exactly one winner for ${exactlyOne}; statuses ${JSON.stringify(result.statuses)}`);
  console.log(JSON.stringify(result));
}

async function stream(file: string, seconds: number, label: string) {
  const cast: Cast = JSON.parse(readFileSync(file, 'utf8'));
  const core = await as(cast, cast.core);
  const stopFile = process.env.SCF_CHAOS_STOP;
  const restartsFile = process.env.SCF_CHAOS_RESTARTS;
  const successes: number[] = [];
  const statuses = new Map<number, number>();
  const acknowledged = new Map<string, string>(); // payableId -> transaction id answered
  let sent = 0;
  let refused = 0;
  let slowest = 0;
  let lastSuccess = Date.now();
  let longestGap = 0;
  const t0 = Date.now();
  const stop = () => Date.now() - t0 > seconds * 1000 || (stopFile !== undefined && existsSync(stopFile));
  await Promise.all(Array.from({ length: 4 }, async (_, worker) => {
    for (let i = 0; !stop(); i++) {
      const payableId = `ST-${label}-${cast.run}-${worker}-${i}`;
      sent++;
      const r = await keyed(statuses, async () => {
        const x = await exchange(() => core.client.POST('/api/v1/payables', {
          params: { header: { 'Idempotency-Key': `st-${payableId}` } }, body: payableBody(cast, payableId, 1000 + i) }));
        slowest = Math.max(slowest, x.ms);
        return x;
      });
      if (r.status === 201 || r.status === 200) {
        acknowledged.set(payableId, String(r.body?.transactionId ?? ''));
        longestGap = Math.max(longestGap, Date.now() - lastSuccess);
        lastSuccess = Date.now();
        successes.push(lastSuccess);
      } else {
        refused++;
      }
    }
  }));
  const streamEnd = Date.now();
  // Every acknowledged write must be in the read model once, committed by the transaction its answer named. A
  // lookup is repeated while the API does not answer (it may still be restarting) or answers 5xx; a write is lost
  // only when the API keeps saying 404 once the projector has had time to catch up.
  let lost = 0;
  let duplicated = 0;
  let unverified = 0;
  for (const [payableId, txId] of acknowledged) {
    let found: Exchange | undefined;
    let notFound = 0;
    for (let attempt = 0; attempt < 150 && notFound < 20; attempt++) {
      found = await exchange(() => core.client.GET('/api/v1/payables/{payableId}', { params: { path: { payableId } } }));
      if (found.status === 200) break;
      if (found.status === 404) notFound++;
      await sleep(2000);
    }
    if (found?.status === 404) lost++;
    else if (found?.status !== 200) unverified++;
    else if (txId && (found.body?.payable as { registeredTx?: string } | undefined)?.registeredTx !== txId) duplicated++;
  }
  if (unverified) throw new Error(`${unverified} acknowledged writes could not be looked up: the API did not answer`);
  const recovery = recoveryAfterRestarts(restartsFile, successes, streamEnd);
  const result = { experiment: label, sent, acknowledged: acknowledged.size, refused, lost, duplicated,
    statuses: Object.fromEntries(statuses), slowestRequestMs: slowest, longestGapSeconds: Math.round(longestGap / 1000),
    recoverySeconds: Math.round(recovery / 1000), seconds: Math.round((streamEnd - t0) / 1000) };
  say(`${label}: sent ${sent}, acknowledged ${acknowledged.size}, refused ${refused}, lost ${lost}, duplicated ${duplicated}; `
    + `statuses ${JSON.stringify(result.statuses)}; slowest request ${(slowest / 1000).toFixed(1)}s; `
    + `longest gap without a success ${result.longestGapSeconds}s; recovery after the restart ${result.recoverySeconds}s`);
  console.log(JSON.stringify(result));
}

/**
 * The slowest recovery: for each restart (its end, in epoch ms, one a line of the file), the time to the next
 * success; a restart never followed by one counts until the stream ended. The gap a restart itself takes (a JVM
 * starting on a loaded machine) is the longest gap's, not the recovery's.
 */
function recoveryAfterRestarts(file: string | undefined, successes: number[], end: number): number {
  if (!file || !existsSync(file)) return 0;
  const restarts = readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number);
  return Math.max(0, ...restarts.map((at) => (successes.find((t) => t >= at) ?? end) - at));
}

async function check(file: string) {
  const cast: Cast = JSON.parse(readFileSync(file, 'utf8'));
  const admin = await checker.login(env('SCF_ADMIN_USERNAME'), env('SCF_ADMIN_PASSWORD'));
  let consistent = true;
  for (const party of [cast.core, cast.holder, cast.left, cast.right]) {
    const report = await admin.call((c) => c.GET('/api/v1/admin/read-model/consistency', { params: { query: { enterpriseId: party.id } } }));
    consistent &&= report.consistent === true;
    say(`consistency of ${party.id}: ${report.consistent ? 'consistent' : 'DIFFERENT'} ${JSON.stringify(report.compared)}`
      + (report.differences?.length ? ` ${JSON.stringify(report.differences.slice(0, 3))}` : ''));
  }
  const t0 = Date.now();
  await admin.call((c) => c.POST('/api/v1/admin/read-model/rebuild'));
  let lag = -1;
  for (let i = 0; i < 300; i++) {
    await sleep(1000);
    const status = await admin.call((c) => c.GET('/api/v1/admin/read-model'));
    lag = status.lagBlocks ?? -1;
    if (lag === 0 && i >= 2) break;
  }
  say(`rebuild from block 0: ${((Date.now() - t0) / 1000).toFixed(0)}s (lag ${lag})`);
  let rebuilt = true;
  for (const party of [cast.core, cast.holder, cast.left, cast.right]) {
    const after = await admin.call((c) => c.GET('/api/v1/admin/read-model/consistency', { params: { query: { enterpriseId: party.id } } }));
    rebuilt &&= after.consistent === true;
  }
  say(`consistency after the rebuild: ${rebuilt ? 'consistent' : 'DIFFERENT'}`);
  console.log(JSON.stringify({ experiment: 'consistency', consistentBefore: consistent, consistent: rebuilt }));
}

/**
 * The suite's verdict over the results. Gates: a lost or duplicated acknowledged write, a raced token without exactly
 * one winner, a 500, a request over 30 s, a recovery of 30 s or more after a restart, a read model that differs from
 * the ledger after the faults or after a rebuild. Printed only: the longest gap without a success, and memory.
 */
function gate(file: string) {
  type Result = { experiment: string } & Record<string, number & Record<string, number>>;
  const results: Result[] = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const failed: string[] = [];
  for (const r of results) {
    if (r.experiment === 'double-spend race') {
      say(`race: ${r.tokens} tokens, ${r.requests} spends, exactly one winner for ${r.exactlyOneWinner}, `
        + `statuses (retries of a conflict included) ${JSON.stringify(r.statuses)}`);
      if (r.exactlyOneWinner !== r.tokens) failed.push(`race: ${r.tokens - r.exactlyOneWinner} tokens without exactly one winner`);
    } else if (r.experiment === 'consistency') {
      // The live read model is reported (goal); the gate is the model rebuilt from the ledger after the faults.
      say(`read model after the faults: ${r.consistentBefore ? 'consistent with the ledger' : 'DIFFERS from the ledger'}; `
        + `rebuilt from block 0: ${r.consistent ? 'consistent' : 'DIFFERS'}`);
      if (!r.consistentBefore) failed.push('the read model differs from the ledger after the faults');
      if (!r.consistent) failed.push('the rebuilt read model differs from the ledger');
    } else {
      const missed = [r.lost || r.duplicated ? `${r.lost} lost, ${r.duplicated} duplicated` : '',
        r.statuses['500'] ? `${r.statuses['500']}x 500` : '',
        r.slowestRequestMs > 30_000 ? `a request took ${Math.round(r.slowestRequestMs / 1000)}s` : '',
        r.recoverySeconds >= 30 ? `recovery took ${r.recoverySeconds}s` : ''].filter(Boolean);
      say(`${r.experiment}: sent ${r.sent}, acknowledged ${r.acknowledged}, lost ${r.lost}, duplicated ${r.duplicated}, `
        + `statuses ${JSON.stringify(r.statuses)}, slowest ${(r.slowestRequestMs / 1000).toFixed(1)}s, `
        + `longest gap ${r.longestGapSeconds}s, recovery ${r.recoverySeconds}s${missed.length ? `  (FAILED: ${missed.join(', ')})` : ''}`);
      if (missed.length) failed.push(`${r.experiment}: ${missed.join(', ')}`);
    }
  }
  if (failed.length) {
    say(`CHAOS GATE FAILED: ${failed.join('; ')}`);
    process.exit(1);
  }
  say('gate held: 0 lost and 0 duplicated acknowledged writes, one winner per raced token, no 500, no request over 30 s, '
    + 'recovery under 30 s, the read model consistent with the ledger after the faults and after a rebuild');
}

async function main() {
  const [command, file, a, b] = process.argv.slice(2);
  if (command === 'cast') await castCommand(file!);
  else if (command === 'race') await race(file!, Number(a));
  else if (command === 'stream') await stream(file!, Number(a), b ?? 'stream');
  else if (command === 'check') await check(file!);
  else if (command === 'gate') gate(file!);
  else throw new Error('usage: driver.ts cast|race|stream|check|gate FILE ...');
}

main().catch((e: Error) => {
  process.stderr.write(`chaos driver: ${e.message}\n`);
  process.exit(1);
});
