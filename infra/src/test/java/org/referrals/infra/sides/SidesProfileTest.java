package org.referrals.infra.sides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.referrals.infra.support.Samples.COORDINATOR;

import java.nio.file.Path;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.referrals.command.referral.ReferralCommandHandler;
import org.referrals.infra.support.RunningApplication;
import org.referrals.infra.support.Samples;
import org.referrals.query.caseregistry.PersonalDataReader;

/** One jar, three ways to start it: both sides (default), {@code command} only, {@code query} only. */
class SidesProfileTest {

    @TempDir
    Path dataDir;

    @Test
    void theQueryProfileHandlesNoCommands() {
        try (var app = RunningApplication.startWithProfile(dataDir, "query")) {
            assertThat(app.context().getBeansWithAnnotation(Aggregate.class)).isEmpty();
            assertThat(app.context().getBeansOfType(ReferralCommandHandler.class)).isEmpty();
            assertThatThrownBy(() -> app.send(Samples.partner("ngo-query"), COORDINATOR))
                    .isInstanceOf(NoHandlerForCommandException.class);
            assertThat(app.context().getBeansOfType(PersonalDataReader.class)).isNotEmpty();
        }
    }

    @Test
    void theCommandProfileHandlesCommands() {
        try (var app = RunningApplication.startWithProfile(dataDir, "command")) {
            assertThat(app.context().getBeansOfType(ReferralCommandHandler.class)).hasSize(1);
            app.send(Samples.partner("ngo-command"), COORDINATOR);
            assertThat(app.context().getBeanDefinitionNames())
                    .noneMatch(name -> app.context().getType(name) != null
                            && app.context().getType(name).getPackageName().startsWith("org.referrals.query"));
        }
    }
}
