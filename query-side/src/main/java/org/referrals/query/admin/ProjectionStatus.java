package org.referrals.query.admin;

/**
 * One event processor as {@code GET /api/admin/projections} shows it.
 *
 * @param segments          segments in the token store
 * @param unclaimedSegments of those, the ones this node does not process now: another node's, or a stopped
 *                          process's until its claim expires (10 s after a crash); their position is the stored one
 * @param position          the lowest position its segments reached in the event stream (null before the first event)
 * @param lag               events in the store beyond that position
 * @param rebuildProgress   percent of a running rebuild done, null when not rebuilding
 */
public record ProjectionStatus(String name, boolean running, boolean error, int segments, int unclaimedSegments, Long position, Long lag,
                               boolean rebuilding, Integer rebuildProgress) {
}
