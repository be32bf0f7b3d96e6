// The typed client of the platform's public REST API for Node: the demo seed and the end-to-end story both
// speak to the API through it. Paths, parameters, bodies and answers come from the generated OpenAPI types
// (src/api/schema.d.ts, `npm run gen:api`), so a renamed field or path fails the type check, not the run.
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { Problem } from '../src/api/problem';
import type { components, paths } from '../src/api/schema';

export type Schemas = components['schemas'];
export type ScfClient = Client<paths>;

/** The fields of a problem worth printing with its code, when the API sends them. */
const PROBLEM_CONTEXT = ['activationStep', 'resume', 'applicationStatus', 'transaction', 'transactionId'];

/** The API answered with a problem (or something else than the data asked for). */
export class ApiError extends Error {
  readonly code: string | undefined;
  readonly problem: Problem;

  constructor(readonly request: string, readonly status: number, body: unknown) {
    const problem: Problem = body && typeof body === 'object' ? (body as Problem) : {};
    const detail = problem.detail ?? problem.title ?? (typeof body === 'string' ? body.slice(0, 300) : '');
    const fields = problem.errors?.length ? ` (${problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ')})` : '';
    const context = PROBLEM_CONTEXT.filter((k) => problem[k]).map((k) => `${k}=${String(problem[k])}`).join(', ');
    super(`${request} answered ${status}${problem.code ? ` ${problem.code}` : ''}: ${detail}${fields}${context ? ` [${context}]` : ''}`);
    this.code = problem.code;
    this.problem = problem;
  }

  /** Is this the answer named by a problem code or an HTTP status? */
  is(codeOrStatus: string | number): boolean {
    return codeOrStatus === this.status || codeOrStatus === this.code;
  }
}

/**
 * Problem codes after which the same request may be sent again: the ledger, a peer or the database was away or
 * busy, or a concurrent request held the same key. Safe because every write the clients send carries an
 * idempotency key or is idempotent by itself (a write that did commit is then answered with its original result).
 */
const RETRYABLE = new Set(['MVCC_READ_CONFLICT', 'IDEMPOTENCY_KEY_IN_FLIGHT', 'CONCURRENT_UPDATE', 'LEDGER_BUSY',
  'PEER_UNAVAILABLE', 'ORDERER_UNAVAILABLE', 'LEDGER_TIMEOUT', 'LEDGER_NOT_READY', 'CA_UNAVAILABLE',
  'COMMIT_STATUS_UNKNOWN', 'LEDGER_SUBMIT_FAILED', 'COMMIT_STATUS_FAILED', 'LEDGER_ERROR', 'DATABASE_UNAVAILABLE',
  'RATE_LIMITED']);

export interface ApiOptions {
  /** Send again what the API marks retryable, and what did not reach it (default: fail at once). */
  retry?: boolean;
  /** Told before waiting longer than a few seconds on the API's Retry-After. */
  onWait?: (code: string, seconds: number) => void;
  /** How long one request may take (default 120 s: a ledger write waits for its block). */
  timeoutMs?: number;
}

type Answer<T> = { data?: T; error?: unknown; response: Response };
/** One request through the typed client, e.g. `(c) => c.GET('/api/v1/auth/me')`. */
type Call<T> = (client: ScfClient) => Promise<Answer<T>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The API at one base URL: anonymous calls, and sessions of the users who log in. */
export class Api {
  readonly baseUrl: string;
  private readonly anonymous: Session;

  constructor(baseUrl: string, private readonly options: ApiOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.anonymous = this.session(undefined);
  }

  /** Logs a user in; the session's calls carry the user's bearer token. */
  async login(username: string, password: string): Promise<Session> {
    const answer = await this.call((c) => c.POST('/api/v1/auth/login', { body: { username, password } }));
    if (!answer.accessToken) throw new Error(`POST /api/v1/auth/login for ${username} answered without an access token`);
    return this.session(answer.accessToken);
  }

  /** An anonymous call: its data, or an ApiError. */
  call<T>(request: Call<T>): Promise<T> {
    return this.anonymous.call(request);
  }

  session(accessToken: string | undefined): Session {
    const client = createClient<paths>({
      baseUrl: this.baseUrl,
      headers: { Accept: 'application/json', ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}) },
      fetch: (request: Request) =>
        fetch(new Request(request, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 120_000) })),
    });
    client.use(rememberRequests);
    return new Session(this, client, accessToken, this.options);
  }
}

/** One user's calls (or anonymous ones). */
export class Session {
  constructor(
    readonly api: Api,
    readonly client: ScfClient,
    readonly accessToken: string | undefined,
    private readonly options: ApiOptions,
  ) {}

  /** Sends the request; its data, or an ApiError with the API's problem. Retries as the options say. */
  async call<T>(request: Call<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let answer: Answer<T>;
      try {
        answer = await request(this.client);
      } catch (e) {
        if (this.options.retry && attempt < 5) {
          await sleep(2000);
          continue;
        }
        const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
        throw new Error(`the API at ${this.api.baseUrl} cannot be reached (${cause})`);
      }
      const { response } = answer;
      if (response.ok) return answer.data as T;
      const error = new ApiError(describe(response), response.status, answer.error);
      if (!this.options.retry || !error.code || !RETRYABLE.has(error.code)) throw error;
      if (attempt >= (error.code === 'RATE_LIMITED' ? 3 : 8)) throw error;
      const seconds = Math.min(Number(response.headers.get('retry-after')) || 1, 300);
      if (seconds > 5) this.options.onWait?.(error.code, seconds);
      await sleep(seconds * 1000);
    }
  }

  /** Like call, but the named problems (codes or statuses) are answers too: returned, not thrown. */
  async attempt<T>(request: Call<T>, expected: (string | number)[]): Promise<T | ApiError> {
    try {
      return await this.call(request);
    } catch (e) {
      if (e instanceof ApiError && expected.some((x) => e.is(x))) return e;
      throw e;
    }
  }
}

// The method and path of the request behind a response, for messages (a Response knows only its URL).
const requests = new WeakMap<Response, string>();
const rememberRequests: Middleware = {
  onResponse({ request, response }) {
    requests.set(response, `${request.method} ${new URL(request.url).pathname}`);
  },
};
const describe = (response: Response) => requests.get(response) ?? new URL(response.url).pathname;

/** A file for a multipart upload endpoint (`file` part); its other fields go in the query, as the API documents. */
export function multipartFile(file: { name: string; type: string; bytes: Uint8Array | string }) {
  return {
    // the generated type of a binary part is a string: the name stands for the file the serializer sends
    body: { file: file.name },
    bodySerializer: () => {
      const form = new FormData();
      form.append('file', new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)], { type: file.type }), file.name);
      return form;
    },
  };
}
