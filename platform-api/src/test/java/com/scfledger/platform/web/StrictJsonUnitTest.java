package com.scfledger.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** The JSON reading rules and the currency rule, without a server. */
class StrictJsonUnitTest {

    record Body(String name, long amountMinor, @CurrencyCode String currency) {
    }

    record Tagged(String name, java.util.Map<String, String> tags) {
    }

    private final JsonMapper json = strictMapper();

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJson().strictJsonInput().customize(builder);
        return builder.build();
    }

    @Test
    void numbersAndOrdinaryTextAreRead() {
        Body body = json.readValue("{\"name\":\"PO \\u676d\",\"amountMinor\":100,\"currency\":\"CNY\"}", Body.class);
        assertThat(body.amountMinor()).isEqualTo(100);
        assertThat(body.name()).isEqualTo("PO 杭");
    }

    @Test
    void anAmountAsAStringIsRefusedNamingTheField() {
        assertThatThrownBy(() -> json.readValue("{\"amountMinor\":\"100\"}", Body.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(e -> assertThat(((MismatchedInputException) e).getPath().get(0).getPropertyName())
                        .isEqualTo("amountMinor"));
    }

    @Test
    void aNulOrALoneSurrogateInAStringIsRefusedNamingTheField() {
        for (String text : new String[] {"a\\u0000b", "\\ud800", "x\\udc00"}) {
            assertThatThrownBy(() -> json.readValue("{\"name\":\"" + text + "\"}", Body.class)).as(text)
                    .isInstanceOf(MismatchedInputException.class)
                    .satisfies(e -> assertThat(((MismatchedInputException) e).getPath().get(0).getPropertyName())
                            .isEqualTo("name"));
        }
    }

    @Test
    void aNulOrALoneSurrogateInAnObjectKeyIsRefused() {
        for (String key : new String[] {"na\\u0000me", "\\ud800", "x\\u0000"}) {
            assertThatThrownBy(() -> json.readValue("{\"" + key + "\":\"v\"}", Tagged.class)).as(key)
                    .isInstanceOf(tools.jackson.databind.DatabindException.class)
                    .hasMessageContaining("must not contain");
            assertThatThrownBy(() -> json.readValue("{\"tags\":{\"" + key + "\":\"v\"}}", Tagged.class)).as(key)
                    .isInstanceOf(tools.jackson.databind.DatabindException.class)
                    .hasMessageContaining("must not contain");
        }
    }

    @Test
    void unknownPropertiesAndOrdinaryKeysAreStillRead() {
        assertThat(json.readValue("{\"name\":\"n\",\"extra\":1}", Tagged.class).name()).isEqualTo("n");
        assertThat(json.readValue("{\"tags\":{\"k \\u676d\":\"v\"}}", Tagged.class).tags()).containsEntry("k 杭", "v");
    }

    @Test
    void onlyIso4217CurrenciesAreValid() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        assertThat(validator.validate(new Body("n", 1, "CNY"))).isEmpty();
        assertThat(validator.validate(new Body("n", 1, null))).isEmpty();
        assertThat(validator.validate(new Body("n", 1, "XYZ"))).hasSize(1);
        assertThat(validator.validate(new Body("n", 1, "cny"))).hasSize(1);
    }
}
