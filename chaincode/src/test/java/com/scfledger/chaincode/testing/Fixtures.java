package com.scfledger.chaincode.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.enterprise.EnterpriseStatus;
import com.scfledger.contract.financing.Approver;
import com.scfledger.contract.financing.CreditLimit;
import com.scfledger.contract.financing.Financing;
import com.scfledger.contract.financing.FinancingStatus;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.payable.PayableStatus;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenStatus;

/**
 * The cast and props of the unit tests: one core enterprise (CORE1) owing payable PO-1 of 10 000.00 EUR, maturing
 * 2026-06-30, to supplier SUP1, who passes parts down to SUP2 and SUP3; BANK1 finances. "Now" is 2026-03-02.
 */
public final class Fixtures {

    public static final Instant REGISTERED = Instant.parse("2026-01-05T09:00:00Z");
    public static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    public static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    public static final LocalDate ISSUED = LocalDate.parse("2026-02-27");
    public static final LocalDate MATURITY = LocalDate.parse("2026-06-30");
    public static final Instant AT_MATURITY = Instant.parse("2026-06-30T00:00:00Z");
    public static final Instant DAY_BEFORE_MATURITY = Instant.parse("2026-06-29T23:59:59Z");

    public static final String CORE = "CORE1";
    public static final String SUPPLIER = "SUP1";
    public static final String SUPPLIER_2 = "SUP2";
    public static final String SUPPLIER_3 = "SUP3";
    public static final String BANK = "BANK1";
    public static final String PAYABLE = "PO-1";
    public static final long FACE = 1_000_000;
    public static final String ROOT_TOKEN = "tx1.0";

    public static final String HASH_A = "a".repeat(64);
    public static final String HASH_B = "b".repeat(64);
    public static final String HASH_C = "c".repeat(64);
    public static final String FINGERPRINT_1 = "1".repeat(64);
    public static final String FINGERPRINT_2 = "2".repeat(64);

    private Fixtures() {
    }

    public static Enterprise enterprise(final String id, final EnterpriseRole role, final String mspId) {
        return new Enterprise(id, role, mspId, EnterpriseStatus.ACTIVE, HASH_A, REGISTERED, REGISTERED, "tx0");
    }

    public static Enterprise core() {
        return enterprise(CORE, EnterpriseRole.CORE, "CoreMSP");
    }

    public static Enterprise supplier(final String id) {
        return enterprise(id, EnterpriseRole.SUPPLIER, "PlatformMSP");
    }

    public static Enterprise supplier() {
        return supplier(SUPPLIER);
    }

    public static Enterprise bank() {
        return enterprise(BANK, EnterpriseRole.BANK, "BankMSP");
    }

    public static Enterprise suspended(final Enterprise enterprise) {
        return enterprise.withStatus(EnterpriseStatus.SUSPENDED, REGISTERED, "tx0");
    }

    public static Payable payable(final PayableStatus status) {
        return new Payable(PAYABLE, CORE, SUPPLIER, FACE, "EUR", ISSUED, MATURITY, List.of(FINGERPRINT_1), HASH_B,
                ROOT_TOKEN, status, null, REGISTERED, "tx1", REGISTERED, "tx1");
    }

    public static TokenBuilder token(final String id) {
        return new TokenBuilder(id);
    }

    /** The root token of PO-1, held by SUP1. */
    public static TokenBuilder root() {
        return new TokenBuilder(ROOT_TOKEN).tier(0).parent(null).heldBy(SUPPLIER).amount(FACE);
    }

    public static Financing financing(final String id, final String tokenId, final String applicant, final long face,
            final FinancingStatus status) {
        return new Financing(id, tokenId, BANK, applicant, face, "EUR", MATURITY, HASH_C, "ACT/360", status, null,
                null, null, null, null, REGISTERED, "tx5", REGISTERED, "tx5");
    }

    /**
     * BANK1's limit for CORE1 in EUR, in force (proposed by "maker", confirmed by "checker" of BankMSP), with the
     * exposure given.
     */
    public static CreditLimit creditLimit(final long limit, final long reserved, final long consumed) {
        return new CreditLimit(BANK, CORE, "EUR", limit, reserved, consumed, null, bankUser("maker"),
                bankUser("checker"), REGISTERED, "tx4");
    }

    /** The approver a BankMSP user's personal certificate names, as {@code MockLedger.signsAs} makes it. */
    public static Approver bankUser(final String username) {
        return new Approver("x509::CN=" + username + ",O=BankMSP::CN=ca.BankMSP", username);
    }

    /** Asserts the call is refused with the code, both in the payload and as the message prefix. */
    public static void assertRefused(final ThrowingCallable call, final ErrorCode code) {
        assertThatThrownBy(call)
                .isInstanceOf(ScfException.class)
                .hasMessageStartingWith(code.name() + ": ")
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ScfException) e).getPayload())
                        .isEqualTo(code.name().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .extracting(e -> ((ScfException) e).code())
                .isEqualTo(code);
    }

    /** Builds tokens of PO-1 with sensible defaults: an ACTIVE tier-1 token of 1 000.00 held by SUP1. */
    public static final class TokenBuilder {
        private final String id;
        private String parentId = ROOT_TOKEN;
        private String holderId = SUPPLIER;
        private long amount = 100_000;
        private int tier = 1;
        private TokenStatus status = TokenStatus.ACTIVE;
        private String financingId;
        private LocalDate maturity = MATURITY;

        TokenBuilder(final String id) {
            this.id = id;
        }

        public TokenBuilder parent(final String parent) {
            this.parentId = parent;
            return this;
        }

        public TokenBuilder heldBy(final String holder) {
            this.holderId = holder;
            return this;
        }

        public TokenBuilder amount(final long value) {
            this.amount = value;
            return this;
        }

        public TokenBuilder tier(final int value) {
            this.tier = value;
            return this;
        }

        public TokenBuilder status(final TokenStatus value) {
            this.status = value;
            return this;
        }

        public TokenBuilder financing(final String value) {
            this.financingId = value;
            return this;
        }

        public TokenBuilder maturing(final LocalDate value) {
            this.maturity = value;
            return this;
        }

        public Token build() {
            return new Token(id, CORE, PAYABLE, parentId, holderId, amount, "EUR", maturity, tier, status,
                    financingId, null, REGISTERED, "tx1", REGISTERED, "tx1");
        }
    }
}
