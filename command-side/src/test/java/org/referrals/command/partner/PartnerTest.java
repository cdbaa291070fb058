package org.referrals.command.partner;

import static org.referrals.command.testing.TestData.ADMIN;
import static org.referrals.command.testing.TestData.COORDINATOR;
import static org.referrals.command.testing.TestData.RECEIVER;
import static org.referrals.command.testing.TestData.RECEIVER_AGENT;
import static org.referrals.command.testing.TestData.REFERRER_AGENT;
import static org.referrals.command.testing.TestData.as;
import static org.referrals.command.testing.TestData.partnerRegistered;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.referrals.api.partner.PartnerKind;
import org.referrals.api.partner.PartnerReactivated;
import org.referrals.api.partner.PartnerRegistered;
import org.referrals.api.partner.PartnerServicesUpdated;
import org.referrals.api.partner.PartnerSuspended;
import org.referrals.api.partner.ReactivatePartner;
import org.referrals.api.partner.RegisterPartner;
import org.referrals.api.partner.ServiceCategory;
import org.referrals.api.partner.ServiceOffer;
import org.referrals.api.partner.SuspendPartner;
import org.referrals.api.partner.UpdatePartnerServices;
import org.referrals.command.common.ActionNotAllowedException;
import org.referrals.command.common.BusinessRuleViolationException;
import org.referrals.command.common.IllegalTransitionException;

class PartnerTest {

    private FixtureConfiguration<Partner> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partner.class);
    }

    private static RegisterPartner register(List<ServiceOffer> services) {
        return new RegisterPartner(RECEIVER, "Clinique Oujda", PartnerKind.HEALTH_FACILITY, "MA", List.of("Oriental"),
                                   List.of("fr", "ar"), "contact@clinic.example", services);
    }

    @Test
    void aCoordinatorRegistersAPartner() {
        var services = List.of(new ServiceOffer(ServiceCategory.HEALTH_CARE, 20, "adults"));
        fixture.givenNoPriorActivity()
               .when(register(services), as(COORDINATOR))
               .expectEvents(new PartnerRegistered(RECEIVER, "Clinique Oujda", PartnerKind.HEALTH_FACILITY, "MA",
                                                   List.of("Oriental"), List.of("fr", "ar"), "contact@clinic.example",
                                                   services));
    }

    @Test
    void anAdminRegistersAPartner() {
        fixture.givenNoPriorActivity()
               .when(register(List.of()), as(ADMIN))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aPartnerAgentMayNotRegisterPartners() {
        fixture.givenNoPriorActivity()
               .when(register(List.of()), as(REFERRER_AGENT))
               .expectException(ActionNotAllowedException.class)
               .expectNoEvents();
    }

    @Test
    void aCommandWithoutActorIsRefused() {
        fixture.givenNoPriorActivity()
               .when(register(List.of()))
               .expectException(ActionNotAllowedException.class);
    }

    @Test
    void aCategoryMayBeListedOnce() {
        var twice = List.of(new ServiceOffer(ServiceCategory.LEGAL_AID, 1, null),
                            new ServiceOffer(ServiceCategory.LEGAL_AID, 2, null));
        fixture.givenNoPriorActivity()
               .when(register(twice), as(COORDINATOR))
               .expectException(BusinessRuleViolationException.class)
               .expectNoEvents();
    }

    @Test
    void thePartnerItselfUpdatesItsServices() {
        var services = List.of(new ServiceOffer(ServiceCategory.COUNSELLING, null, null));
        fixture.given(partnerRegistered(RECEIVER, ServiceCategory.HEALTH_CARE))
               .when(new UpdatePartnerServices(RECEIVER, services), as(RECEIVER_AGENT))
               .expectEvents(new PartnerServicesUpdated(RECEIVER, services));
    }

    @Test
    void anotherPartnerMayNotUpdateItsServices() {
        fixture.given(partnerRegistered(RECEIVER, ServiceCategory.HEALTH_CARE))
               .when(new UpdatePartnerServices(RECEIVER, List.of()), as(REFERRER_AGENT))
               .expectException(ActionNotAllowedException.class)
               .expectNoEvents();
    }

    @Test
    void aCoordinatorUpdatesServicesOfAnyPartner() {
        fixture.given(partnerRegistered(RECEIVER, ServiceCategory.HEALTH_CARE))
               .when(new UpdatePartnerServices(RECEIVER, List.of()), as(COORDINATOR))
               .expectEvents(new PartnerServicesUpdated(RECEIVER, List.of()));
    }

    @Test
    void anActivePartnerIsSuspended() {
        fixture.given(partnerRegistered(RECEIVER))
               .when(new SuspendPartner(RECEIVER, "audit pending"), as(COORDINATOR))
               .expectEvents(new PartnerSuspended(RECEIVER, "audit pending"));
    }

    @Test
    void aSuspendedPartnerCannotBeSuspendedAgain() {
        fixture.given(partnerRegistered(RECEIVER), new PartnerSuspended(RECEIVER, "audit"))
               .when(new SuspendPartner(RECEIVER, "again"), as(COORDINATOR))
               .expectException(IllegalTransitionException.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("SUSPENDED"))
               .expectNoEvents();
    }

    @Test
    void aSuspendedPartnerIsReactivated() {
        fixture.given(partnerRegistered(RECEIVER), new PartnerSuspended(RECEIVER, "audit"))
               .when(new ReactivatePartner(RECEIVER, "audit passed"), as(ADMIN))
               .expectEvents(new PartnerReactivated(RECEIVER, "audit passed"));
    }

    @Test
    void anActivePartnerCannotBeReactivated() {
        fixture.given(partnerRegistered(RECEIVER))
               .when(new ReactivatePartner(RECEIVER, "why"), as(COORDINATOR))
               .expectException(IllegalTransitionException.class)
               .expectExceptionMessage(org.hamcrest.Matchers.containsString("ACTIVE"));
    }

    @Test
    void aPartnerAgentMayNotSuspendEvenItself() {
        fixture.given(partnerRegistered(RECEIVER))
               .when(new SuspendPartner(RECEIVER, "holiday"), as(RECEIVER_AGENT))
               .expectException(ActionNotAllowedException.class)
               .expectNoEvents();
    }

    @Test
    void suspensionIsForCoordinatorsAndAdminsOnly() {
        fixture.given(partnerRegistered(RECEIVER), new PartnerSuspended(RECEIVER, "audit"))
               .when(new ReactivatePartner(RECEIVER, "me"), as(RECEIVER_AGENT))
               .expectException(ActionNotAllowedException.class);
    }
}
