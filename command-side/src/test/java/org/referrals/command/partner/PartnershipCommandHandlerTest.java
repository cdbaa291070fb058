package org.referrals.command.partner;

import static org.referrals.command.testing.TestData.CLOCK;
import static org.referrals.command.testing.TestData.COORDINATOR;
import static org.referrals.command.testing.TestData.REFERRER_AGENT;
import static org.referrals.command.testing.TestData.as;
import static org.referrals.command.testing.TestData.partnerRegistered;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.partner.AgreePartnership;
import org.referrals.api.partner.PartnershipAgreed;
import org.referrals.command.common.ActionNotAllowedException;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.testing.InMemoryAggregates;
import org.referrals.command.testing.RoutingRepository;

/** The agreement is recorded on "alpha-ngo" (the id that sorts first); "zeta-ngo" is only read. */
class PartnershipCommandHandlerTest {

    private static final String FIRST = "alpha-ngo";
    private static final String SECOND = "zeta-ngo";

    private FixtureConfiguration<Partner> fixture;
    private InMemoryAggregates others;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
        others = new InMemoryAggregates(CLOCK);
        fixture.registerAnnotatedCommandHandler(new PartnershipCommandHandler(
                new RoutingRepository<>(fixture.getRepository(), FIRST, others.partners)));
    }

    @Test
    void anAgreementIsRecordedOnThePartnerWhoseIdSortsFirstWhicheverWayItIsAsked() {
        others.partner(SECOND, partnerRegistered(SECOND));
        fixture.given(partnerRegistered(FIRST))
               .when(new AgreePartnership(SECOND, FIRST, "MoU 2026"), as(COORDINATOR))
               .expectEvents(new PartnershipAgreed(FIRST, SECOND, "MoU 2026"));
    }

    @Test
    void thePairAgreesOnlyOnce() {
        others.partner(SECOND, partnerRegistered(SECOND));
        fixture.given(partnerRegistered(FIRST), new PartnershipAgreed(FIRST, SECOND, "MoU 2025"))
               .when(new AgreePartnership(FIRST, SECOND, "MoU 2026"), as(COORDINATOR))
               .expectException(BusinessRuleViolationException.class)
               .expectNoEvents();
    }

    @Test
    void bothPartnersMustBeRegistered() {
        fixture.given(partnerRegistered(FIRST))
               .when(new AgreePartnership(FIRST, SECOND, "MoU"), as(COORDINATOR))
               .expectException(BusinessRuleViolationException.class)
               .expectExceptionMessage(Matchers.containsString("not registered"));
    }

    @Test
    void aPartnerCannotAgreeWithItself() {
        fixture.given(partnerRegistered(FIRST))
               .when(new AgreePartnership(FIRST, FIRST, "self"), as(COORDINATOR))
               .expectException(BusinessRuleViolationException.class);
    }

    @Test
    void partnerAgentsMayNotRecordAgreements() {
        others.partner(SECOND, partnerRegistered(SECOND));
        fixture.given(partnerRegistered(FIRST))
               .when(new AgreePartnership(FIRST, SECOND, "MoU"), as(REFERRER_AGENT))
               .expectException(ActionNotAllowedException.class);
    }
}
