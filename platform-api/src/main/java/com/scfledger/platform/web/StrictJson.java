package com.scfledger.platform.web;

import com.scfledger.platform.domain.StorableText;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read strictly, once for every body: a string is not a number ({@code "amountMinor": "100"} is
 * refused, not coerced), and a string must be {@link StorableText storable} — values and object keys alike: a
 * map's key is checked as it is read, and an unknown property (otherwise ignored) is refused when its name could
 * not be stored, so that no name with a NUL reaches a log, a map or PostgreSQL. A refusal is a 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .addModule(new SimpleModule("storable-text").addDeserializer(String.class, new StorableStringDeserializer())
                        .addKeyDeserializer(String.class, new StorableKeyDeserializer()))
                .addHandler(new UnstorablePropertyNames());
    }

    static final class StorableKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            String problem = StorableText.problemWith(key);
            if (problem != null) {
                throw ctxt.weirdKeyException(String.class, key, "a key " + problem);
            }
            return key;
        }
    }

    /** Unknown properties stay ignored (clients may send more than we read), unless their name is not storable text. */
    static final class UnstorablePropertyNames extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) {
            String problem = StorableText.problemWith(propertyName);
            if (problem != null) {
                throw ctxt.weirdKeyException(String.class, propertyName, "a property name " + problem);
            }
            return false;
        }
    }

    static final class StorableStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            String problem = text == null ? null : StorableText.problemWith(text);
            if (problem != null) {
                throw ctxt.weirdStringException(text, String.class, problem);
            }
            return text;
        }
    }
}
