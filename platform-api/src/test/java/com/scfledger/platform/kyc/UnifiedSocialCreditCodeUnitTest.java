package com.scfledger.platform.kyc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UnifiedSocialCreditCodeUnitTest {

    /** Published codes of real organisations (business licences, annual reports) and the standard's own example. */
    @ParameterizedTest
    @ValueSource(strings = {
        "91350100M000100Y43", // GB 32100-2015's example
        "91330100716105852F", // Alibaba (China) Co., Ltd.
        "91440300708461136T", // Shenzhen Tencent Computer Systems Co., Ltd.
        "914403001922038216", // Huawei Technologies Co., Ltd.
        "91110000802100433B", // Beijing Baidu Netcom Science and Technology Co., Ltd.
        "91110108551385082Q", // Beijing Xiaomi Technology Co., Ltd.
    })
    void knownValidCodesPass(String code) {
        assertThat(UnifiedSocialCreditCode.problem(code)).isEmpty();
        assertThat(UnifiedSocialCreditCode.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    @Test
    void lowerCaseAndSurroundingSpacesAreAcceptedAndNormalised() {
        assertThat(UnifiedSocialCreditCode.isValid(" 91350100m000100y43 ")).isTrue();
        assertThat(UnifiedSocialCreditCode.normalise(" 91350100m000100y43 ")).isEqualTo("91350100M000100Y43");
    }

    @Test
    void aWrongCheckCharacterIsNamed() {
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100Y44")).hasValue("the check character is 4 but should be 3");
    }

    @Test
    void everySingleCharacterChangeIsCaught() {
        String valid = "91440300708461136T";
        String alphabet = UnifiedSocialCreditCode.ALPHABET;
        for (int pos = 0; pos < 17; pos++) {
            for (int k = 0; k < alphabet.length(); k++) {
                char c = alphabet.charAt(k);
                if (c == valid.charAt(pos) || (pos >= 2 && pos < 8 && !Character.isDigit(c))) {
                    continue;
                }
                String changed = valid.substring(0, pos) + c + valid.substring(pos + 1);
                assertThat(UnifiedSocialCreditCode.isValid(changed)).as(changed).isFalse();
            }
        }
    }

    @Test
    void malformedCodesAreRefusedWithAReason() {
        assertThat(UnifiedSocialCreditCode.problem(null)).hasValue("must have 18 characters");
        assertThat(UnifiedSocialCreditCode.problem("9135010")).hasValue("must have 18 characters");
        assertThat(UnifiedSocialCreditCode.problem("91350100M000100I43").get()).contains("character 16");
        assertThat(UnifiedSocialCreditCode.problem("913501O0M000100Y43").get()).contains("character 7");
        assertThat(UnifiedSocialCreditCode.problem("9135A100M000100Y43").get()).contains("administrative division");
    }

    @Test
    void theWeightsArePowersOfThreeModulo31() {
        int w = 1;
        for (int i = 0; i < 17; i++) {
            assertThat(UnifiedSocialCreditCode.WEIGHTS[i]).isEqualTo(w);
            w = w * 3 % 31;
        }
    }

    @Test
    void theCheckCharacterCompletesACode() {
        assertThat(UnifiedSocialCreditCode.withCheckCharacter("91350100M000100Y4")).isEqualTo("91350100M000100Y43");
        assertThat(UnifiedSocialCreditCode.isValid(UnifiedSocialCreditCode.withCheckCharacter("91310115ABCDEFGH1"))).isTrue();
    }
}
