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
import org.bson.Document;
import org.bson.conversions.Bson;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.query.common.IdRange;
import org.referrals.query.common.Projections;
import org.referrals.query.common.StoreSync;
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
 * Entries are rewritten after each committed batch from the referral as it then stands ({@link ReferralChanges}),
 * and the referral remembers its entries ({@code listed}) so that the old ones are removed. A read checks each entry
 * against its referral (same last change, and the request still open), so an entry that a crash left behind is
 * skipped, and the start's scan of the referrals relists what is not as it should be.
 */
@Component
public class ReferralListing {

    public static final String COLLECTION = "referral_listing";
    static final String LISTED = "listed";
    static final String ALL = "all";
    private static final String OPEN = "open:";
    private static final long LATEST = 9_999_999_999_999L;
    private static final int LARGEST_CHUNK = 1000;

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> referrals;
    private final StoreSync sync;

    /** Without durability between the entries and the referrals' {@code listed} (tests, the verification's copy). */
    public ReferralListing(MongoDatabase mongoDatabase) {
        this(mongoDatabase, StoreSync.NOTHING);
    }

    @Autowired
    public ReferralListing(MongoDatabase mongoDatabase, StoreSync sync) {
        this.entries = mongoDatabase.getCollection(COLLECTION);
        this.referrals = mongoDatabase.getCollection(ReferralProjection.COLLECTION);
        this.sync = sync;
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
     * Moves the entries of these referrals (as they now stand) to where they belong; nothing for those already
     * there. The referral's {@code listed} is set only if it has not changed since it was read: a later change
     * relists it again.
     */
    public void relist(Collection<Document> changed) {
        List<WriteModel<Document>> entryWrites = new ArrayList<>();
        List<WriteModel<Document>> referralWrites = new ArrayList<>();
        for (Document referral : changed) {
            List<String> wanted = entriesOf(referral);
            List<String> listed = referral.getList(LISTED, String.class, List.of());
            if (wanted.equals(listed)) {
                continue;
            }
            wanted.stream().filter(entry -> !listed.contains(entry))
                  .forEach(entry -> entryWrites.add(new ReplaceOneModel<>(Filters.eq("_id", entry), new Document("_id", entry),
                                                                          new ReplaceOptions().upsert(true))));
            listed.stream().filter(entry -> !wanted.contains(entry))
                  .forEach(entry -> entryWrites.add(new DeleteOneModel<>(Filters.eq("_id", entry))));
            referralWrites.add(new UpdateOneModel<>(
                    Filters.and(Filters.eq("_id", referral.getString("_id")),
                                Filters.eq(Projections.UPDATED_AT, referral.getDate(Projections.UPDATED_AT))),
                    Updates.set(LISTED, wanted)));
        }
        if (!entryWrites.isEmpty()) {
            entries.bulkWrite(entryWrites, new BulkWriteOptions().ordered(false));
            // the entries durable before listed says so: else a crash could keep listed and lose a deletion, and
            // the start's scan would not see the entry left behind (found by the kill -9 harness)
            sync.persist();
        }
        if (!referralWrites.isEmpty()) {
            referrals.bulkWrite(referralWrites, new BulkWriteOptions().ordered(false));
        }
    }

    /**
     * The same for referrals read while their processor may be changing them (the start's scan): one that changed
     * since it was read kept its {@code listed}, but the entries written for the old reading are removed again, as
     * the processor's own relisting cannot know them (found by the kill -9 harness).
     */
    public void relistWhileProcessing(Collection<Document> read) {
        relist(read);
        Map<String, Document> byId = new HashMap<>();
        read.forEach(referral -> byId.put(referral.getString("_id"), referral));
        List<WriteModel<Document>> strays = new ArrayList<>();
        referrals.find(Filters.in("_id", byId.keySet()))
                 .projection(com.mongodb.client.model.Projections.include("toPartnerId", "fromPartnerId", "status", "respondBy",
                                                                          Projections.UPDATED_AT))
                 .forEach(current -> {
                     Document before = byId.get(current.getString("_id"));
                     if (!Objects.equals(current.getDate(Projections.UPDATED_AT), before.getDate(Projections.UPDATED_AT))) {
                         List<String> now = entriesOf(current);
                         entriesOf(before).stream().filter(entry -> !now.contains(entry))
                                          .forEach(entry -> strays.add(new DeleteOneModel<>(Filters.eq("_id", entry))));
                     }
                 });
        if (!strays.isEmpty()) {
            entries.bulkWrite(strays, new BulkWriteOptions().ordered(false));
        }
    }

    /** Whether the referral's entries are not those it should have (a crash between commit and relisting, or older data). */
    static boolean stale(Document referral) {
        return !entriesOf(referral).equals(referral.getList(LISTED, String.class, List.of()));
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
