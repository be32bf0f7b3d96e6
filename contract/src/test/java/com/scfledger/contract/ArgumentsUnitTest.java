package com.scfledger.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.scfledger.contract.anchor.AnchorRecord;
import com.scfledger.contract.anchor.GetAnchor;
import com.scfledger.contract.anchor.GetAnchorVersions;
import com.scfledger.contract.enterprise.EnterpriseRole;
import com.scfledger.contract.enterprise.KeyCustody;
import com.scfledger.contract.enterprise.SetEnterpriseCustody;
import com.scfledger.contract.enterprise.GetEnterprise;
import com.scfledger.contract.enterprise.ProposeAdmission;
import com.scfledger.contract.enterprise.RegisterEnterprise;
import com.scfledger.contract.enterprise.ReinstateEnterprise;
import com.scfledger.contract.enterprise.SuspendEnterprise;
import com.scfledger.contract.financing.ApproveFinancing;
import com.scfledger.contract.financing.CancelFinancing;
import com.scfledger.contract.financing.GetApprovalPolicy;
import com.scfledger.contract.financing.GetCreditLimit;
import com.scfledger.contract.financing.GetFinancing;
import com.scfledger.contract.financing.GetFinancingApproval;
import com.scfledger.contract.financing.SetApprovalPolicy;
import com.scfledger.contract.financing.SetCreditLimit;
import com.scfledger.contract.financing.RejectFinancing;
import com.scfledger.contract.financing.RequestFinancing;
import com.scfledger.contract.ledger.GetHistory;
import com.scfledger.contract.ledger.GetLedgerSettings;
import com.scfledger.contract.ledger.GetRequest;
import com.scfledger.contract.ledger.SetBusinessZone;
import com.scfledger.contract.ledger.UpdateLedgerSettings;
import com.scfledger.contract.payable.AcceptPayable;
import com.scfledger.contract.payable.GetPayable;
import com.scfledger.contract.payable.GetPayableTree;
import com.scfledger.contract.payable.RegisterPayable;
import com.scfledger.contract.payable.RegisterPayables;
import com.scfledger.contract.payable.RejectPayable;
import com.scfledger.contract.settlement.SettlePayable;
import com.scfledger.contract.settlement.SettleToken;
import com.scfledger.contract.token.GetLineage;
import com.scfledger.contract.token.GetToken;
import com.scfledger.contract.token.ListTokensByHolder;
import com.scfledger.contract.token.SplitOutput;
import com.scfledger.contract.token.SplitTransfer;

class ArgumentsUnitTest {

    private static final String HASH = "a".repeat(64);

    /** One of each arguments record; {@link #everyBusinessTransactionHasItsArgumentsRecord} keeps the list whole. */
    private static final List<TransactionArguments> ONE_OF_EACH = List.of(
            new ProposeAdmission("SUP1", EnterpriseRole.SUPPLIER, "Org1MSP", "KYC-1", HASH),
            new RegisterEnterprise("SUP1", EnterpriseRole.SUPPLIER, "Org1MSP", HASH),
            new SuspendEnterprise("SUP1"), new ReinstateEnterprise("SUP1"), new GetEnterprise("SUP1"),
            new RegisterPayable("PO-1", "SUP1", 1_000_000, "EUR", LocalDate.parse("2026-01-02"),
                    LocalDate.parse("2026-06-30"), List.of(HASH), HASH),
            new RegisterPayables(List.of(new RegisterPayables.Item(new RegisterPayable("PO-1", "SUP1", 1_000_000,
                    "EUR", LocalDate.parse("2026-01-02"), LocalDate.parse("2026-06-30"), List.of(HASH), HASH), "r-1"))),
            new AcceptPayable("CORE1", "PO-1"), new RejectPayable("CORE1", "PO-1"), new GetPayable("CORE1", "PO-1"),
            new GetPayableTree("CORE1", "PO-1"),
            new SplitTransfer("tx.0", List.of(new SplitOutput("SUP2", 400))), new GetToken("tx.0"),
            new GetLineage("tx.0"), new ListTokensByHolder("SUP1", 10, null),
            new RequestFinancing("F-1", "tx.0", "BANK1", HASH), new ApproveFinancing("F-1", 500),
            new RejectFinancing("F-1"), new CancelFinancing("F-1"), new GetFinancing("F-1"),
            new GetFinancingApproval("F-1"), new SetApprovalPolicy(5_000_000), new GetApprovalPolicy("BANK1"),
            new SetCreditLimit("CORE1", "EUR", 5_000_000), new GetCreditLimit("BANK1", "CORE1", "EUR"),
            new SettleToken("tx.0", "PAY-1"), new SettlePayable("PO-1", "PAY-1"),
            new AnchorRecord("KYC", "K-1", HASH), new GetAnchor("KYC", "K-1"),
            new GetAnchorVersions("KYC", "K-1"),
            new UpdateLedgerSettings(100, 10, 10), new SetBusinessZone("Asia/Shanghai"), new GetLedgerSettings(),
            new GetHistory("token:tx.0"),
            new GetRequest("r-1"), new SetEnterpriseCustody("CORE1", KeyCustody.SELF, List.of(HASH)));

    @Test
    void everyBusinessTransactionHasItsArgumentsRecord() {
        Set<Transaction> covered = ONE_OF_EACH.stream().map(TransactionArguments::transaction)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Transaction.class)));
        Set<Transaction> business = Arrays.stream(Transaction.values())
                .filter(t -> t.takesRequestId() || t.kind() == Transaction.Kind.EVALUATE)
                .filter(t -> !t.wireName().startsWith(TransactionNames.HEALTH_CONTRACT + ":"))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Transaction.class)));
        assertThat(covered).isEqualTo(business);
        assertThat(ONE_OF_EACH).allSatisfy(arguments ->
                assertThat(arguments instanceof Submission).isEqualTo(arguments.transaction().takesRequestId()));
    }

    @Test
    void aSubmissionTakesTheRequestIdLast() {
        assertThat(new AcceptPayable("CORE1", "PO-1").wireArguments("r-7"))
                .containsExactly("CORE1", "PO-1", "r-7");
        assertThat(new ApproveFinancing("F-1", 500).wireArguments("r-8")).containsExactly("F-1", "500", "r-8");
    }

    @Test
    void numbersAndDatesAreRenderedAsTheChaincodeParsesThem() {
        assertThat(new RegisterPayable("PO-1", "SUP1", 1_000_000, "EUR", LocalDate.parse("2026-01-02"),
                LocalDate.parse("2026-06-30"), List.of("f1", "f2"), HASH).wireArguments("r-1"))
                .containsExactly("PO-1", "SUP1", "1000000", "EUR", "2026-01-02", "2026-06-30", "[\"f1\",\"f2\"]", HASH,
                        "r-1");
        assertThat(new UpdateLedgerSettings(100, 20, 5).wireArguments("r-2")).containsExactly("100", "20", "5", "r-2");
        assertThat(new SetBusinessZone("Asia/Shanghai").wireArguments("r-3")).containsExactly("Asia/Shanghai", "r-3");
        assertThat(new RegisterEnterprise("BANK1", EnterpriseRole.BANK, "BankMSP", HASH).arguments())
                .containsExactly("BANK1", "BANK", "BankMSP", HASH);
        assertThat(new SetEnterpriseCustody("CORE1", KeyCustody.SELF, List.of(HASH, "f".repeat(64))).arguments())
                .containsExactly("CORE1", "SELF", HASH + "," + "f".repeat(64));
        assertThat(new SetEnterpriseCustody("CORE1", KeyCustody.PLATFORM, List.of()).arguments())
                .containsExactly("CORE1", "PLATFORM", "");
    }

    @Test
    void splitOutputsAreCanonicalJsonWithTheirStringsEscaped() {
        SplitTransfer split = new SplitTransfer("tx.0",
                List.of(new SplitOutput("SUP2", 400), new SplitOutput("a\"b\\c\n", 600)));

        assertThat(split.arguments()).containsExactly("tx.0",
                "[{\"amount\":400,\"recipient\":\"SUP2\"},{\"amount\":600,\"recipient\":\"a\\\"b\\\\c\\n\"}]");
    }

    @Test
    void aBatchCarriesEachItemAsRegisterPayablesWireArgumentsWithItsOwnRequestId() {
        RegisterPayable first = new RegisterPayable("PO-1", "SUP1", 1_000_000, "EUR", LocalDate.parse("2026-01-02"),
                LocalDate.parse("2026-06-30"), List.of("f1", "f2"), HASH);
        RegisterPayable second = new RegisterPayable("PO-2", "SUP2", 5, "USD", LocalDate.parse("2026-01-03"),
                LocalDate.parse("2026-07-01"), List.of("f3"), HASH);
        RegisterPayables batch = new RegisterPayables(List.of(new RegisterPayables.Item(first, "r-1"),
                new RegisterPayables.Item(second, "r-2")));

        assertThat(batch.wireArguments("batch-1")).containsExactly(
                "[[\"PO-1\",\"SUP1\",\"1000000\",\"EUR\",\"2026-01-02\",\"2026-06-30\",\"[\\\"f1\\\",\\\"f2\\\"]\",\""
                        + HASH + "\",\"r-1\"],"
                        + "[\"PO-2\",\"SUP2\",\"5\",\"USD\",\"2026-01-03\",\"2026-07-01\",\"[\\\"f3\\\"]\",\"" + HASH
                        + "\",\"r-2\"]]",
                "batch-1");
    }

    @Test
    void aBatchRefusalNamesTheItemThatCausedIt() {
        String detail = RegisterPayables.itemRefusal(42, "invoice fingerprint f1 is already carried by another payable");

        assertThat(detail).startsWith("item 42: ");
        assertThat(RegisterPayables.refusedItem(detail)).isEqualTo(OptionalInt.of(42));
        assertThat(RegisterPayables.refusedItem("items must list 1 to 100 payables")).isEmpty();
        assertThat(RegisterPayables.refusedItem(null)).isEmpty();
    }

    @Test
    void aFirstPageHasAnEmptyBookmark() {
        assertThat(new ListTokensByHolder("SUP1", 10, null).wireArguments()).containsExactly("SUP1", "10", "");
        assertThat(new ListTokensByHolder("SUP1", 10, "b-1").wireArguments()).containsExactly("SUP1", "10", "b-1");
        assertThat(new GetLedgerSettings().wireArguments()).isEmpty();
    }

    @Test
    void controlCharactersAreEscapedAsUnicode() {
        assertThat(WireJson.string("\u0001")).isEqualTo("\"\\u0001\"");
    }
}
