#!/usr/bin/env node
// Seeds a realistic demo through the platform's public REST API only (Node 20, no dependencies).
//
//   node scripts/seed-demo.mjs [--full] [API URL]   default http://127.0.0.1:$SCF_API_PORT (8080)
//   --full: walk every step even when the demo looks complete (each still writes only what is missing)
//   --no-logins: write the logins to the file but do not print them (scripts/up.sh prints them in its summary)
//
// One core enterprise, one bank, six suppliers over three tiers, each admitted through the KYC workflow
// (maker-checker by two platform admins, then enrolled at its organisation's CA and registered on the
// ledger); payables of the core enterprise accepted by its tier-1 suppliers, split and transferred down the
// tiers; one financing approved by the bank (maker and checker) and one waiting in the bank's queue.
//
// Idempotent: every step first reads what is there and only does what is missing, so a second run writes
// nothing and prints the same logins, and a run that was interrupted resumes where it stopped.
// Writes the logins to .run/demo-logins.txt (SCF_DEMO_LOGINS_FILE overrides).
//
// Settings (environment):
//   SCF_API_URL                         the API (or the first argument)
//   SCF_ADMIN_USERNAME / SCF_ADMIN_PASSWORD   the bootstrap platform admin the API was started with
//                                       (default admin / scf-demo-pass, as scripts/up.sh starts it)
//   SCF_DEMO_PASSWORD                   the password of every demo user it creates (default scf-demo-pass)
//   SCF_DEMO_ID_SUFFIX                  appended to every enterprise id, e.g. -T1: for trying the seed against a
//                                       ledger that already holds the demo (ids on the ledger are forever)

import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ARGS = process.argv.slice(2);
const FULL = ARGS.includes('--full');
const PRINT_LOGINS = !ARGS.includes('--no-logins');
const API = (ARGS.find((a) => !a.startsWith('--')) || process.env.SCF_API_URL || `http://127.0.0.1:${process.env.SCF_API_PORT || 8080}`)
  .replace(/\/+$/, '');
const ADMIN = { username: process.env.SCF_ADMIN_USERNAME || 'admin', password: process.env.SCF_ADMIN_PASSWORD || 'scf-demo-pass' };
const PASSWORD = process.env.SCF_DEMO_PASSWORD || 'scf-demo-pass';
const SUFFIX = process.env.SCF_DEMO_ID_SUFFIX || '';
const LOGINS_FILE = process.env.SCF_DEMO_LOGINS_FILE || join(ROOT, '.run', 'demo-logins.txt');
const COLOR = process.stdout.isTTY;

// ---------------------------------------------------------------------------------------------------------------
// The demo's cast. Amounts are CNY in integer minor units (fen); dates are days from today (UTC).

const id = (base) => base + SUFFIX;
const uid = (name) => name + SUFFIX.toLowerCase();

const CORE = {
  id: id('HUAXIN-AUTO'), role: 'CORE', name: '华鑫汽车集团股份有限公司 Huaxin Automotive Group Co., Ltd.',
  division: '310000', org: 'MA1FP8K2X', city: 'Shanghai',
  user: uid('huaxin'), person: ['陈静 Chen Jing', 'chen.jing@huaxin-auto.example', '+86 21 6088 1200', 'Treasury Manager'],
  account: ['中国工商银行上海分行 ICBC Shanghai Branch', '1001 2345 6789 0012 345'],
};
const BANK = {
  id: id('PUJIANG-BANK'), role: 'BANK', name: '浦江商业银行上海分行 Pujiang Commercial Bank, Shanghai Branch',
  division: '310000', org: 'MA1G3QW70', city: 'Shanghai',
  user: uid('pujiang.maker'), person: ['王磊 Wang Lei', 'wang.lei@pujiangbank.example', '+86 21 5018 3300', 'Relationship Manager'],
  account: ['浦江商业银行上海分行 Pujiang Commercial Bank, Shanghai Branch', '3100 0000 0000 0001'],
  checker: uid('pujiang.checker'),
};
const SUPPLIERS = [
  { key: 'T1A', tier: 1, id: id('DONGFANG-PT'), name: '东方精密动力系统有限公司 Dongfang Precision Powertrain Co., Ltd.',
    division: '320500', org: 'MA1MX2L43', city: 'Suzhou', user: uid('dongfang'),
    person: ['刘洋 Liu Yang', 'liu.yang@dongfang-pt.example', '+86 512 6255 7700', 'CFO'],
    account: ['中国银行苏州分行 Bank of China Suzhou Branch', '5432 1098 7654 3210'] },
  { key: 'T1B', tier: 1, id: id('XINGHE-ELEC'), name: '星河汽车电子有限公司 Xinghe Automotive Electronics Co., Ltd.',
    division: '440300', org: 'MA5DC1H87', city: 'Shenzhen', user: uid('xinghe'),
    person: ['张伟 Zhang Wei', 'zhang.wei@xinghe-elec.example', '+86 755 8600 4411', 'Finance Director'],
    account: ['招商银行深圳分行 China Merchants Bank Shenzhen Branch', '7559 0012 3456 7801'] },
  { key: 'T2A', tier: 2, id: id('JINLUN-CASTING'), name: '金轮铸造有限公司 Jinlun Casting Co., Ltd.',
    division: '330200', org: 'MA2CJ7R19', city: 'Ningbo', user: uid('jinlun'),
    person: ['孙莉 Sun Li', 'sun.li@jinlun-casting.example', '+86 574 8777 2310', 'Accounting Manager'],
    account: ['宁波银行 Bank of Ningbo', '5101 2200 3344 5566'] },
  { key: 'T2B', tier: 2, id: id('HENGTONG-PCB'), name: '恒通电路板有限公司 Hengtong Circuit Board Co., Ltd.',
    division: '441900', org: 'MA4UL6B52', city: 'Dongguan', user: uid('hengtong'),
    person: ['周慧 Zhou Hui', 'zhou.hui@hengtong-pcb.example', '+86 769 2233 8890', 'Finance Manager'],
    account: ['东莞银行 Bank of Dongguan', '5600 3001 2345 6789'] },
  { key: 'T3A', tier: 3, id: id('RUIFENG-STEEL'), name: '瑞丰特钢材料有限公司 Ruifeng Special Steel Materials Co., Ltd.',
    division: '320200', org: 'MA1X4NP68', city: 'Wuxi', user: uid('ruifeng'),
    person: ['吴刚 Wu Gang', 'wu.gang@ruifeng-steel.example', '+86 510 8123 4567', 'General Manager'],
    account: ['江苏银行无锡分行 Bank of Jiangsu Wuxi Branch', '2010 8800 1122 3344'] },
  { key: 'T3B', tier: 3, id: id('TONGXIN-COPPER'), name: '铜鑫铜箔有限公司 Tongxin Copper Foil Co., Ltd.',
    division: '340700', org: 'MA2TR3E95', city: 'Tongling', user: uid('tongxin'),
    person: ['郑霞 Zheng Xia', 'zheng.xia@tongxin-copper.example', '+86 562 2811 0066', 'Finance Supervisor'],
    account: ['徽商银行铜陵分行 Huishang Bank Tongling Branch', '1303 0001 2233 4455'] },
].map((s) => ({ ...s, role: 'SUPPLIER' }));
const S = Object.fromEntries(SUPPLIERS.map((s) => [s.key, s]));
const ENTERPRISES = [CORE, BANK, ...SUPPLIERS];

const PLATFORM_USERS = [
  { username: uid('admin.checker'), role: 'PLATFORM_ADMIN', what: 'platform admin (second reviewer of KYC)' },
  { username: uid('auditor'), role: 'AUDITOR', what: 'auditor (reads everything, verifies anchors and the audit chain)' },
];

// Payables of the core enterprise to its tier-1 suppliers.
const PAYABLES = [
  { id: 'HX-AP-2026-0101', to: S.T1A, amount: 328_000_000, issuedDaysAgo: 12, maturityDays: 90, accept: true,
    invoices: ['DF-INV-26-00871', 'DF-INV-26-00872', 'DF-INV-26-00873'] },
  { id: 'HX-AP-2026-0102', to: S.T1B, amount: 186_540_000, issuedDaysAgo: 8, maturityDays: 60, accept: true,
    invoices: ['XH-INV-26-04410', 'XH-INV-26-04411'] },
  { id: 'HX-AP-2026-0103', to: S.T1A, amount: 74_235_000, issuedDaysAgo: 2, maturityDays: 120, accept: false,
    invoices: ['DF-INV-26-00915'] },
  { id: 'HX-AP-2026-0104', to: S.T1B, amount: 52_800_000, issuedDaysAgo: 20, maturityDays: 30, accept: true,
    invoices: ['XH-INV-26-04388'] },
];

// Splits down the tiers: the holder's live token of that payable and amount is split; a remainder is kept.
const SPLITS = [
  { key: 'split-1', payable: 'HX-AP-2026-0101', holder: S.T1A, amount: 328_000_000,
    outputs: [[S.T2A, 126_000_000], [S.T2B, 58_500_000], [S.T1A, 143_500_000]] },
  { key: 'split-2', payable: 'HX-AP-2026-0101', holder: S.T2A, amount: 126_000_000,
    outputs: [[S.T3A, 46_800_000], [S.T2A, 79_200_000]] },
  { key: 'split-3', payable: 'HX-AP-2026-0102', holder: S.T1B, amount: 186_540_000,
    outputs: [[S.T2B, 72_000_000], [S.T1B, 114_540_000]] },
  { key: 'split-4', payable: 'HX-AP-2026-0102', holder: S.T2B, amount: 72_000_000,
    outputs: [[S.T3B, 27_360_000], [S.T2B, 44_640_000]] },
];

// Financings with the bank: one approved (maker and checker: above the four-eyes threshold), one pending.
const CREDIT_LIMIT = 3_000_000_000; // 30 000 000.00 CNY for the core enterprise as obligor
const FINANCINGS = [
  { key: 'approved', applicant: S.T1A, payable: 'HX-AP-2026-0101', amount: 143_500_000, rateBps: 450, approve: true,
    invoiceNumbers: ['DF-INV-26-00871', 'DF-INV-26-00872'] },
  { key: 'pending', applicant: S.T3A, payable: 'HX-AP-2026-0101', amount: 46_800_000, approve: false,
    invoiceNumbers: ['RF-INV-26-01207'] },
];

// ---------------------------------------------------------------------------------------------------------------
// Output

const paint = (code, s) => (COLOR ? `\x1b[${code}m${s}\x1b[0m` : s);
const log = (s) => console.log(`${paint('1;34', '==>')} ${s}`);
const step = (s) => console.log(`    ${s}`);
const fen = (n) => (n / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }) + ' CNY';
const short = (name) => name.split(' ')[0];
let stepNo = 0;
const STEPS = 9;
async function phase(title, fn) {
  stepNo += 1;
  const t = Date.now();
  log(`[${stepNo}/${STEPS}] ${title}`);
  await fn();
  step(paint('2', `done in ${((Date.now() - t) / 1000).toFixed(1)}s`));
}

class ApiError extends Error {
  constructor(method, path, status, problem) {
    const p = problem || {};
    const code = p.code ? ` ${p.code}` : '';
    const detail = p.detail || p.title || (typeof problem === 'string' ? problem.slice(0, 300) : '');
    const errors = Array.isArray(p.errors) && p.errors.length
      ? ` (${p.errors.map((e) => `${e.field}: ${e.message}`).join('; ')})` : '';
    const more = ['activationStep', 'resume', 'applicationStatus', 'transaction', 'transactionId']
      .filter((k) => p[k]).map((k) => `${k}=${p[k]}`).join(', ');
    super(`${method} ${path} answered ${status}${code}: ${detail}${errors}${more ? ` [${more}]` : ''}`);
    this.status = status;
    this.code = p.code;
    this.problem = p;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const RETRYABLE = new Set(['MVCC_READ_CONFLICT', 'IDEMPOTENCY_KEY_IN_FLIGHT', 'CONCURRENT_UPDATE', 'LEDGER_BUSY',
  'PEER_UNAVAILABLE', 'ORDERER_UNAVAILABLE', 'LEDGER_TIMEOUT', 'LEDGER_NOT_READY', 'CA_UNAVAILABLE',
  'COMMIT_STATUS_UNKNOWN', 'RATE_LIMITED']);

/** One API call; retries what the API marks as retryable (safe: every ledger write here is idempotent). */
async function call(method, path, { auth, body, form, idempotencyKey, ok = [] } = {}) {
  for (let attempt = 1; ; attempt++) {
    const headers = { Accept: 'application/json' };
    if (auth) headers.Authorization = `Bearer ${auth}`;
    if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
    let payload;
    if (form) {
      payload = form();
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(API + path, { method, headers, body: payload, signal: AbortSignal.timeout(120_000) });
    } catch (e) {
      if (attempt < 5) { await sleep(2000); continue; }
      throw new Error(`${method} ${path}: the API at ${API} cannot be reached (${e.cause?.code || e.message})`);
    }
    const text = await res.text();
    let json;
    try { json = text ? JSON.parse(text) : null; } catch { json = text; }
    if (res.ok) return json;
    if (ok.includes(res.status) || (json && ok.includes(json.code))) return { __status: res.status, ...json };
    const code = json && json.code;
    const retryAfter = Number(res.headers.get('retry-after')) || 1;
    if (RETRYABLE.has(code) && attempt < (code === 'RATE_LIMITED' ? 3 : 8)) {
      if (retryAfter > 5) step(`(${code}: waiting ${retryAfter}s as the API asks)`);
      await sleep(Math.min(retryAfter, 300) * 1000);
      continue;
    }
    throw new ApiError(method, path, res.status, json);
  }
}

const tokens = new Map();
async function login(username, password = PASSWORD) {
  if (!tokens.has(username)) {
    const r = await call('POST', '/api/v1/auth/login', { body: { username, password } }).catch((e) => {
      if (e.code === 'INVALID_CREDENTIALS' && username !== ADMIN.username) {
        throw new Error(`${e.message}\n  The demo user '${username}' exists with another password: this database was seeded`
          + ' with other settings (SCF_DEMO_PASSWORD / SCF_ADMIN_PASSWORD), or the user was changed.');
      }
      throw e;
    });
    tokens.set(username, r.accessToken);
  }
  return tokens.get(username);
}

// ---------------------------------------------------------------------------------------------------------------
// Documents and identifiers the demo needs

/** GB 32100-2015 unified social credit code: "91" (enterprise), division, organisation code, check character. */
function uscc(division, org) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const first17 = `91${division}${org}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(first17[i]) * (3 ** i % 31);
  return first17 + alphabet[(31 - (sum % 31)) % 31];
}

/** A one-page PDF with a few lines of text (Helvetica, ASCII). */
function pdf(lines) {
  const esc = (s) => s.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
  const text = lines.map((l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 22} Td (${esc(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((o, i) => { offsets.push(Buffer.byteLength(out)); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A small grey PNG (an ID card scan stand-in), distinct per seed string. */
function png(seed) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const w = 86; const h = 54; // ID-1 card proportions
  const shade = createHash('sha256').update(seed).digest();
  const rows = [];
  for (let y = 0; y < h; y++) {
    rows.push(0);
    for (let x = 0; x < w; x++) rows.push(x < 24 && y > 10 && y < 40 ? 120 : 200 + (shade[(x + y) % 32] % 40));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const upload = (kind, fileName, type, bytes) => () => {
  const f = new FormData();
  f.append('kind', kind);
  f.append('file', new Blob([bytes], { type }), fileName);
  return f;
};

const sha256 = (s) => createHash('sha256').update(s).digest('hex');
// The ERP's keyed invoice fingerprints (docs/chaincode.md): HMAC-SHA256 over the invoice's identifying data.
const fingerprint = (obligor, invoice, amount) =>
  createHmac('sha256', 'scf-demo-erp-invoice-key').update(`${obligor}|${invoice}|${amount}`).digest('hex');

const today = new Date();
const day = (offset) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset))
  .toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------------------------
// Steps

let admin;

async function enterprises() {
  for (const e of ENTERPRISES) {
    const r = await call('POST', '/api/v1/admin/enterprises', { auth: admin, body: { id: e.id, name: e.name, role: e.role },
      ok: ['ENTERPRISE_EXISTS'] });
    e.status = r.__status ? (await call('GET', `/api/v1/admin/enterprises/${e.id}`, { auth: admin })).status : r.status;
    step(`${e.role.padEnd(8)} ${e.id.padEnd(18)} ${e.status.padEnd(7)} ${e.name}${r.__status ? '' : '  (created)'}`);
  }
}

async function users() {
  const wanted = [
    ...PLATFORM_USERS.map((u) => ({ ...u, enterprise: 'PLATFORM' })),
    ...ENTERPRISES.map((e) => ({ username: e.user, role: e.role, enterprise: e.id })),
    { username: BANK.checker, role: 'BANK', enterprise: BANK.id },
  ];
  for (const u of wanted) {
    const r = await call('POST', `/api/v1/admin/enterprises/${u.enterprise}/users`, { auth: admin,
      body: { username: u.username, password: PASSWORD, role: u.role }, ok: ['USERNAME_TAKEN'] });
    step(`${u.username.padEnd(16)} ${u.role.padEnd(15)} ${u.enterprise}${r.__status ? '' : '  (created)'}`);
  }
}

async function operatorIdentity() {
  const r = await call('GET', '/api/v1/admin/enterprises/PLATFORM/ledger-identity', { auth: admin, ok: [404] });
  if (!r.__status) {
    step(`the platform operator's ledger identity: ${r.enrollmentId ?? 'enrolled'}`);
    return;
  }
  const c = await call('POST', '/api/v1/admin/enterprises/PLATFORM/ledger-identity', { auth: admin });
  step(`enrolled the platform operator's ledger identity at PlatformOrg's CA: ${c.enrollmentId ?? ''}`);
}

async function kyc(e, checker) {
  if (e.status === 'ACTIVE') {
    step(`${e.id.padEnd(18)} already admitted`);
    return;
  }
  const t0 = Date.now();
  const user = await login(e.user);
  const me = await call('GET', '/api/v1/auth/me', { auth: user });
  if (me.enterpriseId !== e.id) {
    throw new Error(`the user ${e.user} belongs to ${me.enterpriseId}, not ${e.id}: this database holds another demo`);
  }
  const open = (await call('GET', '/api/v1/kyc/applications', { auth: user }))
    .find((a) => !['REJECTED'].includes(a.status));
  let a = open ? await call('GET', `/api/v1/kyc/applications/${open.id}`, { auth: user })
    : await call('POST', '/api/v1/kyc/applications', { auth: user, body: {
      legalName: e.name, unifiedSocialCreditCode: uscc(e.division, e.org), role: e.role,
      contacts: [{ name: e.person[0], email: e.person[1], phone: e.person[2], title: e.person[3] }],
      settlementAccount: { bankName: e.account[0], accountName: e.name, accountNumber: e.account[1].replace(/ /g, '') },
    } });
  const appId = a.id;
  const base = `/api/v1/kyc/applications/${appId}`;
  const reread = () => call('GET', `/api/v1/admin/kyc/applications/${appId}`, { auth: admin });
  for (let guard = 0; guard < 10; guard++) {
    if (a.status === 'DRAFT' || a.status === 'MORE_INFO_REQUESTED') {
      const kinds = new Set((a.documents || []).map((d) => d.kind));
      if (!kinds.has('BUSINESS_LICENCE')) {
        await call('POST', `${base}/documents`, { auth: user, form: upload('BUSINESS_LICENCE', 'business-licence.pdf',
          'application/pdf', pdf(['Business Licence', e.name.replace(/^[^A-Za-z]+/, ''),
            `Unified social credit code: ${uscc(e.division, e.org)}`, `Registered in ${e.city}`,
            'Demo document generated by scripts/seed-demo.mjs'])) });
      }
      if (!kinds.has('SIGNATORY_ID')) {
        await call('POST', `${base}/documents`, { auth: user,
          form: upload('SIGNATORY_ID', 'signatory-id.png', 'image/png', png(e.id + e.person[0])) });
      }
      a = await call('POST', `${base}/submit`, { auth: user });
    } else if (a.status === 'SUBMITTED') {
      a = await call('POST', `/api/v1/admin/kyc/applications/${appId}/review`, { auth: admin,
        body: { note: 'Licence and signatory ID checked against the registry (demo).' } });
    } else if (a.status === 'REVIEWED') {
      a = await call('POST', `/api/v1/admin/kyc/applications/${appId}/approve`, { auth: checker,
        body: { note: 'Approved (demo).' }, ok: [502, 503] });
    } else if (a.status === 'APPROVED') {
      if (a.ledger && a.ledger.activatedAt) break;
      a = await call('POST', `/api/v1/admin/kyc/applications/${appId}/activation`, { auth: checker,
        ok: ['ALREADY_ACTIVATED', 502, 503] });
    } else {
      throw new Error(`KYC application ${appId} of ${e.id} is ${a.status}; the demo cannot go on with it`);
    }
    if (a.__status) { // the approval stands but a ledger step failed (or was done meanwhile): look again, resume
      if (a.code !== 'ALREADY_ACTIVATED') step(`(${e.id}: ${a.code} at ${a.activationStep || 'activation'}; resuming)`);
      await sleep(2000);
      a = await reread();
    }
  }
  const ent = await call('GET', `/api/v1/admin/enterprises/${e.id}`, { auth: admin });
  if (ent.status !== 'ACTIVE') throw new Error(`${e.id} is still ${ent.status} after its KYC application ${a.id}`);
  e.status = 'ACTIVE';
  step(`${e.id.padEnd(18)} KYC ${appId} approved; enrolled (${a.ledger?.enrollmentId}), registered and anchored on the`
    + ` ledger (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
}

async function payableOf(coreToken, payableId) {
  const r = await call('GET', `/api/v1/payables/${payableId}`, { auth: coreToken, ok: [404] });
  return r.__status ? null : r;
}

async function payables() {
  const core = await login(CORE.user);
  for (const p of PAYABLES) {
    let d = await payableOf(core, p.id);
    if (!d) {
      const invoices = p.invoices.map((n) => fingerprint(CORE.id, n, p.amount));
      const r = await call('POST', '/api/v1/payables', { auth: core, idempotencyKey: `demo-${p.id}`, body: {
        payableId: p.id, beneficiaryId: p.to.id, amountMinor: p.amount, currency: 'CNY',
        issueDate: day(-p.issuedDaysAgo), maturityDate: day(p.maturityDays), invoiceFingerprints: invoices,
        documentHash: sha256(`purchase order ${p.id} of ${CORE.id} to ${p.to.id} for ${p.amount} fen`),
      } });
      step(`${p.id} ${fen(p.amount).padStart(18)} to ${short(p.to.name)} (${p.to.id}), due ${r.maturityDate}: `
        + `registered in block ${r.blockNumber}`);
      d = await waitFor(() => payableOf(core, p.id), (x) => x, `payable ${p.id} in the read model`);
    }
    if (p.accept && d.payable.status === 'PENDING_ACCEPTANCE') {
      const supplier = await login(p.to.user);
      const r = await call('POST', `/api/v1/payables/${p.id}/accept?obligorId=${CORE.id}`, { auth: supplier,
        idempotencyKey: `demo-accept-${p.id}` });
      step(`${p.id} accepted by ${short(p.to.name)}: its root token is ACTIVE (block ${r.blockNumber})`);
      d = await waitFor(() => payableOf(core, p.id), (x) => x.payable.status !== 'PENDING_ACCEPTANCE', `${p.id} accepted`);
    } else {
      step(`${p.id} ${fen(p.amount).padStart(18)} to ${short(p.to.name)}: ${d.payable.status}`
        + `${p.accept ? '' : ' (left for the supplier to accept in the demo)'}`);
    }
  }
}

async function waitFor(read, done, what, seconds = 20) {
  for (let i = 0; i < seconds * 2; i++) {
    const v = await read();
    if (v && done(v)) return v;
    await sleep(500);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The tokens of a payable as its obligor sees them (all of them). */
async function tokensOf(payableId) {
  const d = await payableOf(await login(CORE.user), payableId);
  if (!d) throw new Error(`payable ${payableId} is not in the read model`);
  return d.tokens;
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
    const r = await call('POST', `/api/v1/tokens/${live.tokenId}/split`, { auth: await login(s.holder.user),
      idempotencyKey: `demo-${s.key}-${live.tokenId}`,
      body: { outputs: s.outputs.map(([to, amount]) => ({ recipient: to.id, amountMinor: amount })) } });
    step(`${s.payable}: ${short(s.holder.name)} split ${fen(s.amount)} -> ${outputs} (block ${r.blockNumber})`);
  }
}

async function creditLimit() {
  const maker = await login(BANK.user);
  const limits = await call('GET', '/api/v1/financing/credit-limits', { auth: maker });
  const have = limits.find((l) => l.obligorId === CORE.id && l.currency === 'CNY');
  if (have && have.limitMinor === CREDIT_LIMIT) {
    step(`${BANK.id} -> ${CORE.id}: credit limit ${fen(CREDIT_LIMIT)} already set`);
    return;
  }
  await call('PUT', `/api/v1/financing/credit-limits/${CORE.id}`, { auth: maker,
    body: { currency: 'CNY', limitMinor: CREDIT_LIMIT } });
  step(`${BANK.id} set a credit limit of ${fen(CREDIT_LIMIT)} for obligor ${CORE.id}`);
}

async function financing(f) {
  const applicant = await login(f.applicant.user);
  const live = ['DRAFT', 'SUBMITTED', 'AWAITING_SECOND_APPROVAL', 'APPROVING', 'APPROVED', 'DISBURSED'];
  const candidates = (await tokensOf(f.payable)).filter((t) => t.holderId === f.applicant.id
    || (t.financingId && t.amountMinor === f.amount));
  const mine = (await call('GET', '/api/v1/financing/applications', { auth: applicant }))
    .filter((a) => a.obligorId === CORE.id && a.bankId === BANK.id && a.faceAmountMinor === f.amount
      && live.includes(a.status));
  let a;
  if (mine.length) {
    a = await call('GET', `/api/v1/financing/applications/${mine[0].id}`, { auth: applicant });
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
    a = await call('POST', '/api/v1/financing/applications', { auth: applicant,
      body: { tokenId: token.tokenId, bankId: BANK.id, invoiceNumbers: f.invoiceNumbers } });
    step(`${short(f.applicant.name)} drafted ${a.id} for its token ${token.tokenId.slice(0, 12)}… of ${fen(f.amount)}`);
  }
  const maker = await login(BANK.user);
  const checker = await login(BANK.checker);
  const base = `/api/v1/financing/applications/${a.id}`;
  for (let guard = 0; guard < 10; guard++) {
    if (a.status === 'DRAFT') {
      const kinds = new Set((a.documents || []).map((d) => d.kind));
      const name = f.applicant.name.replace(/^[^A-Za-z]+/, '');
      if (!kinds.has('INVOICE')) {
        await call('POST', `${base}/documents`, { auth: applicant, form: upload('INVOICE', `invoice-${f.invoiceNumbers[0]}.pdf`,
          'application/pdf', pdf(['VAT Invoice (Fapiao)', `Seller: ${name}`, `Buyer: ${CORE.name.replace(/^[^A-Za-z]+/, '')}`,
            `Invoices: ${f.invoiceNumbers.join(', ')}`, `Amount: ${fen(f.amount)}`, `Application ${a.id} (demo)`])) });
      }
      if (!kinds.has('CONTRACT')) {
        await call('POST', `${base}/documents`, { auth: applicant, form: upload('CONTRACT', `supply-contract-${f.key}.pdf`,
          'application/pdf', pdf(['Supply Contract', `Supplier: ${name}`, `Payable: ${f.payable}`,
            `Receivable assigned to ${BANK.name.replace(/^[^A-Za-z]+/, '')} on financing`, `Application ${a.id} (demo)`])) });
      }
      a = await call('POST', `${base}/submit`, { auth: applicant });
      step(`${a.id} submitted to ${BANK.id}: the token is locked for the bank (RequestFinancing ${a.requestTx.slice(0, 12)}…)`);
    } else if (!f.approve || ['APPROVED', 'DISBURSED'].includes(a.status)) {
      break;
    } else if (a.status === 'SUBMITTED' || a.status === 'APPROVING') {
      a = await call('POST', `${base}/approve`, { auth: maker, body: { annualRateBps: f.rateBps } });
      step(`${a.id}: ${BANK.user} approved at ${f.rateBps} bps -> ${a.status}`);
    } else if (a.status === 'AWAITING_SECOND_APPROVAL') {
      a = await call('POST', `${base}/approve`, { auth: checker, body: { annualRateBps: f.rateBps } });
      step(`${a.id}: ${BANK.checker} confirmed (four eyes) -> ${a.status}`);
    } else {
      throw new Error(`financing ${a.id} is ${a.status}; the demo cannot go on with it`);
    }
  }
  if (a.terms && a.terms.advanceMinor != null) {
    step(`${a.id} ${a.status}: face ${fen(f.amount)}, ${a.terms.days} days at ${a.terms.annualRateBps} bps ACT/360,`
      + ` discount ${fen(a.terms.discountMinor)}, advance ${fen(a.terms.advanceMinor)}`);
  } else {
    step(`${a.id} ${a.status}: ${short(f.applicant.name)} (tier-${f.applicant.tier} supplier) asks ${BANK.id} to finance`
      + ` ${fen(f.amount)}, due ${a.token.maturityDate}`);
  }
  return a;
}

/** The seeded state is complete: every enterprise ACTIVE and both financings where the demo leaves them. */
async function seeded() {
  const list = await call('GET', '/api/v1/admin/enterprises?limit=500', { auth: admin });
  const active = new Set(list.filter((e) => e.status === 'ACTIVE').map((e) => e.id));
  if (!ENTERPRISES.every((e) => active.has(e.id))) return false;
  const apps = await call('GET', '/api/v1/financing/applications?limit=500', { auth: admin });
  const has = (f, statuses) => apps.some((a) => a.applicantId === f.applicant.id && a.bankId === BANK.id
    && a.faceAmountMinor === f.amount && statuses.includes(a.status));
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
  ];
  const width = [15, Math.max(16, ...rows.map((r) => r[1].length)), Math.max(13, ...rows.map((r) => r[2].length))];
  const lines = rows.map((r) => `${r[0].padEnd(width[0])}  ${r[1].padEnd(width[1])}  ${r[2].padEnd(width[2])}  ${r[3]}`);
  return [
    `Demo logins for ${API}/ (each role: username / password)`,
    '',
    `${'role'.padEnd(width[0])}  ${'username'.padEnd(width[1])}  ${'password'.padEnd(width[2])}  who`,
    ...lines,
    '',
    `What to look at: ${CORE.user} sees its four payables and who holds their tokens; ${S.T1A.user} has a payable to accept`,
    `and an approved financing; ${S.T3A.user} (tier 3) waits for the bank on its financing, which ${BANK.user} has in its queue.`,
  ];
}

function writeLogins(text) {
  mkdirSync(dirname(LOGINS_FILE), { recursive: true });
  writeFileSync(LOGINS_FILE, text.join('\n') + '\n', { mode: 0o600 });
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const t0 = Date.now();
  log(`Seeding the demo through ${API} (public REST API only)`);
  const health = await fetch(`${API}/actuator/health`).then((r) => r.json()).catch(() => null);
  if (!health) throw new Error(`the API at ${API} does not answer /actuator/health; start it first (scripts/up.sh)`);
  if (health.components?.ledger?.status && health.components.ledger.status !== 'UP') {
    throw new Error(`the API's ledger is ${health.components.ledger.status}: is the Fabric network up? (scripts/network.sh status)`);
  }
  admin = await login(ADMIN.username, ADMIN.password).catch((e) => {
    throw new Error(`${e.message}\n  The seed logs in as the bootstrap platform admin: start the API with SCF_ADMIN_USERNAME and`
      + ' SCF_ADMIN_PASSWORD (scripts/up.sh does) and give the seed the same values.');
  });

  if (!FULL && await seeded()) {
    step('the demo is already seeded: nothing to do');
  } else {
    await phase('Enterprises (invited by the platform admin; PENDING until KYC)', enterprises);
    await phase('Users: a platform checker, an auditor, one user per enterprise, a second bank user', users);
    await phase("The platform operator's ledger identity", operatorIdentity);
    await phase('KYC onboarding of each enterprise: apply, upload licence and ID, review, approve, activate on the ledger',
      async () => {
        const checker = await login(PLATFORM_USERS[0].username);
        for (const e of ENTERPRISES) await kyc(e, checker);
      });
    await phase('Payables of the core enterprise to its tier-1 suppliers', payables);
    await phase('Splits and transfers down the tiers', splits);
    await phase("The bank's credit limit for the core enterprise", creditLimit);
    await phase('Financing approved by the bank with four eyes (maker, then checker)', () => financing(FINANCINGS[0]));
    await phase("Financing waiting in the bank's queue", () => financing(FINANCINGS[1]));
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

main().catch((e) => {
  console.error(`${paint('1;31', 'error:')} demo seed failed: ${e.message}`);
  process.exit(1);
});
