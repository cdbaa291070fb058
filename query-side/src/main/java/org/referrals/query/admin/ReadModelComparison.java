package org.referrals.query.admin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bson.Document;
import org.referrals.query.admin.VerificationReport.CollectionReport;
import org.referrals.query.admin.VerificationReport.Difference;
import org.referrals.query.common.IdRange;
import org.referrals.query.common.Projections;

/**
 * Compares a live collection with its rebuilt copy, both read in {@code _id} order and walked side by side (neither
 * is held whole). A live document changed by an event after the verified position has "moved on" and is no
 * difference: a versioned document with a higher version, or one last changed after the last verified event.
 * Lists of ids (the indexes) are compared as sets: segments of a processor file ids in their own order.
 */
final class ReadModelComparison {

    static final int EXAMPLES = 20;
    private static final Comparator<Object> ID_ORDER = Comparator.comparing((Object id) -> id instanceof Number ? 0 : 1)
            .thenComparing((a, b) -> a instanceof Number x && b instanceof Number y ? Long.compare(x.longValue(), y.longValue())
                    : a.toString().compareTo(b.toString()));

    private final Instant lastEvent;
    private final long lastPosition;

    /** @param lastEvent the time of the last event verified; {@code lastPosition} its position */
    ReadModelComparison(Instant lastEvent, long lastPosition) {
        this.lastEvent = lastEvent;
        this.lastPosition = lastPosition;
    }

    /** One collection's documents compared: all differences found. */
    record Compared(String name, long compared, long movedOn, List<Difference> differences) {

        CollectionReport report() {
            return new CollectionReport(name, compared, movedOn, null, differences.size(),
                                        differences.subList(0, Math.min(EXAMPLES, differences.size())));
        }
    }

    /** The documents that differ, with how; and the counts. */
    Compared compare(String name, MongoCollection<Document> live, MongoCollection<Document> rebuilt) {
        long compared = 0;
        long movedOn = 0;
        List<Difference> differences = new ArrayList<>();
        try (MongoCursor<Document> liveDocuments = inIdOrder(live); MongoCursor<Document> rebuiltDocuments = inIdOrder(rebuilt)) {
            Document l = next(liveDocuments);
            Document r = next(rebuiltDocuments);
            while (l != null || r != null) {
                compared++;
                int order = l == null ? 1 : r == null ? -1 : ID_ORDER.compare(l.get("_id"), r.get("_id"));
                if (order < 0) {
                    if (changedLater(l)) {
                        movedOn++;
                    } else {
                        differences.add(new Difference(l.get("_id").toString(), "EXTRA", List.of()));
                    }
                    l = next(liveDocuments);
                } else if (order > 0) {
                    differences.add(new Difference(r.get("_id").toString(), "MISSING", List.of()));
                    r = next(rebuiltDocuments);
                } else {
                    List<String> fields = differingFields(l, r);
                    if (!fields.isEmpty()) {
                        if (movedOnFrom(l, r)) {
                            movedOn++;
                        } else {
                            differences.add(new Difference(l.get("_id").toString(), "DIFFERENT", fields));
                        }
                    }
                    l = next(liveDocuments);
                    r = next(rebuiltDocuments);
                }
            }
        }
        return new Compared(name, compared, movedOn, differences);
    }

    private static MongoCursor<Document> inIdOrder(MongoCollection<Document> collection) {
        return collection.find().sort(IdRange.ORDER).limit(IdRange.ALL).batchSize(1000).iterator();
    }

    private static Document next(MongoCursor<Document> documents) {
        return documents.hasNext() ? documents.next() : null;
    }

    /** The top-level fields whose values differ (lists of ids as sets). */
    static List<String> differingFields(Document live, Document rebuilt) {
        Set<String> names = new LinkedHashSet<>(live.keySet());
        names.addAll(rebuilt.keySet());
        List<String> differing = new ArrayList<>();
        for (String name : names) {
            Object a = live.get(name);
            Object b = rebuilt.get(name);
            boolean same = "ids".equals(name) && a instanceof List<?> x && b instanceof List<?> y
                    ? new HashSet<>(x).equals(new HashSet<>(y)) && x.size() == y.size()
                    : Objects.equals(a, b);
            if (!same) {
                differing.add(name);
            }
        }
        return differing;
    }

    /** A live document whose version is past the rebuilt one's, or that changed after the last verified event. */
    private boolean movedOnFrom(Document live, Document rebuilt) {
        if (live.get(Projections.VERSION) instanceof Number liveVersion && rebuilt.get(Projections.VERSION) instanceof Number rebuiltVersion) {
            return liveVersion.longValue() > rebuiltVersion.longValue();
        }
        return changedLater(live);
    }

    /** Changed after the last verified event: by its {@code updatedAt}, or its position in the store ({@code seq}). */
    private boolean changedLater(Document live) {
        if (live.get(Projections.UPDATED_AT) instanceof Date updated) {
            return updated.toInstant().isAfter(lastEvent);
        }
        return live.get("seq") instanceof Number seq && seq.longValue() > lastPosition;
    }
}
