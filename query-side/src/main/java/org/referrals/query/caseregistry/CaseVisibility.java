package org.referrals.query.caseregistry;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.time.Clock;
import org.bson.Document;
import org.referrals.api.common.Actor;
import org.referrals.query.common.ReadProblems;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether a caller sees a case at all (whole, or as a receiving partner sees it), by the same rule as
 * {@code GET /api/cases/{id}}: an action on a case the caller sees but may not take answers 403, on one it does not
 * see 404 (DESIGN, "Rules that hold for every endpoint").
 */
@Component
public class CaseVisibility {

    private final MongoDatabase mongo;
    private final Clock clock;

    public CaseVisibility(MongoDatabase reactiveMongoDatabase, Clock clock) {
        this.mongo = reactiveMongoDatabase;
        this.clock = clock;
    }

    /** How a caller reads a case: {@code whole} (its owner, coordinators) or as a receiving partner sees it. */
    public record Reader(Document caseDocument, boolean whole) {
    }

    /** The caller's reading of the case; 404 (a problem) where it does not see it. */
    public Mono<Reader> reader(String caseId, Actor actor) {
        return CaseQueryController.CaseAccess.find(mongo, caseId, actor, clock.instant())
                                             .map(access -> new Reader(access.document(), access.sight() == null));
    }

    /** The case's document for those who read it whole (its owner's agents, coordinators); 404 for everyone else. */
    public Mono<Document> readWhole(String caseId, Actor actor) {
        return reader(caseId, actor).filter(Reader::whole).map(Reader::caseDocument)
                                    .switchIfEmpty(Mono.error(ReadProblems::notFound));
    }

    public Mono<Boolean> visibleTo(String caseId, Actor actor) {
        return CaseQueryController.CaseAccess.find(mongo, caseId, actor, clock.instant())
                                             .map(access -> true)
                                             .onErrorReturn(false)
                                             .defaultIfEmpty(false);
    }
}
