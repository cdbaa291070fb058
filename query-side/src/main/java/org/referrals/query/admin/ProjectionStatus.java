package org.referrals.query.admin;

/**
 * One event processor as {@code GET /api/admin/projections} shows it.
 *
 * @param position        the lowest position its segments reached in the event stream (null before the first event)
 * @param lag             events in the store beyond that position
 * @param rebuildProgress percent of a running rebuild done, null when not rebuilding
 */
public record ProjectionStatus(String name, boolean running, boolean error, int segments, Long position, Long lag,
                               boolean rebuilding, Integer rebuildProgress) {
}
