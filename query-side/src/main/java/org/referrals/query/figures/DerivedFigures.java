package org.referrals.query.figures;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.referrals.api.partner.Caseload;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.referral.ReferralStatus;
import org.referrals.query.common.Figures;
import org.referrals.query.common.IdRange;
import org.referrals.query.partner.PartnerQueryController;
import org.referrals.query.referral.ReferralIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.referrals.api.common.DaemonThreads;

/**
 * The collections derived from the referral and partner read models: {@code caseloads} (one per partner),
 * {@code network_nodes}, the referral flows of {@code network_edges}, and {@code stats} (counts per day, category
 * and receiving partner) with its sums per month ({@code stats_months}, and {@code stats_network_months} without the
 * partner, and {@code stats_network_totals} over all time), so that statistics read a few cells per month instead of every day's. The referrals each one depends on are found through the {@link ReferralIndex}, by
 * {@code _id}, never by scanning the referrals. After each committed batch the projections mark what changed; a single background
 * refresher recomputes the marked documents from the read models every 200 ms (less often when a round is long), so many changes to one partner
 * cost one recomputation. Each derived document is a function of the read models only, so recomputing is always
 * safe; at start everything is marked once, which also repairs what a crash may have left unmarked.
 */
@Component
public class DerivedFigures implements DisposableBean {

    static final String CASELOADS = "caseloads";
    static final String NODES = "network_nodes";
    static final String EDGES = "network_edges";
    public static final String STATS = "stats";
    /** {@code stats} summed per month, category and receiving partner. */
    public static final String STATS_MONTHS = "stats_months";
    /** {@code stats_months} summed per month and category (the whole network). */
    public static final String STATS_NETWORK_MONTHS = "stats_network_months";
    /**
     * {@code stats_network_months} summed per category over all time (a document per category): statistics without
     * a period read these few instead of summing every month of the network per request.
     */
    public static final String STATS_NETWORK_TOTALS = "stats_network_totals";
    private static final String FLOW = "flow";
    private static final Logger log = LoggerFactory.getLogger(DerivedFigures.class);
    private static final long PAUSE_MILLIS = 200;
    /** The longest pause between rounds: after a start's rebuild every partner is marked, and rounds are long. */
    private static final long LONGEST_PAUSE_MILLIS = 1_000;

    private final MongoDatabase mongo;
    private final ReferralIndex index;
    private final Clock clock;
    private final Set<String> partners = ConcurrentHashMap.newKeySet();
    private final Set<List<String>> flows = ConcurrentHashMap.newKeySet();
    private final Set<List<String>> buckets = ConcurrentHashMap.newKeySet();
    private final Set<List<String>> months = ConcurrentHashMap.newKeySet();
    private final Set<List<String>> networkMonths = ConcurrentHashMap.newKeySet();
    private final Set<String> totals = ConcurrentHashMap.newKeySet();
    /** The network changed other than through the marks (an agreement): the next round moves its version. */
    private final java.util.concurrent.atomic.AtomicBoolean networkChanged = new java.util.concurrent.atomic.AtomicBoolean();
    private final ScheduledExecutorService refresher = DaemonThreads.single("derived-figures");
    /** A round is running (its marks already taken from the sets). */
    private final java.util.concurrent.atomic.AtomicBoolean inRound = new java.util.concurrent.atomic.AtomicBoolean();

    public DerivedFigures(MongoDatabase mongoDatabase, ReferralIndex index, Clock clock) {
        this.mongo = mongoDatabase;
        this.index = index;
        this.clock = clock;
        mongo.getCollection(STATS).createIndex(com.mongodb.client.model.Indexes.ascending("day"));
        refresher.schedule(this::refreshAndReschedule, PAUSE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Rounds follow each other with a pause of 200 ms, or twice the last round's time if longer, up to a second:
     * during a catch-up every partner changes in every round, and a round reads all their referrals, so back-to-back
     * rounds would take a whole core from the projections they follow; but after a start's rebuild, a pause of
     * twice a minute-long round kept the application from being ready for minutes (51,403 events: 6 minutes).
     */
    private void refreshAndReschedule() {
        long started = System.nanoTime();
        inRound.set(true);
        try {
            refresh();
        } finally {
            inRound.set(false);
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            try {
                refresher.schedule(this::refreshAndReschedule, Math.min(LONGEST_PAUSE_MILLIS, Math.max(PAUSE_MILLIS, 2 * tookMillis)),
                                   TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException shutDown) {
                // the context is closing
            }
        }
    }

    /** The id of a flow document of {@code network_edges}. */
    public static String flowId(String from, String to) {
        return FLOW + ":" + from + "|" + to;
    }

    /** After the current batch commits (at once outside one): a referral as it now stands has changed. */
    public void referralChanged(Document referral) {
        String to = referral.getString("toPartnerId");
        String from = referral.getString("fromPartnerId");
        partners.add(to);
        partners.add(from);
        flows.add(List.of(from, to));
        buckets.add(List.of(ReferralIndex.day(referral.getDate("createdAt").toInstant()), referral.getString("serviceCategory"), to));
    }

    /** A partner's directory entry changed (name, services, suspension): its network node follows. */
    public void partnerChanged(String partnerId) {
        afterCommit(() -> partners.add(partnerId));
    }

    /** An agreement was written to (or removed from) {@code network_edges}: readers of the map are told. */
    public void agreementsChanged() {
        afterCommit(() -> networkChanged.set(true));
    }

    private static void afterCommit(Runnable mark) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(committed -> mark.run());
        } else {
            mark.run();
        }
    }

    /**
     * At start every partner is marked once (the referrals are marked by {@code ReferralChanges}' start scan), and the
     * all-time sums of every category with months: a data directory older than those sums gets them in the first round.
     */
    @EventListener(ContextRefreshedEvent.class)
    public void markEverything() {
        refresher.execute(() -> {
            mongo.getCollection("partners").find().projection(Projections.include("_id")).batchSize(1000)
                 .forEach(p -> partners.add(p.getString("_id")));
            mongo.getCollection(STATS_NETWORK_MONTHS).find().projection(Projections.include("category")).batchSize(1000)
                 .forEach(cell -> totals.add(cell.getString("category")));
        });
    }

    /**
     * Whether every change marked so far has been recomputed: no mark waits and no round runs. After the read models
     * are rebuilt at start, the figures follow in the rounds after: the application reports ready, and the
     * verification compares the figures, only once this holds.
     */
    public boolean settled() {
        return !inRound.get() && partners.isEmpty() && flows.isEmpty() && buckets.isEmpty() && months.isEmpty()
               && networkMonths.isEmpty() && totals.isEmpty() && !networkChanged.get();
    }

    /** Recomputes all that is marked; what fails (MongoDB unreachable) stays marked for the next round. */
    void refresh() {
        boolean network = networkChanged.getAndSet(false) | !partners.isEmpty() | !flows.isEmpty();
        refreshEach(partners, this::refreshPartner);
        refreshEach(flows, flow -> refreshFlow(flow.get(0), flow.get(1)));
        if (network) {
            moveNetworkVersion();
        }
        refreshEach(buckets, bucket -> refreshBucket(bucket.get(0), bucket.get(1), bucket.get(2)));
        refreshEach(months, month -> refreshMonth(month.get(0), month.get(1), month.get(2)));
        refreshEach(networkMonths, month -> refreshNetworkMonth(month.get(0), month.get(1)));
        refreshTotals();
    }

    private static <T> void refreshEach(Set<T> marked, java.util.function.Consumer<T> recompute) {
        List<T> keys = drain(marked);
        for (int i = 0; i < keys.size(); i++) {
            try {
                recompute.accept(keys.get(i));
            } catch (RuntimeException e) {
                marked.addAll(keys.subList(i, keys.size()));
                log.warn("derived figures not refreshed, will retry: {}", e.toString());
                return;
            }
        }
    }

    /** After the nodes and edges are written (even partly: what failed stays marked and moves it again). */
    private void moveNetworkVersion() {
        try {
            NetworkVersion.move(mongo);
        } catch (RuntimeException e) {
            networkChanged.set(true);
            log.warn("network version not moved, will retry: {}", e.toString());
        }
    }

    private static <T> List<T> drain(Set<T> marked) {
        List<T> taken = new ArrayList<>(marked);
        marked.removeAll(taken);
        return taken;
    }

    private void refreshPartner(String partnerId) {
        List<Document> inbound = index.referrals(ReferralIndex.inbound(partnerId));
        Caseload caseload = CaseloadFigures.of(partnerId, null, inbound, clock.instant());
        Document byStatus = new Document();
        caseload.byStatus().forEach(byStatus::append);
        replace(CASELOADS, partnerId, new Document("active", caseload.active())
                .append("byStatus", byStatus)
                .append("acceptanceRate", caseload.acceptanceRate())
                .append("medianHoursToRespond", caseload.medianHoursToRespond())
                .append("medianDaysToDeliver", caseload.medianDaysToDeliver()));
        Document partner = mongo.getCollection("partners").find(Filters.eq("_id", partnerId)).first();
        if (partner != null) {
            var view = PartnerQueryController.view(partner);
            replace(NODES, partnerId, new Document("name", view.name())
                    .append("kind", view.kind().name())
                    .append("regions", view.regions())
                    .append("active", view.active())
                    .append("capacity", view.capacity())
                    .append("activeLoad", caseload.active()));
        }
    }

    private void refreshFlow(String from, String to) {
        List<Document> flow = index.referrals(ReferralIndex.flow(from, to));
        replace(EDGES, flowId(from, to), flowDocument(from, to, flow));
    }

    /** A flow edge of {@code network_edges} from the referral documents from one partner to another. */
    public static Document flowDocument(String from, String to, List<Document> flow) {
        List<Double> hours = flow.stream().flatMap(r -> Figures.hoursBetween(r, "createdAt", "answeredAt").stream()).toList();
        return new Document("kind", FLOW).append("from", from).append("to", to)
                .append("referrals", (long) flow.size())
                .append("accepted", count(flow, "answer", ReferralStatus.ACCEPTED.name()))
                .append("declined", count(flow, "answer", ReferralStatus.DECLINED.name()))
                .append("medianHoursToRespond", Figures.median(hours));
    }

    private void refreshBucket(String day, String category, String partnerId) {
        List<Document> bucket = index.referrals(ReferralIndex.bucket(day, category, partnerId));
        months.add(List.of(day.substring(0, 7), category, partnerId));
        replace(STATS, dayCellId(day, category, partnerId), new Document("day", day)
                .append("month", day.substring(0, 7))
                .append("category", category)
                .append("dimension", ServiceCategory.valueOf(category).dimension().name())
                .append("partnerId", partnerId)
                .append("referrals", (long) bucket.size())
                .append("accepted", count(bucket, "answer", ReferralStatus.ACCEPTED.name()))
                .append("declined", count(bucket, "answer", ReferralStatus.DECLINED.name()))
                .append("delivered", bucket.stream().filter(r -> r.get("deliveredAt") != null).count()));
    }

    /** The id of a day cell of {@code stats}; they sort by day. */
    public static String dayCellId(String day, String category, String partnerId) {
        return day + "|" + category + "|" + partnerId;
    }

    /** A month's cell of a category and receiving partner: the sum of its day cells, found by id. */
    private void refreshMonth(String month, String category, String partnerId) {
        YearMonth yearMonth = YearMonth.parse(month);
        List<String> days = new ArrayList<>(31);
        for (int day = 1; day <= yearMonth.lengthOfMonth(); day++) {
            days.add(dayCellId(yearMonth.atDay(day).toString(), category, partnerId));
        }
        List<Document> cells = mongo.getCollection(STATS).find(Filters.in("_id", days)).into(new ArrayList<>());
        replace(STATS_MONTHS, month + "|" + category + "|" + partnerId, sum(cells, new Document("month", month)
                .append("category", category)
                .append("dimension", ServiceCategory.valueOf(category).dimension().name())
                .append("partnerId", partnerId)));
        networkMonths.add(List.of(month, category));
    }

    /** A month's cell of a category in the whole network: the sum of its partners' month cells (an id range). */
    private void refreshNetworkMonth(String month, String category) {
        List<Document> cells = mongo.getCollection(STATS_MONTHS).find(IdRange.under(month + "|" + category))
                .sort(IdRange.ORDER).limit(IdRange.ALL).batchSize(1000).into(new ArrayList<>());
        replace(STATS_NETWORK_MONTHS, month + "|" + category, sum(cells, new Document("month", month)
                .append("category", category)
                .append("dimension", ServiceCategory.valueOf(category).dimension().name())));
        totals.add(category);
    }

    /**
     * The all-time cells of the categories whose months changed, from one read of the network's month cells (a
     * few hundred: one per month and category); what fails stays marked.
     */
    private void refreshTotals() {
        List<String> categories = drain(totals);
        if (categories.isEmpty()) {
            return;
        }
        try {
            Map<String, List<Document>> monthsOf = mongo.getCollection(STATS_NETWORK_MONTHS)
                    .find(Filters.in("category", categories)).batchSize(1000).into(new ArrayList<>())
                    .stream().collect(Collectors.groupingBy(cell -> cell.getString("category")));
            for (String category : categories) {
                replace(STATS_NETWORK_TOTALS, category, sum(monthsOf.getOrDefault(category, List.of()),
                        new Document("category", category)
                                .append("dimension", ServiceCategory.valueOf(category).dimension().name())));
            }
        } catch (RuntimeException e) {
            totals.addAll(categories);
            log.warn("derived figures not refreshed, will retry: {}", e.toString());
        }
    }

    private static Document sum(List<Document> cells, Document into) {
        for (String count : List.of("referrals", "accepted", "declined", "delivered")) {
            into.append(count, cells.stream().mapToLong(cell -> ((Number) cell.get(count)).longValue()).sum());
        }
        return into;
    }

    private static long count(List<Document> referrals, String field, String value) {
        return referrals.stream().filter(r -> value.equals(r.getString(field))).count();
    }

    private void replace(String collection, String id, Document content) {
        MongoCollection<Document> target = mongo.getCollection(collection);
        target.replaceOne(Filters.eq("_id", id), content.append("_id", id), new ReplaceOptions().upsert(true));
    }


    /**
     * For a copy of the read models built aside (the projections' verification): stops the background rounds and
     * recomputes here whatever is marked, until nothing is.
     */
    public void refreshUntilDone() throws InterruptedException {
        refresher.shutdownNow();
        if (!refresher.awaitTermination(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("derived figures: the last round did not end");
        }
        for (int round = 0; !partners.isEmpty() || !flows.isEmpty() || !buckets.isEmpty() || !months.isEmpty()
                            || !networkMonths.isEmpty() || !totals.isEmpty() || networkChanged.get(); round++) {
            if (round == 100) {
                throw new IllegalStateException("derived figures: still failing after 100 rounds");
            }
            refresh();
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
