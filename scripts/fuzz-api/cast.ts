// The callers schemathesis runs as (scripts/fuzz-api.sh): the platform admin, a user of a core enterprise, of a
// supplier, a bank maker and checker, an auditor, and an API key of the core enterprise. Creates what is missing
// under a fresh suffix and prints one line per caller: NAME<TAB>HEADER (an Authorization or X-API-Key header).
//
//   SCF_API_URL=http://127.0.0.1:8080 SCF_ADMIN_USERNAME=... SCF_ADMIN_PASSWORD=... tsx scripts/fuzz-api/cast.ts
import { randomBytes } from 'node:crypto';
import { Api, type Schemas, type Session } from '../../platform-web/node-client/client.ts';

const required = (name: string) => process.env[name] ?? (() => { throw new Error(`set ${name}`); })();
const api = new Api(required('SCF_API_URL'), { retry: true });
const run = randomBytes(3).toString('hex').toUpperCase();
const password = `fuzz-${randomBytes(12).toString('hex')}`;

type Role = Schemas['CreateUserRequest']['role'];
async function enterprise(admin: Session, prefix: string, role: Schemas['CreateEnterpriseRequest']['role']) {
  const id = `FZ-${prefix}-${run}`;
  await admin.call((c) => c.POST('/api/v1/admin/enterprises', { body: { id, name: `Fuzz ${prefix} ${run}`, role } }));
  return id;
}
async function user(admin: Session, enterpriseId: string, role: Role, name: string) {
  const username = `fz-${name}-${run.toLowerCase()}`;
  await admin.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/users', {
    params: { path: { enterpriseId } }, body: { username, password, role } }));
  return `Authorization: Bearer ${(await api.login(username, password)).accessToken}`;
}
async function apiKey(admin: Session, enterpriseId: string) {
  // every scope a core enterprise's key may hold
  const scopes = ['payables:read', 'payables:write', 'tokens:read', 'kyc:read', 'kyc:write'];
  const key = await admin.call((c) => c.POST('/api/v1/admin/enterprises/{enterpriseId}/api-keys', {
    params: { path: { enterpriseId } }, body: { name: `fuzz ${run}`, scopes } }));
  return `X-API-Key: ${key.apiKey}`;
}

async function main() {
  const admin = await api.login(required('SCF_ADMIN_USERNAME'), required('SCF_ADMIN_PASSWORD'));
  const core = await enterprise(admin, 'CORE', 'CORE');
  const supplier = await enterprise(admin, 'SUPP', 'SUPPLIER');
  const bank = await enterprise(admin, 'BANK', 'BANK');
  const callers: [string, string][] = [
    ['platform-admin', `Authorization: Bearer ${admin.accessToken}`],
    ['core', await user(admin, core, 'CORE', 'core')],
    ['supplier', await user(admin, supplier, 'SUPPLIER', 'supp')],
    ['bank-maker', await user(admin, bank, 'BANK', 'maker')],
    ['bank-checker', await user(admin, bank, 'BANK', 'checker')],
    ['auditor', await user(admin, 'PLATFORM', 'AUDITOR', 'audit')],
    ['api-key', await apiKey(admin, core)],
  ];
  for (const [name, header] of callers) console.log(`${name}\t${header}`);
}

main().catch((e: Error) => {
  process.stderr.write(`fuzz cast: ${e.message}\n`);
  process.exit(1);
});
