package com.scfledger.platform.web;

import com.scfledger.platform.domain.StorableText;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read strictly, once for every body: a string is not a number ({@code "amountMinor": "100"} is
 * refused, not coerced), and a string must be {@link StorableText storable}. A refusal is a 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .addModule(new SimpleModule("storable-text").addDeserializer(String.class, new StorableStringDeserializer()));
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
