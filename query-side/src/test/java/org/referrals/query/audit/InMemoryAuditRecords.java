package org.referrals.query.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

/** Audit links in memory, for tests of the chain without a database. */
public final class InMemoryAuditRecords implements AuditRecords {

    private final ConcurrentSkipListMap<Long, Link> links = new ConcurrentSkipListMap<>();

    @Override
    public Optional<Link> last() {
        return Optional.ofNullable(links.lastEntry()).map(Map.Entry::getValue);
    }

    @Override
    public void record(List<Link> written) {
        written.forEach(link -> links.put(link.position(), link));
    }

    @Override
    public void forgetFrom(long position) {
        links.tailMap(position, true).clear();
    }

    @Override
    public List<Link> between(long position, long upTo, int limit) {
        return position >= upTo ? List.of()
                : links.subMap(position, false, upTo, true).values().stream().limit(limit).toList();
    }

    @Override
    public Map<String, Link> ofEvents(Collection<String> eventIds) {
        return links.values().stream().filter(link -> eventIds.contains(link.eventId()))
                    .collect(Collectors.toMap(Link::eventId, link -> link));
    }
}
