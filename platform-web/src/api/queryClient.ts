import { QueryClient } from '@tanstack/react-query';
import type { ApiError } from './problem';

declare module '@tanstack/react-query' {
  interface Register {
    // every query and mutation goes through call(), which throws nothing but ApiError
    defaultError: ApiError;
  }
}

/**
 * No automatic retries and no refetch on focus: a refused request is shown as the API answered it (the user retries
 * with the problem's Retry button), and a page does not change under the user's eyes.
 */
export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
