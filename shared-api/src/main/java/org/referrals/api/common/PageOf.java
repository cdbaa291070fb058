package org.referrals.api.common;

import java.util.List;

/** One page of a list: {@code page} counts from 0; {@code total} is the number of items on all pages. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    /** Page {@code page} (from 0) of {@code size} items of a whole list already in order. */
    public static <T> PageOf<T> of(List<T> all, int page, int size) {
        int from = (int) Math.min(all.size(), (long) page * size);
        return new PageOf<>(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }
}
