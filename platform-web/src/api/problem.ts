/** An RFC 9457 problem from the API (with the platform's stable `code`), or a failure to reach it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: { field?: string; pointer?: string; message?: string; detail?: string; [k: string]: unknown }[];
  transactionId?: string;
  transaction?: string;
  source?: string;
  retryAfter?: string | null;
  requestId?: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem.code;
  }
}

/** Builds an ApiError from a response and its parsed body (a problem, or anything else the server sent). */
export function toApiError(response: Response, body: unknown): ApiError {
  const problem: Problem =
    body && typeof body === 'object'
      ? { ...(body as Problem) }
      : { title: response.statusText || `HTTP ${response.status}`, detail: typeof body === 'string' && body ? body.slice(0, 500) : undefined };
  if (problem.status === undefined) problem.status = response.status;
  const retry = response.headers.get('Retry-After');
  if (retry) problem.retryAfter = retry;
  // the id the API logged this request under, for whoever reports the problem
  const requestId = response.headers.get('X-Request-Id');
  if (requestId && problem.requestId === undefined) problem.requestId = requestId;
  return new ApiError(response.status, problem);
}

/** A network failure (API down, connection refused) as a problem, so it is shown like any other. */
export function networkError(cause: unknown): ApiError {
  return new ApiError(0, {
    title: 'Network error',
    code: 'NETWORK_ERROR',
    detail: cause instanceof Error ? cause.message : String(cause),
  });
}

/** Any failure as a problem to show: an ApiError as it is, anything else (a network failure) wrapped. */
export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return networkError(e);
}
