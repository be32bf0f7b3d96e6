// The load driver of scripts/bench-scale.sh, on the typed API client (platform-web/node-client). It keeps its
// state in one JSON file, so a run that stopped (or hit its time bound) resumes where it was.
//
//   grow    STATE TARGET SECONDS   issues payables and splits them until this run's ledger holds TARGET tokens, or
//                                  SECONDS have passed (then exits 3: run it again to go on)
//   measure STATE                  at the current size: splits (throughput, p50, p99), API reads (p50, p99 each),
//                                  the read-model rebuild and the consistency check; one JSON line on stdout
//
// Every write has a deterministic Idempotency-Key, so a payable tree cut short is finished, not duplicated, when the
// run resumes. Environment: SCF_API_URL, SCF_ADMIN_USERNAME, SCF_ADMIN_PASSWORD; BENCH_SCALE_HOLDERS (4),
// BENCH_SCALE_CONCURRENCY (16), BENCH_SCALE_SPLITS (200 measured splits), BENCH_SCALE_WARMUP_SPLITS (200 splits
// before them, not measured: the API instance starts with the run, and at the first size its JIT would otherwise be
// measured rather than the ledger), BENCH_SCALE_READS (200 per query).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Api, type Schemas, type Session } from '../../platform-web/node-client/client.ts';

const env = (name: string) => process.env[name] ?? (() => { throw new Error(`set ${name}`); })();
const option = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const api = new Api(env('SCF_API_URL'), { retry: true, timeoutMs: 120_000 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const say = (s: string) => process.stderr.write(`      ${s}\n`);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const HOLDERS = option('BENCH_SCALE_HOLDERS', 4);
const CONCURRENCY = option('BENCH_SCALE_CONCURRENCY', 16);
const FAN_OUT = 10; // the chaincode's default maxOutputs: a payable becomes 1 + 10 + 100 tokens
const TOKENS_PER_TREE = 1 + FAN_OUT + FAN_OUT * FAN_OUT;
const LEAF_MINOR = 10_000;

type Party = { id: string; username: string };
type State = {
  run: string; password: string; core: Party; bank: Party; auditor: Party; holders: Party[];
  trees: number; // payables fully issued, accepted and split: tree i is payable SC-<run>-<i>
  extraTokens: number; // tokens made by the splits of the measurements (warm-up included)
};
const tokensOf = (s: State) => s.trees * TOKENS_PER_TREE + s.extraTokens;

function load(file: string): State | undefined {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}
function save(file: string, state: State) {
  writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 1));
  renameSync(`${file}.tmp`, file);
}

const sessions = new Map<string, Session>();
async function as(state: State, party: Party): Promise<Session> {
  let s = sessions.get(party.username);
  if (!s) {
    s = await api.login(party.username, state.password);
    sessions.set(party.username, s);
  }
  return s;
}

/** A core enterprise, a bank, HOLDERS suppliers (each admitted by two platform admins) and an auditor. */
async function cast(file: string): Promise<State> {
  const admin = await api.login(env('SCF_ADMIN_USERNAME'), env('SCF_ADMIN_PASSWORD'));
  const operator = { params: { path: { enterpriseId: 'PLATFORM' } } };
  const enrolled = await admin.attempt((c) => c.GET('/api/v1/admin/enterprises/{enterpriseId}/ledger-identity', operator), [404]);
  if (enrolled instanceof Error) await admin.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/ledger-identity', operator));
  const run = randomBytes(3).toString('hex').toUpperCase();
  const password = `scale-${randomBytes(12).toString('hex')}`;
  const user = async (enterpriseId: string, username: string, role: Schemas['CreateUserRequest']['role']) => {
    await admin.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/users', {
      params: { path: { enterpriseId } }, body: { username, password, role } }));
    return { id: enterpriseId, username };
  };
  const admin2 = await user('PLATFORM', `sc-admin2-${run.toLowerCase()}`, 'PLATFORM_ADMIN');
  const secondAdmin = await api.login(admin2.username, password);
  const onboard = async (prefix: string, role: 'CORE' | 'SUPPLIER' | 'BANK'): Promise<Party> => {
    const id = `SC-${prefix}-${run}`;
    const path = { params: { path: { enterpriseId: id } } };
    await admin.call((c) => c.POST('/api/v1/admin/enterprises', { body: { id, name: `Scale ${prefix} ${run}`, role,
      kycHash: sha256(`kyc:${id}`) } }));
    await admin.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/ledger-identity', path));
    await admin.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/ledger-registration', path));
    await secondAdmin.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/ledger-registration', path));
    return user(id, `sc-${prefix.toLowerCase()}-${run.toLowerCase()}`, role);
  };
  const holders: Party[] = [];
  for (let h = 0; h < HOLDERS; h++) holders.push(await onboard(`SUP${h}`, 'SUPPLIER'));
  const state: State = { run, password, core: await onboard('CORE', 'CORE'), bank: await onboard('BANK', 'BANK'),
    auditor: await user('PLATFORM', `sc-auditor-${run.toLowerCase()}`, 'AUDITOR'), holders, trees: 0, extraTokens: 0 };
  save(file, state);
  say(`cast ${run}: ${state.core.id}, ${state.bank.id}, ${holders.map((h) => h.id).join(', ')}`);
  return state;
}

/** Retries what is worth retrying (no answer, 5xx, 429, a key still in flight, an MVCC conflict) for up to 5 minutes. */
async function write<T>(what: string, send: () => Promise<{ response: Response; data?: T; error?: unknown }>): Promise<T> {
  const t0 = Date.now();
  for (let attempt = 1; ; attempt++) {
    let status = 0;
    let body: unknown;
    try {
      const { response, data, error } = await send();
      if (response.ok) return data as T;
      status = response.status;
      body = error;
    } catch (e) {
      body = String(e);
    }
    const code = (body as { code?: string } | undefined)?.code;
    const retry = status === 0 || status >= 500 || status === 429 || code === 'IDEMPOTENCY_KEY_IN_FLIGHT' || code === 'MVCC_READ_CONFLICT';
    if (!retry || Date.now() - t0 > 300_000) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
    await sleep(Math.min(500 * attempt, 3000));
  }
}

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

type Split = Schemas['SplitResult'];
const splitTo = (holder: Session, tokenId: string, outputs: { recipient: string; amountMinor: number }[]) =>
  write<Split>(`split ${tokenId}`, () => holder.client.POST('/api/v1/tokens/{tokenId}/split', {
    params: { path: { tokenId }, header: { 'Idempotency-Key': `sc-split-${tokenId}` } }, body: { outputs } }));

/**
 * The payables of trees [from, to): registered in one bulk request (POST /payables/batches, one RegisterPayables
 * transaction for all of them), then each accepted by its supplier. Their root token ids. The batch's
 * Idempotency-Key follows from the range and each item's request id from its payable, so a resumed run registers
 * nothing twice.
 */
async function issuePayables(state: State, from: number, to: number): Promise<Map<number, string>> {
  const core = await as(state, state.core);
  const trees = Array.from({ length: to - from }, (_, i) => from + i);
  const payableIdOf = (i: number) => `SC-${state.run}-${i}`;
  const items = trees.map((i) => ({ payableId: payableIdOf(i), beneficiaryId: state.holders[i % HOLDERS]!.id,
    amountMinor: FAN_OUT * FAN_OUT * LEAF_MINOR, currency: 'CNY', issueDate: day(-1), maturityDate: day(30 + (i % 180)),
    invoiceFingerprints: [sha256(`invoice:${payableIdOf(i)}`)], documentHash: sha256(`document:${payableIdOf(i)}`) }));
  const batch = await write<Schemas['BatchResult']>(`register ${payableIdOf(from)}..${to - 1}`,
    () => core.client.POST('/api/v1/payables/batches', {
      params: { header: { 'Idempotency-Key': `sc-reg-${state.run}-${from}-${to}` } }, body: { items } }));
  const refused = (batch.items ?? []).filter((r) => r.status !== 'REGISTERED' && r.status !== 'ALREADY_REGISTERED');
  if (refused.length > 0) throw new Error(`bulk registration refused ${JSON.stringify(refused.slice(0, 3))}`);
  const roots = new Map<number, string>();
  await pool(trees, CONCURRENCY, async (i) => {
    const payableId = payableIdOf(i);
    const accepting = await as(state, state.holders[i % HOLDERS]!);
    await write(`accept ${payableId}`, () => accepting.client.POST('/api/v1/payables/{payableId}/accept', {
      params: { path: { payableId }, query: { obligorId: state.core.id }, header: { 'Idempotency-Key': `sc-acc-${payableId}` } } }));
    const detail = await core.call((c) => c.GET('/api/v1/payables/{payableId}', { params: { path: { payableId } } }));
    const root = detail.payable?.rootTokenId;
    if (!root) throw new Error(`no root token for ${payableId}`);
    roots.set(i, root);
  });
  return roots;
}

/** Tree i: the root split ten ways over the holders, then each part split ten ways over them again. */
async function splitTree(state: State, i: number, rootId: string) {
  const owner = state.holders[i % HOLDERS]!;
  const spread = (each: number, offset: number) => Array.from({ length: FAN_OUT },
    (_, k) => ({ recipient: state.holders[(offset + k) % HOLDERS]!.id, amountMinor: each }));
  const first = await splitTo(await as(state, owner), rootId, spread(FAN_OUT * LEAF_MINOR, i));
  for (const part of first.created ?? []) {
    const holder = state.holders.find((h) => h.id === part.holderId)!;
    await splitTo(await as(state, holder), part.tokenId!, spread(LEAF_MINOR, i + 1));
  }
}

async function grow(file: string, target: number, seconds: number) {
  const state = load(file) ?? await cast(file);
  const deadline = Date.now() + seconds * 1000;
  const batch = Math.max(CONCURRENCY, 8);
  const t0 = Date.now();
  const startTokens = tokensOf(state);
  while (tokensOf(state) < target) {
    if (Date.now() > deadline) {
      say(`time bound reached at ${tokensOf(state)} tokens; run again to resume`);
      process.exit(3);
    }
    const from = state.trees;
    const to = from + Math.min(batch, Math.ceil((target - tokensOf(state)) / TOKENS_PER_TREE));
    const roots = await issuePayables(state, from, to);
    await pool([...roots.entries()], CONCURRENCY, ([i, root]) => splitTree(state, i, root));
    state.trees = to;
    save(file, state);
    const rate = (tokensOf(state) - startTokens) / ((Date.now() - t0) / 1000);
    say(`${tokensOf(state)} tokens (${state.trees} payables), ${rate.toFixed(0)} tokens/s`);
  }
}

function percentile(sorted: number[], p: number) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: +percentile(s, 50).toFixed(1), p99: +percentile(s, 99).toFixed(1) };
};

/** One request after the other (closed loop), after a warm-up: the latency of each, in ms. */
async function timedReads(label: string, count: number, read: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await read(i);
  const ms: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await read(i);
    ms.push(performance.now() - t);
  }
  const s = summary(ms);
  say(`${label}: p50 ${s.p50} ms, p99 ${s.p99} ms (${s.n} requests)`);
  return s;
}

type Leaf = { holder: number; tokenId: string; amountMinor: number };

/** Up to `count` live tokens of the holders that are large enough to split in two. */
async function leaves(state: State, count: number): Promise<Leaf[]> {
  const found: Leaf[] = [];
  for (let h = 0; h < HOLDERS && found.length < count; h++) {
    const holder = await as(state, state.holders[h]!);
    const page = await holder.call((c) => c.GET('/api/v1/tokens', { params: { query: {
      status: ['ACTIVE'], sort: ['-amountMinor'], size: 200 } } }));
    for (const t of page.items ?? []) {
      if ((t.amountMinor ?? 0) >= LEAF_MINOR && found.length < count) found.push({ holder: h, tokenId: t.tokenId!, amountMinor: t.amountMinor! });
    }
  }
  return found;
}

async function measureSplits(state: State) {
  const count = option('BENCH_SCALE_SPLITS', 200);
  const warmup = option('BENCH_SCALE_WARMUP_SPLITS', 200);
  const all = await leaves(state, warmup + count);
  if (all.length < warmup + count) say(`only ${all.length} tokens to split, of ${warmup + count} wanted`);
  if (warmup > 0) {
    const w = await splitAll(state, all.slice(0, warmup));
    say(`warm-up: ${w.ms.length} splits, ${w.failed} failed, ${(w.ms.length / w.wall).toFixed(1)}/s (not measured)`);
  }
  const { ms, failed, wall } = await splitAll(state, all.slice(warmup));
  const s = summary(ms);
  const tps = +(ms.length / wall).toFixed(1);
  say(`splits: ${ms.length} ok, ${failed} failed, ${tps}/s at concurrency ${CONCURRENCY}, p50 ${s.p50} ms, p99 ${s.p99} ms`);
  return { ok: ms.length, failed, tps, p50: s.p50, p99: s.p99 };
}

/** Splits each leaf in two (half to the next holder) at CONCURRENCY; the latency of each and the wall time. */
async function splitAll(state: State, todo: Leaf[]) {
  const ms: number[] = [];
  let failed = 0;
  const t0 = performance.now();
  await pool(todo, CONCURRENCY, async ({ holder, tokenId, amountMinor: amount }) => {
    const t = performance.now();
    try {
      const half = LEAF_MINOR / 2;
      const session = await as(state, state.holders[holder]!);
      await splitTo(session, tokenId, [{ recipient: state.holders[(holder + 1) % HOLDERS]!.id, amountMinor: half },
        { recipient: state.holders[holder]!.id, amountMinor: amount - half }]);
      ms.push(performance.now() - t);
    } catch (e) {
      failed++;
      say(`split failed: ${(e as Error).message.slice(0, 200)}`);
    }
  });
  state.extraTokens += 2 * ms.length;
  return { ms, failed, wall: (performance.now() - t0) / 1000 };
}

async function measureReads(state: State) {
  const count = option('BENCH_SCALE_READS', 200);
  const holder = await as(state, state.holders[0]!);
  const core = await as(state, state.core);
  const bank = await as(state, state.bank);
  const auditor = await as(state, state.auditor);
  const ok = <T>(x: Promise<{ response: Response; data?: T }>) => x.then(({ response }) => {
    if (!response.ok) throw new Error(`read answered ${response.status} ${response.url}`);
  });
  return {
    holderList: await timedReads('holder token list (ACTIVE, one obligor, 60-day maturity window, sorted by maturity)', count,
      () => ok(holder.client.GET('/api/v1/tokens', { params: { query: { status: ['ACTIVE'], obligorId: state.core.id,
        maturityFrom: day(40), maturityTo: day(100), sort: ['maturityDate', '-amountMinor'], size: 50 } } }))),
    payableTree: await timedReads('payable with its token tree (111 tokens)', count,
      (i) => ok(core.client.GET('/api/v1/payables/{payableId}', { params: { path: { payableId: `SC-${state.run}-${(i * 7919) % state.trees}` } } }))),
    bankExposure: await timedReads('bank exposure (credit limits in use)', count,
      () => ok(bank.client.GET('/api/v1/financing/credit-limits'))),
    bankQueue: await timedReads('bank underwriting queue', count, () => ok(bank.client.GET('/api/v1/financing/queue'))),
    auditorList: await timedReads("auditor's token list (everyone's live tokens, first page)", count,
      () => ok(auditor.client.GET('/api/v1/tokens', { params: { query: { size: 50 } } }))),
  };
}

async function measureRebuild() {
  const admin = await api.login(env('SCF_ADMIN_USERNAME'), env('SCF_ADMIN_PASSWORD'));
  const before = await admin.call((c) => c.GET('/api/v1/admin/read-model'));
  const t0 = Date.now();
  await admin.call((c) => c.POST('/api/v1/admin/read-model/rebuild'));
  const limit = option('BENCH_SCALE_REBUILD_SECONDS', 1800) * 1000;
  let status = before;
  while (Date.now() - t0 < limit) {
    await sleep(250);
    status = await admin.call((c) => c.GET('/api/v1/admin/read-model'));
    if (status.running && status.lagEvents === 0 && status.lagBlocks === 0 && (status.checkpointBlock ?? 0) >= (before.checkpointBlock ?? 0)) {
      const seconds = (Date.now() - t0) / 1000;
      say(`rebuild from block 0: ${seconds.toFixed(1)} s, ${status.eventsApplied} events`);
      return { seconds: +seconds.toFixed(1), events: status.eventsApplied };
    }
  }
  say(`rebuild not done within ${limit / 1000} s (lag ${status.lagBlocks} blocks)`);
  return { seconds: NaN, events: status.eventsApplied };
}

async function measureConsistency() {
  const admin = await api.login(env('SCF_ADMIN_USERNAME'), env('SCF_ADMIN_PASSWORD'));
  const t0 = Date.now();
  const r = await admin.attempt((c) => c.GET('/api/v1/admin/read-model/consistency'), [500, 502, 503, 504]);
  const seconds = +((Date.now() - t0) / 1000).toFixed(1);
  if (r instanceof Error) {
    say(`consistency check failed after ${seconds} s: ${r.message.slice(0, 300)}`);
    return { seconds, consistent: false, error: r.message.slice(0, 200) };
  }
  say(`consistency check: ${seconds} s, ${r.consistent ? 'consistent' : `${r.differences?.length} differences`} ${JSON.stringify(r.compared)}`);
  return { seconds, consistent: r.consistent };
}

async function measure(file: string) {
  const state = load(file) ?? (() => { throw new Error(`no state in ${file}: grow first`); })();
  const splits = await measureSplits(state);
  save(file, state);
  const reads = await measureReads(state);
  const rebuild = await measureRebuild();
  const consistency = await measureConsistency();
  console.log(JSON.stringify({ tokens: tokensOf(state), payables: state.trees, splits, reads, rebuild, consistency }));
}

/** The figures of every size in one table, then one SUMMARY line per size for scripts to read. */
function table(file: string) {
  type Reads = Record<string, { p50: number; p99: number }>;
  type Row = { size: number; peerDiskMiB: number; peerRssMiB: number; figures: { tokens: number; splits: { tps: number;
    p50: number; p99: number; failed: number }; reads: Reads; rebuild: { seconds: number; events: number };
    consistency: { seconds: number; consistent: boolean } } };
  const rows: Row[] = readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const reads = ['holderList', 'payableTree', 'bankExposure', 'bankQueue', 'auditorList'];
  const head = ['size', 'tokens', 'split/s', 'split p50', 'split p99', ...reads.map((r) => `${r} p50/p99`), 'rebuild s',
    'events', 'check s', 'peer MiB', 'peer RSS MiB'];
  const lines = rows.map((r) => [r.size, r.figures.tokens, r.figures.splits.tps, r.figures.splits.p50, r.figures.splits.p99,
    ...reads.map((k) => `${r.figures.reads[k]!.p50}/${r.figures.reads[k]!.p99}`), r.figures.rebuild.seconds,
    r.figures.rebuild.events, `${r.figures.consistency.seconds}${r.figures.consistency.consistent ? '' : ' (failed)'}`,
    r.peerDiskMiB, r.peerRssMiB].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const print = (cells: string[]) => console.log(cells.map((c, i) => c.padStart(widths[i]!)).join('  '));
  print(head);
  lines.forEach(print);
  for (const r of rows) {
    const readP99 = Math.max(...reads.map((k) => r.figures.reads[k]!.p99));
    console.log(`SUMMARY bench=scale size=${r.size} tokens=${r.figures.tokens} split_tps=${r.figures.splits.tps} `
      + `split_p50_ms=${r.figures.splits.p50} split_p99_ms=${r.figures.splits.p99} read_p99_ms=${readP99} `
      + reads.map((k) => `${k}_p99_ms=${r.figures.reads[k]!.p99}`).join(' ')
      + ` rebuild_s=${r.figures.rebuild.seconds} check_s=${r.figures.consistency.seconds} `
      + `check_ok=${r.figures.consistency.consistent} peer_disk_mib=${r.peerDiskMiB} peer_rss_mib=${r.peerRssMiB}`);
  }
}

async function main() {
  const [command, file, a, b] = process.argv.slice(2);
  if (command === 'grow') await grow(file!, Number(a), Number(b ?? 3600));
  else if (command === 'measure') await measure(file!);
  else if (command === 'table') table(file!);
  else throw new Error('usage: driver.ts grow STATE TARGET [SECONDS] | measure STATE | table RESULTS');
}

main().catch((e: Error) => {
  process.stderr.write(`bench-scale driver: ${e.message}\n`);
  process.exit(1);
});
