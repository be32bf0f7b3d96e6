// A system that holds its own ledger key (SELF custody): the key lives in a SoftHSM2 token of its own under the run
// directory, and every ledger write goes through the command-line signing client (signing-client/), which signs
// the proposal and the transaction the API prepares. The platform never sees the key.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where Debian's softhsm2 package puts its PKCS#11 module (SCF_PKCS11_LIBRARY overrides). */
export const SOFTHSM_LIBRARY = process.env.SCF_PKCS11_LIBRARY || '/usr/lib/softhsm/libsofthsm2.so';
/** The demo tokens' user PIN (printed in the demo logins) and security officer PIN. */
export const HSM_PIN = process.env.SCF_DEMO_HSM_PIN || '4321';
const SO_PIN = process.env.SCF_DEMO_HSM_SO_PIN || '87654321';
/** The key's alias in the token. */
export const KEY_ALIAS = 'ledger';

export interface CliResult {
  /** the HTTP status of the write's final answer (or of the enrollment), 0 when the client failed before one */
  status: number;
  /** the final answer's JSON, or null */
  body: Record<string, unknown> | null;
  /** everything the client printed: each HTTP step, the signatures and the time spent signing */
  output: string;
}

/** One enterprise's token and the API key its system calls the API with. */
export class HsmSigner {
  readonly dir: string;
  readonly conf: string;

  constructor(readonly enterpriseId: string, root: string, private readonly jar: string, private readonly apiUrl: string) {
    this.dir = join(root, enterpriseId);
    this.conf = join(this.dir, 'softhsm2.conf');
  }

  /** Creates the token (once) and the key in it (keygen keeps a key that is there). */
  prepare(): string {
    if (!existsSync(SOFTHSM_LIBRARY)) {
      throw new Error(`SoftHSM2 is not installed (${SOFTHSM_LIBRARY} is missing): apt-get install softhsm2`);
    }
    if (!existsSync(this.jar)) {
      throw new Error(`the signing client ${this.jar} is not built: mvn -pl signing-client package -DskipTests`);
    }
    const tokens = join(this.dir, 'tokens');
    mkdirSync(tokens, { recursive: true, mode: 0o700 });
    writeFileSync(this.conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
    if (readdirSync(tokens).length === 0) {
      run('softhsm2-util', ['--init-token', '--free', '--label', this.enterpriseId.toLowerCase(), '--pin', HSM_PIN,
        '--so-pin', SO_PIN], this.conf);
    }
    return this.cli([], ['keygen']).output.trim();
  }

  get apiKeyFile() {
    return join(this.dir, 'api-key');
  }

  get apiKey(): string | null {
    return existsSync(this.apiKeyFile) ? readFileSync(this.apiKeyFile, 'utf8').trim() : null;
  }

  set apiKey(key: string) {
    writeFileSync(this.apiKeyFile, key + '\n', { mode: 0o600 });
  }

  /** Forgets the API key and the certificate id (of another database); the token and its key stay. */
  forgetEnrollment() {
    rmSync(this.apiKeyFile, { force: true });
    rmSync(join(this.dir, 'certificate-id'), { force: true });
  }

  /** The certificate id of the enrolled key, once enrolled through this token. */
  get certificateId(): string | null {
    const file = join(this.dir, 'certificate-id');
    return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
  }

  enroll(enrollmentId: string): CliResult {
    const r = this.cli(this.credentials(), ['enroll', enrollmentId]);
    if (r.status === 201) writeFileSync(join(this.dir, 'certificate-id'), `${String(r.body?.certificateId)}\n`);
    return r;
  }

  /** A write signed with the token's key; the Idempotency-Key makes a rerun answer from the first. */
  write(idempotencyKey: string, args: string[]): CliResult {
    return this.cli([...this.credentials(), '--idempotency-key', idempotencyKey], args);
  }

  /** The command a person runs to act as this enterprise (shown in the demo logins). */
  commandLine(relativeTo: (path: string) => string): string {
    return `SOFTHSM2_CONF=${relativeTo(this.conf)} java -jar ${relativeTo(this.jar)} --api ${this.apiUrl}`
      + ` --api-key "$(cat ${relativeTo(this.apiKeyFile)})" --pkcs11-library ${SOFTHSM_LIBRARY} --pin ${HSM_PIN}`
      + ` --alias ${KEY_ALIAS}`;
  }

  private credentials() {
    const key = this.apiKey;
    if (!key) throw new Error(`${this.enterpriseId} has no API key for its signing client yet`);
    return ['--api-key', key];
  }

  private cli(options: string[], command: string[]): CliResult {
    const output = run('java', ['-jar', this.jar, '--api', this.apiUrl, '--pkcs11-library', SOFTHSM_LIBRARY,
      '--pin', HSM_PIN, '--alias', KEY_ALIAS, ...options, ...command], this.conf, true);
    // the client prints its steps, then "<status> <body>" of the final answer on the last line
    const last = output.trimEnd().split('\n').pop() ?? '';
    const m = /^(\d{3}) (.*)$/s.exec(last);
    let body: Record<string, unknown> | null = null;
    try {
      body = m ? JSON.parse(m[2]!) as Record<string, unknown> : null;
    } catch {
      body = null;
    }
    return { status: m ? Number(m[1]) : 0, body, output };
  }
}

function run(command: string, args: string[], softhsmConf: string, allowFailure = false): string {
  const r = spawnSync(command, args, { env: { ...process.env, SOFTHSM2_CONF: softhsmConf }, encoding: 'utf8',
    timeout: 180_000 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.error) throw new Error(`${command} could not run: ${r.error.message}`);
  if (r.status !== 0 && !(allowFailure && r.status === 1)) {
    throw new Error(`${command} ${args.filter((a) => !a.startsWith('scf_')).join(' ')} failed (exit ${r.status}):\n${output}`);
  }
  return output;
}
