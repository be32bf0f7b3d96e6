/** The caller's notifications (derived by the API from the read model) and the caller's read marks. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from './client';
import { notificationKeys } from './keys';
import type { NotificationPage } from './types';

/** How often the badge asks again while the page is open; a return to the tab asks at once. */
export const NOTIFICATION_POLL_MS = 30_000;

/** One page, newest first, with the caller's unread count (of all pages). The bell and the page share page 0. */
export function useNotifications(page = 0, size = 20, enabled = true) {
  return useQuery({
    queryKey: notificationKeys.page(page, size),
    queryFn: (): Promise<NotificationPage> => call(api.GET('/api/v1/notifications', { params: { query: { page, size } } })),
    enabled,
    placeholderData: keepPreviousData,
    refetchInterval: NOTIFICATION_POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (notificationId: string) =>
      call(api.POST('/api/v1/notifications/{notificationId}/read', { params: { path: { notificationId } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => client.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
