/** The ledger settings (every signed-in user) and the business day they define; the zone is set by a platform admin. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { todayIn } from '../lib/dates';
import { api, call } from './client';
import { settingsKeys } from './keys';

/** The ledger's zone until it names one, and while the settings load. */
export const DEFAULT_BUSINESS_ZONE = 'UTC';

export function useLedgerSettings() {
  return useQuery({
    queryKey: settingsKeys.all,
    queryFn: () => call(api.GET('/api/v1/ledger-settings')),
    // changed rarely, by an admin; the admin's own change refreshes it at once
    staleTime: 5 * 60_000,
  });
}

export interface BusinessDay {
  /** the IANA zone of the business day, e.g. Asia/Shanghai */
  zone: string;
  /** today in that zone, as an ISO date: the ledger's "today" for maturity and settlement */
  today: string;
  /** false while the settings load (zone and today are UTC's until then) */
  known: boolean;
}

/** Today as the ledger sees it: the date in the business time zone of the ledger settings, not the browser's. */
export function useBusinessDay(): BusinessDay {
  const settings = useLedgerSettings();
  const zone = settings.data?.businessZone ?? DEFAULT_BUSINESS_ZONE;
  return { zone, today: todayIn(zone), known: settings.data != null || settings.isError };
}

/** Sets the business time zone on the ledger (SetBusinessZone). */
export function useSetBusinessZone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (businessZone: string) =>
      call(api.PUT('/api/v1/admin/ledger-settings/business-zone', { body: { businessZone } })),
    onSuccess: (settings) => client.setQueryData(settingsKeys.all, settings),
  });
}
