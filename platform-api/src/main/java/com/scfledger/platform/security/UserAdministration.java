package com.scfledger.platform.security;

import java.util.UUID;

import com.scfledger.platform.domain.NotFound;
import com.scfledger.platform.domain.Reason;
import com.scfledger.platform.domain.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A platform admin's hold on a user's log-in: set a new password (checked by {@link PasswordPolicy}), disable or
 * enable the user, and revoke the user's bearer tokens. A password change and a disable also revoke every token
 * of the user; a disabled user's tokens stop working at once anyway, as {@link AccessTokens#authenticate} checks
 * the user at every request. Disabling publishes {@link UserDisabled}, on which the user's personal ledger
 * certificate (an approver's) is revoked.
 */
@Service
class UserAdministration {

    /** What an admin sees of a user after a change. */
    record UserStatus(UUID id, String username, Role role, String enterpriseId, boolean enabled, int tokensRevoked) {
    }

    private final UserAccounts accounts;
    private final AccessTokens tokens;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    UserAdministration(UserAccounts accounts, AccessTokens tokens, PasswordEncoder encoder,
                       ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.tokens = tokens;
        this.encoder = encoder;
    }

    @Transactional
    UserStatus changePassword(UUID userId, String password) {
        UserAccounts.Account user = require(userId);
        PasswordPolicy.check(user.username(), password);
        accounts.updatePasswordHash(userId, encoder.encode(password));
        return status(user, user.enabled(), tokens.revokeAllOf(userId));
    }

    @Transactional
    UserStatus setEnabled(UUID userId, boolean enabled, String actingUserId) {
        UserAccounts.Account user = require(userId);
        if (!enabled && userId.toString().equals(actingUserId)) {
            throw new RuleViolation(Reason.FORBIDDEN, "An admin cannot disable their own account.");
        }
        accounts.setEnabled(userId, enabled);
        if (!enabled) {
            events.publishEvent(new UserDisabled(user.enterpriseId(), user.username()));
        }
        return status(user, enabled, enabled ? 0 : tokens.revokeAllOf(userId));
    }

    @Transactional
    UserStatus revokeTokens(UUID userId) {
        UserAccounts.Account user = require(userId);
        return status(user, user.enabled(), tokens.revokeAllOf(userId));
    }

    private UserAccounts.Account require(UUID userId) {
        return accounts.findById(userId).orElseThrow(() -> new NotFound(Reason.USER_NOT_FOUND, "No user " + userId + "."));
    }

    private static UserStatus status(UserAccounts.Account user, boolean enabled, int revoked) {
        return new UserStatus(user.id(), user.username(), user.role(), user.enterpriseId(), enabled, revoked);
    }
}
