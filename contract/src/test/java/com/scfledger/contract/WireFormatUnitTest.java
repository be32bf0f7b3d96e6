package com.scfledger.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scfledger.contract.anchor.Anchor;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.financing.Financing;
import com.scfledger.contract.ledger.LedgerEvent;
import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.contract.ledger.RecordVersion;
import com.scfledger.contract.ledger.RequestRecord;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.payable.PayableTree;
import com.scfledger.contract.token.Token;
import com.scfledger.contract.token.TokenPage;

/**
 * Every result and event payload, exactly as the chaincode returned it before the contract module existed
 * (src/test/resources/wire, captured from the chaincode's own transactions), reads into its record and writes back
 * byte for byte: same field names, same order, same nulls, same date forms.
 */
class WireFormatUnitTest {

    private static final ObjectMapper MAPPER = CanonicalMapper.create();

    static Stream<Arguments> payloads() {
        return Stream.of(
                payload("RegisterEnterprise", LedgerEvent.class),
                payload("SuspendEnterprise", LedgerEvent.class),
                payload("ReinstateEnterprise", LedgerEvent.class),
                payload("GetEnterprise", Enterprise.class),
                payload("RegisterPayable", LedgerEvent.class),
                payload("AcceptPayable", LedgerEvent.class),
                payload("GetPayable", Payable.class),
                payload("GetPayableTree", PayableTree.class),
                payload("SplitTransfer", LedgerEvent.class),
                payload("GetToken", Token.class),
                payload("GetLineage", new TypeReference<List<Token>>() { }),
                payload("ListTokensByHolder", TokenPage.class),
                payload("RequestFinancing", LedgerEvent.class),
                payload("ApproveFinancing", LedgerEvent.class),
                payload("GetFinancing", Financing.class),
                payload("AnchorRecord", LedgerEvent.class),
                payload("GetAnchor", Anchor.class),
                payload("UpdateLedgerSettings", LedgerEvent.class),
                payload("GetLedgerSettings", LedgerSettings.class),
                payload("GetLedgerSettingsDefaults", LedgerSettings.class),
                payload("GetHistory", new TypeReference<List<RecordVersion<Token>>>() { }),
                payload("GetRequest", RequestRecord.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void roundTripsByteForByte(final String sample, final JavaType type) throws IOException {
        String today = read(sample);

        Object record = MAPPER.readValue(today, type);

        assertThat(MAPPER.writeValueAsString(record)).isEqualTo(today);
    }

    private static Arguments payload(final String sample, final Class<?> type) {
        return Arguments.of(sample, MAPPER.constructType(type));
    }

    private static Arguments payload(final String sample, final TypeReference<?> type) {
        return Arguments.of(sample, MAPPER.constructType(type));
    }

    private static String read(final String sample) throws IOException {
        try (InputStream in = WireFormatUnitTest.class.getResourceAsStream("/wire/" + sample + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
