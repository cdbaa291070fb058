package org.referrals.query.referral;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.query.common.IdRange;
import org.referrals.query.common.Projections;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Collection {@code referral_listing}: the order of the referral lists, newest change first, kept as entries whose
 * {@code _id} sorts in that order, so that a page reads its first entries by an {@code _id} range (which the embedded
 * MongoDB-wire server reads in order from its index) and then only those referrals. A page's cost follows the page,
 * not the partner's history: before, the inbox read every referral the partner ever received and sorted them.
 * <ul>
 *   <li>{@code to:<partner>|<when>|<referral>}, {@code from:<partner>|…} and {@code all|…}: {@code <when>} is the
 *       referral's last change, 13 digits that get smaller as time goes on, so the newest comes first;</li>
 *   <li>{@code open:<partner>|<respondBy>|<referral>} while a referral waits for that partner's answer: the
 *       caseload's overdue count reads those whose respondBy has passed.</li>
 * </ul>
 * Entries are rewritten in each batch of the referrals projection, from the referral as it then stands
 * ({@link ReferralChanges}), and the referral names its entries ({@code listed}) so that the old ones are removed.
 * MongoDB has no transaction here and the embedded server's file may keep any one write without an earlier one, so a
 * relisting keeps one rule through any crash: {@code listed} names at least every entry there is.
 * <ol>
 *   <li>before the batch's token: {@code listed} is set to the old entries and the new ones, and {@code
 *       listingUnfinished}, made durable; then the new entries are written (all of them: a crash may have kept a name
 *       without its entry) and the old deleted;</li>
 *   <li>after the batch (its token's save made the entries durable): {@code listed} is set to the new entries, and
 *       {@code listingUnfinished} removed.</li>
 * </ol>
 * A referral whose {@code listed} is not its entries or is unfinished (a crash between the two, or data older than
 * the listing) is
 * relisted by the start's scan, or by its next change. While that scan runs beside the processors, every relisting
 * reads the referral again and takes its turn. A read checks each entry against its referral (same last change, and
 * the request still open), so an entry not yet removed is skipped.
 */
@Component
public class ReferralListing {

    public static final String COLLECTION = "referral_listing";
    static final String LISTED = "listed";
    /** Set while a relisting has named its entries but may not have written them all yet. */
    static final String UNFINISHED = "listingUnfinished";
    static final String ALL = "all";
    private static final String OPEN = "open:";
    private static final long LATEST = 9_999_999_999_999L;
    private static final int LARGEST_CHUNK = 1000;
    /** What {@link #entriesOf} and a relisting read of a referral. */
    static final Bson AS_LISTED = com.mongodb.client.model.Projections.include(
            "fromPartnerId", "toPartnerId", "status", "respondBy", Projections.UPDATED_AT, LISTED, UNFINISHED);

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> referrals;
    private final ReentrantLock relisting = new ReentrantLock();
    private volatile boolean alone;

    /** Without a start scan (tests, the verification's copy). */
    public static ReferralListing alone(MongoDatabase mongoDatabase) {
        ReferralListing listing = new ReferralListing(mongoDatabase);
        listing.alone = true;
        return listing;
    }

    /** The application's: not {@link #alone()} until {@link ReferralChanges}' start scan is over. */
    @Autowired
    public ReferralListing(MongoDatabase mongoDatabase) {
        this.entries = mongoDatabase.getCollection(COLLECTION);
        this.referrals = mongoDatabase.getCollection(ReferralProjection.COLLECTION);
    }

    /** The entries a referral as it now stands belongs under. */
    static List<String> entriesOf(Document referral) {
        String id = referral.getString("_id");
        String when = when(referral.getDate(Projections.UPDATED_AT));
        List<String> all = new ArrayList<>(4);
        all.add(ReferralIndex.inbound(referral.getString("toPartnerId")) + "|" + when + "|" + id);
        all.add(ReferralIndex.outbound(referral.getString("fromPartnerId")) + "|" + when + "|" + id);
        all.add(ALL + "|" + when + "|" + id);
        if (open(referral)) {
            all.add(OPEN + referral.getString("toPartnerId") + "|" + digits(referral.getDate("respondBy").getTime()) + "|" + id);
        }
        return all;
    }

    /**
     * Whether a referral read now can be relisted as read: true once no start scan relists beside the processors
     * (always, without a scan). Asked before reading, as the scan may relist a referral between a read and its
     * relisting.
     */
    public boolean alone() {
        return alone;
    }

    /** The start's scan is over: from now on only each referral's processor relists it. */
    void scanFinished() {
        alone = true;
    }

    /**
     * Writes the entries of these referrals as they now stand, before their batch's token ({@code readAlone} is
     * {@link #alone()} as it was before they were read: if not, the start's scan may have relisted some since, so
     * they are read again, one relisting at a time). {@link Relisting#finish()} once the batch is durable.
     */
    public Relisting begin(Collection<Document> changed, boolean readAlone) {
        if (readAlone) {
            return beginAsRead(changed);
        }
        relisting.lock();
        try {
            return beginAsRead(stored(changed.stream().map(referral -> referral.getString("_id")).toList()));
        } finally {
            relisting.unlock();
        }
    }

    /**
     * Relists these referrals as they are stored now, outside a batch (the start's scan, and changes outside a unit
     * of work), one relisting at a time.
     */
    void relistAsStored(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        relisting.lock();
        try {
            finishNow(beginAsRead(stored(ids)));
        } finally {
            relisting.unlock();
        }
    }

    /** Step 2 at once, outside a batch. */
    public void finishNow(Relisting begun) {
        begun.finish();
    }

    /** Step 1 for referrals as read: names the new entries beside the old, durably, then writes them. */
    private Relisting beginAsRead(Collection<Document> changed) {
        List<WriteModel<Document>> naming = new ArrayList<>();
        List<WriteModel<Document>> entryWrites = new ArrayList<>();
        List<WriteModel<Document>> finishing = new ArrayList<>();
        for (Document referral : changed) {
            List<String> wanted = entriesOf(referral);
            List<String> listed = referral.getList(LISTED, String.class, List.of());
            boolean unfinished = referral.getBoolean(UNFINISHED, false);
            if (wanted.equals(listed) && !unfinished) {
                continue;
            }
            Bson byId = Filters.eq("_id", referral.getString("_id"));
            if (!listed.containsAll(wanted) || !unfinished) {
                LinkedHashSet<String> both = new LinkedHashSet<>(listed);
                both.addAll(wanted);
                naming.add(new UpdateOneModel<>(byId, Updates.combine(Updates.set(LISTED, new ArrayList<>(both)),
                                                                      Updates.set(UNFINISHED, true))));
            }
            wanted.forEach(entry -> entryWrites.add(new ReplaceOneModel<>(Filters.eq("_id", entry), new Document("_id", entry),
                                                                          new ReplaceOptions().upsert(true))));
            listed.stream().filter(entry -> !wanted.contains(entry))
                  .forEach(entry -> entryWrites.add(new DeleteOneModel<>(Filters.eq("_id", entry))));
            finishing.add(new UpdateOneModel<>(byId, Updates.combine(Updates.set(LISTED, wanted), Updates.unset(UNFINISHED))));
        }
        if (!naming.isEmpty()) {
            // named before they exist: a crash may then keep a name without its entry, never the reverse,
            // which the next relisting could not find (found by the kill -9 harness)
            referrals.bulkWrite(naming, new BulkWriteOptions().ordered(false));
        }
        if (!entryWrites.isEmpty()) {
            entries.bulkWrite(entryWrites, new BulkWriteOptions().ordered(false));
        }
        return new Relisting(referrals, finishing);
    }

    private List<Document> stored(Collection<String> ids) {
        return referrals.find(Filters.in("_id", ids)).projection(AS_LISTED).into(new ArrayList<>(ids.size()));
    }

    /** A relisting whose entries are written: step 2, {@code listed} narrowed to the new entries. */
    public record Relisting(MongoCollection<Document> referrals, List<WriteModel<Document>> finishing) {

        /** Only once the entries are durable: else a crash could keep the narrower {@code listed} without them. */
        public void finish() {
            if (!finishing.isEmpty()) {
                referrals.bulkWrite(finishing, new BulkWriteOptions().ordered(false));
            }
        }
    }

    /** Whether the referral's entries may not be those it should have (a crash in a relisting, or older data). */
    static boolean stale(Document referral) {
        return referral.getBoolean(UNFINISHED, false) || !entriesOf(referral).equals(referral.getList(LISTED, String.class, List.of()));
    }

    /**
     * The referrals of those lists ("to:p", "from:p" or "all") that match the filter, newest change first (then by
     * id), from the {@code skip}-th, at most {@code size}.
     */
    public List<Document> page(List<String> lists, Bson filter, int skip, int size) {
        int wanted = skip + size;
        List<Listed> found = new ArrayList<>();
        for (String list : lists) {
            found.addAll(first(list, filter, wanted));
        }
        Map<String, Document> unique = new LinkedHashMap<>();
        found.stream().sorted(Comparator.comparing(Listed::order))
             .forEach(listed -> unique.putIfAbsent(listed.referral().getString("_id"), listed.referral()));
        List<Document> ordered = new ArrayList<>(unique.values());
        return ordered.subList(Math.min(skip, ordered.size()), Math.min(wanted, ordered.size()));
    }

    /** The partner's unanswered requests whose respondBy is before that moment. */
    public long overdue(String partnerId, Instant now) {
        String prefix = OPEN + partnerId + "|";
        List<String> ids = entries.find(IdRange.of(prefix, prefix + digits(now.toEpochMilli())))
                                  .sort(IdRange.ORDER).limit(IdRange.ALL)
                                  .map(entry -> referralIdOf(entry.getString("_id"))).into(new ArrayList<>());
        if (ids.isEmpty()) {
            return 0;
        }
        // counted from the documents found: countDocuments aggregates, which scans the collection on the embedded server
        return referrals.find(Filters.and(Filters.in("_id", ids), Filters.eq("status", ReferralStatus.REQUESTED.name()),
                                          Filters.lt("respondBy", Date.from(now))))
                        .projection(com.mongodb.client.model.Projections.include("_id")).into(new ArrayList<>()).size();
    }

    void drop() {
        entries.drop();
    }

    /** The first {@code wanted} referrals of one list that match the filter, read in chunks of entries. */
    private List<Listed> first(String list, Bson filter, int wanted) {
        List<Listed> found = new ArrayList<>(wanted);
        String after = null;
        int chunk = Math.max(32, 2 * wanted);
        while (found.size() < wanted) {
            // after the last entry read: its id with a character below any other appended
            Bson range = after == null ? IdRange.under(list) : IdRange.of(after + "\u0000", list + "}");
            List<String> ids = entries.find(range).sort(IdRange.ORDER).limit(chunk)
                                      .map(entry -> entry.getString("_id")).into(new ArrayList<>(chunk));
            if (ids.isEmpty()) {
                break;
            }
            Map<String, Document> byId = new HashMap<>();
            referrals.find(Filters.and(Filters.in("_id", new LinkedHashSet<>(ids.stream().map(ReferralListing::referralIdOf).toList())), filter))
                     .forEach(referral -> byId.put(referral.getString("_id"), referral));
            for (String entry : ids) {
                Document referral = byId.get(referralIdOf(entry));
                if (referral != null && Objects.equals(whenOf(entry), when(referral.getDate(Projections.UPDATED_AT)))) {
                    found.add(new Listed(entry.substring(list.length() + 1), referral));
                    if (found.size() == wanted) {
                        break;
                    }
                }
            }
            if (ids.size() < chunk) {
                break;
            }
            after = ids.get(ids.size() - 1);
            chunk = Math.min(LARGEST_CHUNK, 2 * chunk);
        }
        return found;
    }

    /** A referral found in a list, with its entry's {@code <when>|<referral>}, which orders lists among each other. */
    private record Listed(String order, Document referral) {
    }

    private static boolean open(Document referral) {
        return ReferralStatus.REQUESTED.name().equals(referral.getString("status")) && referral.getDate("respondBy") != null;
    }

    private static String when(Date changed) {
        return digits(LATEST - changed.getTime());
    }

    private static String digits(long value) {
        return String.format("%013d", value);
    }

    private static String referralIdOf(String entry) {
        return entry.substring(entry.lastIndexOf('|') + 1);
    }

    private static String whenOf(String entry) {
        int end = entry.lastIndexOf('|');
        return entry.substring(entry.lastIndexOf('|', end - 1) + 1, end);
    }
}
