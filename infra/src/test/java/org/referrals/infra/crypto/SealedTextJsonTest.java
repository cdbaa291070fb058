package org.referrals.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;
import org.referrals.api.common.SealedText;
import org.referrals.api.referral.DeclineReason;
import org.referrals.api.referral.ReferralDeclined;

/** Events keep their shape on disk: a sealed text as an object, and a text an earlier version stored as a string. */
class SealedTextJsonTest {

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

    @Test
    void aSealedTextIsWrittenAsAnObjectAndReadBack() throws Exception {
        var declined = new ReferralDeclined("r1", DeclineReason.OTHER, new SealedText("AES-256-GCM", "c1", "bm9uY2U=", "Y2lwaGVy"));
        String written = json.writeValueAsString(declined);
        assertThat(written).contains("\"note\":{\"algorithm\":\"AES-256-GCM\",\"keyId\":\"c1\"");
        assertThat(json.readValue(written, ReferralDeclined.class)).isEqualTo(declined);
    }

    @Test
    void aTextAnEarlierVersionStoredInClearReadsAsPlain() throws Exception {
        ReferralDeclined earlier = json.readValue("{\"referralId\":\"r1\",\"reasonCode\":\"OTHER\",\"note\":\"full\"}",
                                                  ReferralDeclined.class);
        assertThat(earlier.note().isPlain()).isTrue();
        assertThat(earlier.note().ciphertext()).isEqualTo("full");
        assertThat(json.readValue("{\"referralId\":\"r1\",\"reasonCode\":\"OTHER\",\"note\":null}", ReferralDeclined.class).note())
                .isNull();
        assertThat(earlier.note().toString()).doesNotContain("full");
    }
}
