type Fetch = (input: Request) => Promise<Response>;
let current: Fetch | undefined;

/**
 * The typed client (src/api/client.ts) takes fetch when it is created, before any test runs: the setup puts this
 * switch in its place, and fakeApi() decides what it answers.
 */
export function installFetchSwitch(): void {
  const real = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    current && input instanceof Request ? current(input) : real(input, init)) as typeof fetch;
}

/** A stand-in for the API: answers each request from the handler, records what was asked. */
export function fakeApi(handler: (method: string, url: URL) => unknown) {
  const calls: string[] = [];
  current = async (input) => {
    const url = new URL(input.url);
    calls.push(`${input.method} ${url.pathname}${url.search}`);
    return new Response(JSON.stringify(handler(input.method, url)), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return { calls };
}
