package com.scfledger.chaincode.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.scfledger.contract.ErrorCode;

/**
 * Canonical JSON for everything the chaincode writes or returns. Every endorsing peer must produce the same bytes
 * for the same transaction, so properties and map entries are sorted by name, dates are ISO-8601 strings
 * ({@code 2026-03-31}, {@code 2026-01-02T03:04:05Z}) and there is no floating point anywhere. Parsing is strict:
 * unknown properties, duplicate keys, fractions where integers belong and strings where numbers belong are
 * refused rather than guessed at.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .addModule(isoDates())
            .build();

    private Json() {
    }

    public static String write(final Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Only our own record types are written; failing here is a programming error, not a client error.
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static byte[] bytes(final Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a record this chaincode wrote itself; a failure means the ledger holds something it did not write. */
    public static <T> T readRecord(final byte[] json, final Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("ledger holds an unreadable " + type.getSimpleName(), e);
        }
    }

    /** Reads a client-supplied argument; a failure is the client's and is reported as INVALID_ARGUMENT. */
    public static <T> T readArgument(final String name, final String json, final TypeReference<T> type) {
        if (json == null || json.isBlank()) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, name + " is required");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw ScfException.of(ErrorCode.INVALID_ARGUMENT, name + " must not be null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw ScfException.of(ErrorCode.INVALID_ARGUMENT, name + " is not valid JSON of the expected shape: "
                    + e.getOriginalMessage());
        }
    }

    private static SimpleModule isoDates() {
        SimpleModule module = new SimpleModule("iso-dates");
        module.addSerializer(LocalDate.class, new ToStringSerializer<>());
        module.addSerializer(Instant.class, new ToStringSerializer<>());
        module.addDeserializer(LocalDate.class, new JsonDeserializer<LocalDate>() {
            @Override
            public LocalDate deserialize(final JsonParser p, final DeserializationContext c) throws IOException {
                try {
                    return LocalDate.parse(p.getValueAsString());
                } catch (DateTimeParseException | NullPointerException e) {
                    return (LocalDate) c.handleWeirdStringValue(LocalDate.class, p.getText(), "not an ISO-8601 date");
                }
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<Instant>() {
            @Override
            public Instant deserialize(final JsonParser p, final DeserializationContext c) throws IOException {
                try {
                    return Instant.parse(p.getValueAsString());
                } catch (DateTimeParseException | NullPointerException e) {
                    return (Instant) c.handleWeirdStringValue(Instant.class, p.getText(), "not an ISO-8601 instant");
                }
            }
        });
        return module;
    }

    /** ISO-8601 via toString(): LocalDate gives yyyy-MM-dd, Instant gives UTC with a trailing Z. */
    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        @Override
        public void serialize(final T value, final JsonGenerator gen, final SerializerProvider serializers)
                throws IOException {
            gen.writeString(value.toString());
        }
    }
}
