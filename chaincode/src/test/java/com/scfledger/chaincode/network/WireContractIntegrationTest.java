package com.scfledger.chaincode.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.scfledger.chaincode.ledger.Json;
import com.scfledger.contract.Evaluation;
import com.scfledger.contract.Submission;
import com.scfledger.contract.Transaction;
import com.scfledger.contract.ledger.LedgerEvent;
import com.scfledger.contract.payable.AcceptPayable;
import com.scfledger.contract.payable.GetPayableTree;
import com.scfledger.contract.payable.PayableStatus;
import com.scfledger.contract.payable.PayableTree;
import com.scfledger.contract.payable.RegisterPayable;
import com.scfledger.contract.token.GetToken;
import com.scfledger.contract.token.SplitOutput;
import com.scfledger.contract.token.SplitTransfer;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenStatus;

/**
 * The deployed chaincode speaks the contract module: calls made from the arguments records are accepted, and every
 * result reads strictly into its record (no unknown or mistyped field) and writes back byte for byte.
 */
class WireContractIntegrationTest {

    private static final long FACE = 500_000;

    @TempDir
    static Path enrollments;

    private static LedgerParties parties;
    private static Party core;
    private static Party supplier;

    @BeforeAll
    static void registerEnterprises() throws Exception {
        parties = new LedgerParties(enrollments);
        core = parties.enterprise("CORE", "CORE", NetworkEnv.Org.CORE);
        supplier = parties.enterprise("SUP1", "SUPPLIER", NetworkEnv.Org.PLATFORM);
    }

    @AfterAll
    static void close() throws InterruptedException {
        parties.close();
    }

    @Test
    void recordsInRecordsOut() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String payableId = "PO-" + parties.run() + "-wire";

        LedgerEvent registered = submit(core, new RegisterPayable(payableId, supplier.id(), FACE, "CNY", today,
                today.plusDays(60), List.of(LedgerParties.sha256("INV-" + payableId)), LedgerParties.sha256(payableId)));
        assertThat(registered.transaction()).isEqualTo(Transaction.REGISTER_PAYABLE);
        assertThat(registered.eventType()).isEqualTo(Transaction.REGISTER_PAYABLE.event());
        assertThat(registered.payables()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PayableStatus.PENDING_ACCEPTANCE);
            assertThat(p.amount()).isEqualTo(FACE);
        });
        Token root = registered.tokens().get(0);

        submit(supplier, new AcceptPayable(core.id(), payableId));
        LedgerEvent split = submit(supplier, new SplitTransfer(root.id(), List.of(new SplitOutput(supplier.id(), FACE))));
        Token kept = split.tokens().stream().filter(t -> t.status() == TokenStatus.ACTIVE).findFirst().orElseThrow();
        assertThat(kept.parentId()).isEqualTo(root.id());

        assertThat(evaluate(supplier, new GetToken(kept.id()), Token.class)).isEqualTo(kept);
        PayableTree tree = evaluate(core, new GetPayableTree(core.id(), payableId), PayableTree.class);
        assertThat(tree.tokens()).extracting(Token::id).containsExactlyInAnyOrder(root.id(), kept.id());
    }

    private static LedgerEvent submit(final Party party, final Submission arguments) throws Exception {
        return read(party.contract().submitTransaction(arguments.transaction().wireName(),
                arguments.wireArguments("rq-" + UUID.randomUUID())), LedgerEvent.class);
    }

    private static <T> T evaluate(final Party party, final Evaluation arguments, final Class<T> type)
            throws Exception {
        return read(party.contract().evaluateTransaction(arguments.transaction().wireName(),
                arguments.wireArguments()), type);
    }

    /** Strictly, as the chaincode reads its own records, then written back as the chaincode writes them. */
    private static <T> T read(final byte[] json, final Class<T> type) {
        T record = Json.readRecord(json, type);
        assertThat(Json.write(record)).isEqualTo(new String(json, StandardCharsets.UTF_8));
        return record;
    }
}
