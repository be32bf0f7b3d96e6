package com.scfledger.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import com.scfledger.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;

class PasswordPolicyUnitTest {

    private static void refused(String username, String password, Reason reason) {
        assertThatThrownBy(() -> PasswordPolicy.check(username, password)).as(password)
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.reason()).isEqualTo(reason);
                    ApiProblem p = ApiProblem.from(v);
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.code()).isEqualTo(reason.name());
                });
    }

    @Test
    void atLeastTwelveCharactersCountedAsCodePoints() {
        refused("alice", "short-pw-11", Reason.PASSWORD_TOO_SHORT);
        refused("alice", "", Reason.PASSWORD_TOO_SHORT);
        refused("alice", null, Reason.PASSWORD_TOO_SHORT);
        refused("alice", "😀😀😀😀😀😀x😀😀😀😀", Reason.PASSWORD_TOO_SHORT);
        assertThatCode(() -> PasswordPolicy.check("alice", "twelve-chars")).doesNotThrowAnyException();
    }

    @Test
    void notTheUsernameNorContainingItIgnoringCase() {
        refused("Treasurer.Li", "treasurer.li", Reason.PASSWORD_CONTAINS_USERNAME);
        refused("treasurer.li", "my-TREASURER.LI-pass", Reason.PASSWORD_CONTAINS_USERNAME);
    }

    @Test
    void notACommonPasswordIgnoringCase() {
        assertThat(PasswordPolicy.commonCount()).isBetween(100, 200);
        refused("alice", "Password1234", Reason.PASSWORD_TOO_COMMON);
        refused("alice", "QWERTYUIOP123", Reason.PASSWORD_TOO_COMMON);
    }

    @Test
    void notOneCharacterRepeated() {
        refused("alice", "zzzzzzzzzzzzzz", Reason.PASSWORD_REPEATED_CHARACTER);
    }

    @Test
    void thePasswordsOfTheTestsSeedAndStoryPass() {
        assertThatCode(() -> PasswordPolicy.check("core.ab12", "correct horse battery")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("huaxin.demo", "scf-demo-pass")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("tier1.run42", "e2e-Passw0rd-run42")).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("bench-user", "itest-admin-password-1")).doesNotThrowAnyException();
    }
}
