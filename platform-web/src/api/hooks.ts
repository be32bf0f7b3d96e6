import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from './problem';

export interface Query<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** the endpoint does not exist yet on this API */
  notAvailable: boolean;
  reload: () => void;
}

/** Loads data once per change of `deps`; errors are kept (never swallowed) for the page to show. */
export function useQuery<T>(load: () => Promise<T>, deps: unknown[], enabled = true): Query<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: enabled });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    if (!enabled) {
      setState({ loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ data: s.data, loading: true }));
    loadRef
      .current()
      .then((data) => live && setState({ data, loading: false }))
      .catch((e) => live && setState({ error: asApiError(e), loading: false }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick, enabled]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return {
    data: state.data,
    error: state.error,
    loading: state.loading,
    notAvailable: !!state.error?.endpointMissing,
    reload,
  };
}

/** Runs an action (a POST): busy while it runs, its error kept for display. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const run = useCallback(
    async (...args: A): Promise<T | undefined> => {
      setBusy(true);
      setError(undefined);
      try {
        return await action(...args);
      } catch (e) {
        setError(asApiError(e));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [action],
  );
  return { run, busy, error, clearError: () => setError(undefined) };
}
