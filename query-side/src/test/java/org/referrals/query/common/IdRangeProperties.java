package org.referrals.query.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.NotEmpty;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;

/** A range starting with a prefix holds exactly the ids that start with it, in String (UTF-16) order. */
class IdRangeProperties {

    @Property
    void holdsAnIdIfAndOnlyIfItStartsWithThePrefix(
        @ForAll @NotEmpty @CharRange(from = '\u0000', to = '\ufffe') String prefix, @ForAll String id) {
        assertThat(within(IdRange.startingWith(prefix), id)).isEqualTo(id.startsWith(prefix));
        assertThat(within(IdRange.startingWith(prefix), prefix + id)).isTrue();
    }

    @Property
    void underAKeyHoldsTheIdsBuiltFromIt(@ForAll String key, @ForAll String rest, @ForAll String other) {
        assertThat(within(IdRange.under(key), key + "|" + rest)).isTrue();
        assertThat(within(IdRange.under(key), other)).isEqualTo(other.startsWith(key + "|"));
    }

    @Example
    void aPrefixWithoutACharacterAfterItIsRefused() {
        assertThatThrownBy(() -> IdRange.startingWith("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IdRange.startingWith("to:\uffff")).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean within(Bson range, String id) {
        BsonDocument bounds = range.toBsonDocument().getDocument("_id");
        String from = bounds.getString("$gte").getValue();
        String before = bounds.getString("$lt").getValue();
        return id.compareTo(from) >= 0 && id.compareTo(before) < 0;
    }
}
