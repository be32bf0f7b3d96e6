package com.scfledger.chaincode.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hyperledger.fabric.contract.Context;

import com.scfledger.chaincode.ScfContract;
import com.scfledger.chaincode.ledger.Json;
import com.scfledger.chaincode.testing.InMemoryChaincodeStub.Outcome;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.financing.CreditLimit;
import com.scfledger.contract.financing.Financing;
import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.token.Token;

/**
 * Drives the real contract over an {@link InMemoryChaincodeStub} as a cast of enterprises with real
 * certificates: two core enterprises, four suppliers, two banks and the platform admin, all registered at the
 * start. Transaction ids and timestamps advance deterministically.
 */
public final class LedgerDriver {

    public static final String ADMIN = "ADMIN";
    /** A second platform admin certificate: confirms what {@link #ADMIN} proposes. */
    public static final String ADMIN2 = "ADMIN2";
    public static final List<String> CORES = List.of("CORE1", "CORE2");
    public static final List<String> SUPPLIERS = List.of("SUP1", "SUP2", "SUP3", "SUP4");
    public static final List<String> BANKS = List.of("BANK1", "BANK2");
    public static final List<String> ENTERPRISES;

    static {
        List<String> all = new ArrayList<>(CORES);
        all.addAll(SUPPLIERS);
        all.addAll(BANKS);
        ENTERPRISES = List.copyOf(all);
    }

    private static final Map<String, byte[]> CREATORS = new HashMap<>();

    private final InMemoryChaincodeStub ledger = new InMemoryChaincodeStub();
    private final ScfContract contract = new ScfContract();
    private final List<String> committedRequestIds = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T08:00:00Z");
    private int transactions;
    private int requests;

    public LedgerDriver() {
        String kycHash = "0".repeat(64);
        for (String id : ENTERPRISES) {
            String kycRecordId = "KYC-" + id;
            require(id, asAdmin(ctx -> contract.anchorRecord(ctx, "KYC", kycRecordId, kycHash, nextRequestId())));
            require(id, asAdmin(ctx -> contract.proposeAdmission(ctx, id, role(id).name(), msp(id), kycRecordId,
                    kycHash, nextRequestId())));
            require(id, as(ADMIN2, ctx -> contract.registerEnterprise(ctx, id, role(id).name(), msp(id), kycHash,
                    nextRequestId())));
        }
        // Each bank lets one signature approve any amount, through its own four-eyes change of policy, so that
        // random runs reach APPROVED; the four-eyes approvals have their own tests.
        for (String bank : BANKS) {
            for (String approver : List.of("maker", "checker")) {
                Outcome policy = asPerson(bank, approver, ctx -> contract.setApprovalPolicy(ctx,
                        Long.toString(com.scfledger.contract.Amounts.MAX_MINOR), nextRequestId()));
                if (!policy.committed()) {
                    throw new IllegalStateException("could not set the policy of " + bank + ": " + policy.refusal());
                }
            }
        }
        // Each bank sets a limit for each core enterprise, also by four eyes: BANK1 one that never binds, BANK2 one
        // that random runs exceed now and then, so that LIMIT_EXCEEDED and the releases are both reached.
        for (String bank : BANKS) {
            String limit = Long.toString(bank.equals(BANKS.get(0)) ? com.scfledger.contract.Amounts.MAX_MINOR
                    : BANK2_LIMIT);
            for (String core : CORES) {
                for (String approver : List.of("maker", "checker")) {
                    Outcome set = asPerson(bank, approver, ctx -> contract.setCreditLimit(ctx, core, "EUR", limit,
                            nextRequestId()));
                    if (!set.committed()) {
                        throw new IllegalStateException("could not set a limit of " + bank + ": " + set.refusal());
                    }
                }
            }
        }
    }

    /** BANK2's limit per core enterprise, in EUR minor units. */
    public static final long BANK2_LIMIT = 2_000_000;

    private static void require(final String enterpriseId, final Outcome outcome) {
        if (!outcome.committed()) {
            throw new IllegalStateException("could not register " + enterpriseId + ": " + outcome.refusal());
        }
    }

    public ScfContract contract() {
        return contract;
    }

    public InMemoryChaincodeStub ledger() {
        return ledger;
    }

    public Instant now() {
        return now;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    public void advanceDays(final int days) {
        now = now.plus(Duration.ofDays(days));
    }

    public String nextRequestId() {
        return "r-" + (++requests);
    }

    public List<String> committedRequestIds() {
        return committedRequestIds;
    }

    /** Runs a transaction as the named enterprise (or {@link #ADMIN}, or "AUDITOR"). */
    public Outcome as(final String who, final Function<Context, String> transaction) {
        return run(who, creator(who), transaction);
    }

    /** Runs a transaction as a user of the named enterprise, signing with that user's personal certificate. */
    public Outcome asPerson(final String who, final String username, final Function<Context, String> transaction) {
        return run(who, personalCreator(who, username), transaction);
    }

    private Outcome run(final String who, final byte[] creator, final Function<Context, String> transaction) {
        transactions++;
        now = now.plusSeconds(1);
        // Real Fabric transaction ids are 64 hex digits, so created token ids are 66 characters long.
        String txId = String.format("%064x", transactions);
        String mspId = msp(who);
        Outcome outcome = ledger.run(txId, now, mspId, creator, transaction);
        if (outcome.committed() && outcome.event() != null) {
            String requestId = Json.readRecord(outcome.event().payload().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    EventHeader.class).requestId();
            committedRequestIds.add(requestId);
        }
        return outcome;
    }

    public Outcome asAdmin(final Function<Context, String> transaction) {
        return as(ADMIN, transaction);
    }

    public static EnterpriseRole role(final String enterpriseId) {
        if (CORES.contains(enterpriseId)) {
            return EnterpriseRole.CORE;
        }
        return BANKS.contains(enterpriseId) ? EnterpriseRole.BANK : EnterpriseRole.SUPPLIER;
    }

    public static String msp(final String who) {
        if (CORES.contains(who)) {
            return "CoreMSP";
        }
        return BANKS.contains(who) ? "BankMSP" : "PlatformMSP";
    }

    private static synchronized byte[] creator(final String who) {
        return CREATORS.computeIfAbsent(who, id -> switch (id) {
            case ADMIN -> TestIdentities.client("PlatformMSP", null, "PLATFORM_ADMIN");
            case ADMIN2 -> TestIdentities.client("PlatformMSP", null, "PLATFORM_ADMIN", "admin2@PlatformMSP");
            case "AUDITOR" -> TestIdentities.client("PlatformMSP", null, "AUDITOR");
            default -> TestIdentities.client(msp(id), id, role(id).name());
        });
    }

    private static synchronized byte[] personalCreator(final String who, final String username) {
        return CREATORS.computeIfAbsent(who + "/" + username,
                key -> TestIdentities.person(msp(who), who, role(who).name(), username));
    }

    // ---- typed views of the committed state ----------------------------------------------------------------------

    public <T> Map<String, T> records(final String prefix, final Class<T> type) {
        Map<String, T> records = new LinkedHashMap<>();
        ledger.committed().subMap(prefix + ":", prefix + ";").forEach((key, value) ->
                records.put(key, Json.readRecord(value, type)));
        return records;
    }

    public List<Token> tokens() {
        return new ArrayList<>(records("token", Token.class).values());
    }

    public List<Payable> payables() {
        return new ArrayList<>(records("payable", Payable.class).values());
    }

    public List<Financing> financings() {
        return new ArrayList<>(records("financing", Financing.class).values());
    }

    public List<CreditLimit> creditLimits() {
        return new ArrayList<>(records("creditLimit", CreditLimit.class).values());
    }

    public Map<String, Enterprise> enterprises() {
        Map<String, Enterprise> byId = new LinkedHashMap<>();
        records("enterprise", Enterprise.class).values().forEach(e -> byId.put(e.id(), e));
        return byId;
    }

    public LedgerSettings settings() {
        return records("settings", LedgerSettings.class).values().stream().findFirst()
                .orElse(LedgerSettings.DEFAULTS);
    }

    /** Just enough of an event payload to learn its request id. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record EventHeader(String requestId) {
    }
}
