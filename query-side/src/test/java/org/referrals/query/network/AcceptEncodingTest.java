package org.referrals.query.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** When the kept map is answered gzipped, and that its gzipped copy is the same JSON. */
class AcceptEncodingTest {

    @Test
    void gzipIsAcceptedWhenNamedOrCoveredByAStarAndNotRefused() {
        assertThat(NetworkController.acceptsGzip(null)).isFalse();
        assertThat(NetworkController.acceptsGzip(List.of())).isFalse();
        assertThat(NetworkController.acceptsGzip(List.of("gzip, deflate, br"))).isTrue();
        assertThat(NetworkController.acceptsGzip(List.of("deflate", "GZIP;q=0.5"))).isTrue();
        assertThat(NetworkController.acceptsGzip(List.of("*"))).isTrue();
        assertThat(NetworkController.acceptsGzip(List.of("identity"))).isFalse();
        assertThat(NetworkController.acceptsGzip(List.of("br, deflate"))).isFalse();
        assertThat(NetworkController.acceptsGzip(List.of("gzip;q=0"))).isFalse();
        assertThat(NetworkController.acceptsGzip(List.of("gzip; Q=0.000, *"))).isFalse();
        assertThat(NetworkController.acceptsGzip(List.of("*;q=0"))).isFalse();
        assertThat(NetworkController.acceptsGzip(List.of("*;q=0, gzip;q=0.1"))).isTrue();
        assertThat(NetworkController.acceptsGzip(List.of("gzip;q=0.01"))).isTrue();
    }

    @Property(tries = 50)
    void theGzippedCopyIsTheJson(@ForAll byte[] json) throws IOException {
        try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(WholeMap.gzip(json)))) {
            assertThat(unzipped.readAllBytes()).isEqualTo(json);
        }
    }
}
