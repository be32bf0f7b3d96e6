package com.scfledger.platform.web;

import java.util.List;

/**
 * One page of a list answer.
 *
 * @param items      this page's items
 * @param page       its number, from 0
 * @param size       the page size asked for
 * @param totalItems how many items match the filter in all
 * @param totalPages how many pages of {@code size} that makes
 */
public record PageResult<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

    public static <T> PageResult<T> of(List<T> items, int page, int size, long totalItems) {
        return new PageResult<>(items, page, size, totalItems, (totalItems + size - 1) / size);
    }
}
