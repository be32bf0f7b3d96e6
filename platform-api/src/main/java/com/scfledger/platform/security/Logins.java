package com.scfledger.platform.security;

import java.time.Clock;
import java.time.Instant;

import com.scfledger.platform.domain.NotPermitted;
import com.scfledger.platform.domain.Reason;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A password login: failures throttled per (username, address), the same cost whether or not the user exists,
 * refused for a disabled account or enterprise, and the stored hash upgraded when its parameters are old.
 */
@Service
class Logins {

    record SignedIn(AccessTokens.Issued token, long expiresIn, UserAccounts.Account account) {
    }

    /** Checked against when the user does not exist, so that both paths cost one Argon2 hash. */
    private final String dummyHash;
    private final UserAccounts accounts;
    private final AccessTokens tokens;
    private final PasswordEncoder encoder;
    private final LoginRateLimiter limiter;
    private final Clock clock;

    Logins(UserAccounts accounts, AccessTokens tokens, PasswordEncoder encoder, LoginRateLimiter limiter, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.encoder = encoder;
        this.limiter = limiter;
        this.clock = clock;
        this.dummyHash = encoder.encode("not-a-password-" + Secrets.randomToken(8));
    }

    SignedIn login(String username, String password, String remoteAddress) {
        limiter.checkAllowed(username, remoteAddress);
        var account = accounts.findByUsername(username);
        boolean matches = encoder.matches(password, account.map(UserAccounts.Account::passwordHash).orElse(dummyHash));
        if (account.isEmpty() || !matches) {
            limiter.recordFailure(username, remoteAddress);
            throw new NotPermitted(Reason.INVALID_CREDENTIALS, "Unknown username or wrong password.");
        }
        var user = account.get();
        if (!user.active()) {
            throw new NotPermitted(Reason.ACCOUNT_DISABLED, "This account or its enterprise is disabled.");
        }
        limiter.recordSuccess(username, remoteAddress);
        if (encoder.upgradeEncoding(user.passwordHash())) {
            accounts.updatePasswordHash(user.id(), encoder.encode(password));
        }
        AccessTokens.Issued issued = tokens.issue(user.id());
        Instant now = clock.instant();
        return new SignedIn(issued, Math.max(0, issued.expiresAt().getEpochSecond() - now.getEpochSecond()), user);
    }
}
