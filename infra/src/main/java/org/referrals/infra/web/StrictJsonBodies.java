package org.referrals.infra.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import org.referrals.api.common.PlausibleDates;
import org.springframework.boot.web.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.json.Jackson2JsonDecoder;

/**
 * Request bodies are read as written or refused with 400, never guessed at: no duplicate keys (which of the two
 * would a command carry?), nothing after the JSON, no number or boolean where text is expected, no enum by ordinal
 * or with blanks around its name, no blank date read as "none", dates only in {@link PlausibleDates}, and text
 * without control characters (but line breaks and tabs) or lone surrogates. Only the web's decoder is strict: the
 * event store's serializer keeps reading what it wrote before.
 */
@Configuration
public class StrictJsonBodies {

    @Bean
    CodecCustomizer strictJsonDecoder(ObjectMapper objectMapper) {
        ObjectMapper strict = objectMapper.copy()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .setDefaultLeniency(false)
                .registerModule(new SimpleModule("strict-values").setDeserializerModifier(new StrictValues()));
        strict.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
              .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            strict.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                  .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return configurer -> configurer.defaultCodecs().jackson2JsonDecoder(new Jackson2JsonDecoder(strict));
    }

    /** Wraps the stock deserializers of text, enums and dates with the checks above. */
    static final class StrictValues extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                          BeanDescription description, JsonDeserializer<?> deserializer) {
            return new Checked(deserializer, type.getRawClass(), (text, value) -> text == null || text.trim().equals(text) ? null
                    : "must be one of the names exactly, without blanks");
        }

        @Override
        public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                      JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            if (type == String.class) {
                return new Checked(deserializer, type, (text, value) -> wellFormed((String) value) ? null
                        : "must be text without control characters or unpaired surrogates");
            }
            if (type == LocalDate.class) {
                return new Checked(deserializer, type, (text, value) -> PlausibleDates.contains((LocalDate) value) ? null : PlausibleDates.RULE);
            }
            if (type == Instant.class) {
                return new Checked(deserializer, type, (text, value) -> PlausibleDates.contains((Instant) value) ? null : PlausibleDates.RULE);
            }
            return deserializer;
        }
    }

    /** Line breaks and tabs are text; other control characters and halves of a surrogate pair are not. */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** A refusal with a message of our own, shown as the field's error (see {@link ApiProblems}). */
    static final class Refused extends InvalidFormatException {
        Refused(JsonParser parser, String message, Object value, Class<?> type) {
            super(parser, message, value, type);
        }
    }

    /** A stock deserializer followed by one check: the check's message, or null when the value is fine. */
    static final class Checked extends DelegatingDeserializer {

        /** The value's text as sent (null when it was not a JSON string) and the value read from it. */
        interface Check {
            String problem(String text, Object value);
        }

        private final Class<?> type;
        private final Check check;

        Checked(JsonDeserializer<?> delegate, Class<?> type, Check check) {
            super(delegate);
            this.type = type;
            this.check = check;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new Checked(newDelegatee, type, check);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
            Object value = _delegatee.deserialize(parser, context);
            String problem = value == null ? null : check.problem(text, value);
            if (problem != null) {
                throw new Refused(parser, problem, text, type);
            }
            return value;
        }
    }
}
