package com.scfledger.contract;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * A plain mapper with ISO dates and strict reading, and deliberately without sorted properties: the records' own
 * {@code @JsonPropertyOrder} must give the chaincode's canonical order, whatever mapper a client uses.
 */
final class CanonicalMapper {

    private CanonicalMapper() {
    }

    static ObjectMapper create() {
        SimpleModule dates = new SimpleModule("iso-dates");
        dates.addSerializer(LocalDate.class, new ToString<>());
        dates.addSerializer(Instant.class, new ToString<>());
        dates.addDeserializer(LocalDate.class, new JsonDeserializer<>() {
            @Override
            public LocalDate deserialize(final JsonParser p, final DeserializationContext c) throws IOException {
                return LocalDate.parse(p.getValueAsString());
            }
        });
        dates.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(final JsonParser p, final DeserializationContext c) throws IOException {
                return Instant.parse(p.getValueAsString());
            }
        });
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addModule(dates)
                .build();
    }

    private static final class ToString<T> extends JsonSerializer<T> {
        @Override
        public void serialize(final T value, final JsonGenerator gen, final SerializerProvider serializers)
                throws IOException {
            gen.writeString(value.toString());
        }
    }
}
