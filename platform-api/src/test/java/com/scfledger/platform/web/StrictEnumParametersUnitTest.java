package com.scfledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.format.support.DefaultFormattingConversionService;

class StrictEnumParametersUnitTest {

    enum Colour { RED, GREEN }

    private final DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();

    StrictEnumParametersUnitTest() {
        new StrictEnumParameters().addFormatters(conversions);
    }

    private Object convert(String value) {
        return conversions.convert(value, TypeDescriptor.valueOf(String.class),
                TypeDescriptor.collection(List.class, TypeDescriptor.valueOf(Colour.class)));
    }

    @Test
    void knownValuesBindInAnyCase() {
        assertThat(convert("RED,green")).isEqualTo(List.of(Colour.RED, Colour.GREEN));
    }

    @Test
    void aBlankOrUnknownValueIsRefused() {
        for (String value : List.of("RED,", " ", "RED,,GREEN", "BLUE")) {
            assertThatThrownBy(() -> convert(value)).as(value).isInstanceOf(ConversionFailedException.class)
                    .hasRootCauseMessage("must be one of RED, GREEN");
        }
    }
}
