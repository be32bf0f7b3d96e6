package com.scfledger.platform.notification;

import java.util.List;

/**
 * One page of the caller's notifications, newest first.
 *
 * @param totalItems how many notifications the caller has in all
 * @param unread     how many of them the caller has not marked read (in all, not only on this page)
 */
record NotificationPage(List<Notification> items, int page, int size, long totalItems, long totalPages, long unread) {
}
