package com.scfledger.platform.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Query and path parameters bind to enums strictly: a blank value (as in {@code status=SUBMITTED,} or
 * {@code status=%20}) or an unknown one is refused, which the problem handler answers with 400
 * {@code VALIDATION_FAILED}. Spring's own converter turns a blank into null, which would slip through as
 * "no filter" or reach the database. Case is ignored, as the hand-written filters did before.
 */
@Configuration(proxyBeanMethods = false)
class StrictEnumParameters implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverterFactory(new StrictEnumConverterFactory());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class StrictEnumConverterFactory implements ConverterFactory<String, Enum> {
        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
            return source -> {
                String name = source.strip().toUpperCase(Locale.ROOT);
                for (T constant : type.getEnumConstants()) {
                    if (constant.name().equals(name)) {
                        return constant;
                    }
                }
                throw new IllegalArgumentException("must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
            };
        }
    }
}
