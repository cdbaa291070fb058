package org.referrals.infra.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The blind index ignores how a name is written (case, accents, punctuation, order of given and family name) but
 * nothing else: another date of birth, another name or another master key gives another index.
 */
class BlindIndexProperties {

    private static final BlindIndex INDEX = new BlindIndex(new SecretKeySpec(new byte[32], "AES"));
    private static final LocalDate BORN = LocalDate.of(2008, 4, 30);

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzàáâãäçèéêëìíîïñòóôõöùúûüý").ofMinLength(2).ofMaxLength(12);
    }

    @Property
    void writingTheNameOtherwiseFindsTheSamePerson(@ForAll("names") String given, @ForAll("names") String family) {
        String shouted = stripAccents(family).toUpperCase(Locale.ROOT) + ", " + stripAccents(given).toUpperCase(Locale.ROOT) + ".";
        assertThat(INDEX.of(shouted, "", BORN)).isEqualTo(INDEX.of(given, family, BORN));
        assertThat(INDEX.of(" " + given + "-", "  " + family, BORN)).isEqualTo(INDEX.of(given, family, BORN));
    }

    @Property
    void anotherBirthDateOrNameIsAnotherPerson(@ForAll("names") String given, @ForAll("names") String family,
                                               @ForAll @IntRange(min = 1, max = 20_000) int daysApart) {
        assertThat(INDEX.of(given, family, BORN.plusDays(daysApart))).isNotEqualTo(INDEX.of(given, family, BORN));
        assertThat(INDEX.of(given + "x", family, BORN)).isNotEqualTo(INDEX.of(given, family, BORN));
    }

    @Property(tries = 50)
    void anotherMasterKeyGivesUnrelatedIndexes(@ForAll("names") String given, @ForAll("names") String family) {
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(new BlindIndex(new SecretKeySpec(otherKey, "AES")).of(given, family, BORN))
                .isNotEqualTo(INDEX.of(given, family, BORN));
    }

    private static String stripAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
