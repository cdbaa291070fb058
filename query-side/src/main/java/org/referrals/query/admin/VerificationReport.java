package org.referrals.query.admin;

import java.time.Instant;
import java.util.List;

/**
 * What {@code POST /api/admin/projections/verify} found: the read models rebuilt from the events up to
 * {@code upToPosition} into a scratch database, compared document by document with the live ones.
 *
 * @param state        RUNNING, DONE or FAILED
 * @param progress     percent of the events up to {@code upToPosition} replayed into the scratch database
 * @param consistent   when DONE: whether no collection differs; null before
 * @param collections  per read model, what the comparison found
 * @param error        when FAILED, why (no document content)
 */
public record VerificationReport(String id, String state, Instant startedAt, Instant finishedAt, long upToPosition,
                                 long eventsReplayed, int progress, Boolean consistent, List<CollectionReport> collections,
                                 String error) {

    /**
     * One read model's comparison.
     *
     * @param compared    documents present on either side
     * @param movedOn     live documents changed by events after {@code upToPosition} (not differences)
     * @param notCompared why this collection was left out (its documents carry no version and events arrived during
     *                    the verification), else null
     * @param differences how many documents differ
     * @param examples    the first of them (ids and field names only)
     */
    public record CollectionReport(String name, long compared, long movedOn, String notCompared, long differences,
                                   List<Difference> examples) {
    }

    /**
     * A document that is not what the events make of it.
     *
     * @param kind   MISSING (the events make it, the live read model lacks it), EXTRA (the other way round) or
     *               DIFFERENT
     * @param fields for DIFFERENT, the top-level fields that differ
     */
    public record Difference(String id, String kind, List<String> fields) {
    }
}
