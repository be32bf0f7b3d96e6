package com.scfledger.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StorableTextUnitTest {

    @Test
    void ordinaryTextAndPairedSurrogatesAreStorable() {
        assertThat(StorableText.problemWith("")).isNull();
        assertThat(StorableText.problemWith("Hangzhou 杭州 PO-1")).isNull();
        assertThat(StorableText.problemWith("emoji \uD83D\uDE00 ok")).isNull();
    }

    @Test
    void aNulCharacterIsNot() {
        assertThat(StorableText.problemWith("a\u0000b")).contains("NUL");
        assertThat(StorableText.problemWith("\u0000")).contains("NUL");
    }

    @Test
    void anUnpairedSurrogateIsNotWhereverItStands() {
        assertThat(StorableText.problemWith("\uD800")).contains("surrogate");
        assertThat(StorableText.problemWith("x\uD800y")).contains("surrogate");
        assertThat(StorableText.problemWith("x\uDC00")).contains("surrogate");
        assertThat(StorableText.problemWith("\uDE00\uD83D")).as("a pair in the wrong order").contains("surrogate");
    }
}
