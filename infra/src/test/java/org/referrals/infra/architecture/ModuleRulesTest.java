package org.referrals.infra.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/** The module rules of DESIGN section 1, checked on the production classes of all four modules. */
@AnalyzeClasses(packages = "org.referrals", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleRulesTest {

    @ArchTest
    static final ArchRule commandSideNeverUsesQuerySide = noClasses()
            .that().resideInAPackage("org.referrals.command..")
            .should().dependOnClassesThat().resideInAPackage("org.referrals.query..");

    @ArchTest
    static final ArchRule querySideNeverUsesCommandSide = noClasses()
            .that().resideInAPackage("org.referrals.query..")
            .should().dependOnClassesThat().resideInAPackage("org.referrals.command..");

    @ArchTest
    static final ArchRule onlyInfraKnowsInfra = noClasses()
            .that().resideInAnyPackage("org.referrals.api..", "org.referrals.command..", "org.referrals.query..")
            .should().dependOnClassesThat().resideInAPackage("org.referrals.infra..");

    @ArchTest
    static final ArchRule sharedApiUsesNoSpringAndOfAxonOnlyTheMessageAnnotations = classes()
            .that().resideInAPackage("org.referrals.api..")
            .should().onlyDependOnClassesThat(or(
                    resideInAnyPackage("java..", "jakarta.validation..", "com.fasterxml.jackson.annotation..",
                                       "org.referrals.api.."),
                    equivalentTo(TargetAggregateIdentifier.class),
                    equivalentTo(TargetAggregateVersion.class),
                    equivalentTo(Revision.class)));

    @ArchTest
    static final ArchRule aggregatesDoNoIo = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.io..", "java.nio..", "java.net..", "java.sql..", "javax.sql..", "java.util.concurrent..",
                    "org.springframework.jdbc..", "org.springframework.web..", "org.springframework.http..",
                    "com.mongodb..", "org.bson..", "reactor..")
            .because("an aggregate decides from its own events and the command; I/O belongs to handlers and infra");

    @ArchTest
    static final ArchRule aggregatesDoNotReachOutThroughRepositoriesOrGateways = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling.gateway..",
                                                               "org.axonframework.queryhandling..")
            .orShould().dependOnClassesThat().areAssignableTo(org.axonframework.modelling.command.Repository.class);
}
