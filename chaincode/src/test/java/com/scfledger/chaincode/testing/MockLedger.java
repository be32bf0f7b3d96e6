package com.scfledger.chaincode.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import javax.security.auth.x500.X500Principal;

import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.mockito.invocation.Invocation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scfledger.chaincode.ledger.Json;
import com.scfledger.chaincode.ledger.Keys;
import com.scfledger.contract.LedgerRecord;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.token.Token;

/**
 * A Mockito-stubbed Fabric context for one transaction: a mocked {@link ChaincodeStub} whose reads answer from the
 * records a test seeds with {@link #given}, a mocked {@link ClientIdentity} set by the {@code callerIs*} methods,
 * and readers of what the transaction wrote, deleted and emitted (taken from the mock's recorded calls).
 */
public final class MockLedger {

    public static final String TX_ID = "tx9";

    public final ChaincodeStub stub = mock(ChaincodeStub.class);
    public final ClientIdentity identity = mock(ClientIdentity.class);
    public final Context ctx = mock(Context.class);
    private final NavigableMap<String, byte[]> committed = new TreeMap<>();

    public MockLedger() {
        when(ctx.getStub()).thenReturn(stub);
        when(ctx.getClientIdentity()).thenReturn(identity);
        when(stub.getTxId()).thenReturn(TX_ID);
        when(stub.getTxTimestamp()).thenReturn(Fixtures.NOW);
        when(stub.getState(anyString())).thenAnswer(call -> committed.get(call.<String>getArgument(0)));
        when(stub.getStateByPartialCompositeKey(any(CompositeKey.class)))
                .thenAnswer(call -> new ListIterator(range(call.getArgument(0)), ""));
        when(stub.getStateByPartialCompositeKeyWithPagination(any(CompositeKey.class), anyInt(), anyString()))
                .thenAnswer(call -> page(call.getArgument(0), call.getArgument(1), call.getArgument(2)));
    }

    /** Moves the transaction to another time (maturity rules compare against its UTC date). */
    public MockLedger at(final Instant timestamp) {
        when(stub.getTxTimestamp()).thenReturn(timestamp);
        return this;
    }

    /** Seeds committed records; tokens also get their index entries, as the chaincode would have written them. */
    public MockLedger given(final LedgerRecord... records) {
        for (LedgerRecord record : records) {
            committed.put(record.ledgerKey(), Json.bytes(record));
            if (record instanceof Token token) {
                committed.put(Keys.payableIndex(token.obligorId(), token.payableId(), token.id()).toString(),
                        new byte[] {0});
                if (token.status().live()) {
                    committed.put(Keys.holderIndex(token.holderId(), token.id()).toString(), new byte[] {0});
                }
            }
        }
        return this;
    }

    public MockLedger givenValue(final String key, final Object value) {
        committed.put(key, Json.bytes(value));
        return this;
    }

    public MockLedger callerIs(final String mspId, final String enterpriseId, final String role) {
        when(identity.getMSPID()).thenReturn(mspId);
        when(identity.getAttributeValue("scf.enterpriseId")).thenReturn(enterpriseId);
        when(identity.getAttributeValue("scf.role")).thenReturn(role);
        when(identity.getAttributeValue("scf.username")).thenReturn(null);
        when(identity.getId()).thenReturn("x509::CN=" + (enterpriseId != null ? enterpriseId : role) + ",O=" + mspId
                + "::CN=ca." + mspId);
        return this;
    }

    /** The caller keeps its attributes but signs with a user's personal certificate (another Fabric identity). */
    public MockLedger signsAs(final String username) {
        String mspId = identity.getMSPID();
        when(identity.getAttributeValue("scf.username")).thenReturn(username);
        when(identity.getId()).thenReturn("x509::CN=" + username + ",O=" + mspId + "::CN=ca." + mspId);
        return this;
    }

    /** The enterprise is seeded and the caller acts for it with a matching certificate. */
    public MockLedger callerActsFor(final Enterprise enterprise) {
        given(enterprise);
        return callerIs(enterprise.mspId(), enterprise.id(), enterprise.role().name());
    }

    public MockLedger callerIsPlatformAdmin() {
        return callerIs("PlatformMSP", null, "PLATFORM_ADMIN");
    }

    /** A platform admin whose certificate has this Fabric identity id (x509::subject::issuer). */
    public MockLedger callerIsPlatformAdmin(final String certificateId) {
        callerIsPlatformAdmin();
        when(identity.getId()).thenReturn(certificateId);
        return this;
    }

    public MockLedger callerIsAuditor(final String mspId) {
        return callerIs(mspId, null, "AUDITOR");
    }

    /** The caller's certificate is these DER bytes (its certificate id is their SHA-256). */
    public MockLedger callerCertificate(final byte[] der) {
        X509Certificate certificate = mock(X509Certificate.class);
        try {
            when(certificate.getEncoded()).thenReturn(der);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        when(certificate.getSubjectX500Principal()).thenReturn(new X500Principal("CN=user,OU=client"));
        when(identity.getX509Certificate()).thenReturn(certificate);
        return this;
    }

    /** An organisation admin certificate (NodeOU OU=admin) without SCF attributes. */
    public MockLedger callerIsOrgAdmin(final String mspId) {
        callerIs(mspId, null, null);
        X509Certificate certificate = mock(X509Certificate.class);
        when(certificate.getSubjectX500Principal())
                .thenReturn(new X500Principal("CN=Admin@" + mspId + ",OU=admin,O=" + mspId));
        when(identity.getX509Certificate()).thenReturn(certificate);
        return this;
    }

    /** The last value the transaction put under the key, as a record. */
    public <T> T written(final String key, final Class<T> type) {
        byte[] value = puts().get(key);
        assertThat(value).as("a write to %s", key).isNotNull();
        return Json.readRecord(value, type);
    }

    public boolean wasWritten(final String key) {
        return puts().containsKey(key);
    }

    /** The keys put, in the order the transaction put them. */
    public List<String> writtenKeys() {
        return new ArrayList<>(puts().keySet());
    }

    public List<String> deletedKeys() {
        List<String> keys = new ArrayList<>();
        for (Invocation call : calls("delState")) {
            keys.add(call.getArgument(0));
        }
        return keys;
    }

    /** The one event the transaction emitted, parsed. */
    public JsonNode event() {
        List<Invocation> events = calls("setEvent");
        assertThat(events).as("events emitted").hasSize(1);
        try {
            return new ObjectMapper().readTree(events.get(0).<byte[]>getArgument(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String eventName() {
        List<Invocation> events = calls("setEvent");
        assertThat(events).as("events emitted").hasSize(1);
        return events.get(0).getArgument(0);
    }

    /** A refused transaction must leave the ledger exactly as it found it and emit nothing. */
    public void assertUntouched() {
        verify(stub, never()).putState(anyString(), any());
        verify(stub, never()).delState(anyString());
        verify(stub, never()).setEvent(anyString(), any());
    }

    public void assertReadsAtLeastOnce(final String key) {
        verify(stub, atLeast(1)).getState(key);
    }

    public Optional<byte[]> committed(final String key) {
        return Optional.ofNullable(committed.get(key));
    }

    private Map<String, byte[]> puts() {
        Map<String, byte[]> writes = new LinkedHashMap<>();
        for (Invocation call : calls("putState")) {
            writes.put(call.getArgument(0), call.getArgument(1));
        }
        return writes;
    }

    private List<Invocation> calls(final String method) {
        List<Invocation> matching = new ArrayList<>();
        for (Invocation call : mockingDetails(stub).getInvocations()) {
            if (call.getMethod().getName().equals(method)) {
                matching.add(call);
            }
        }
        return matching;
    }

    private List<Map.Entry<String, byte[]>> range(final CompositeKey prefix) {
        String start = prefix.toString();
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : committed.tailMap(start, true).entrySet()) {
            if (!entry.getKey().startsWith(start)) {
                break;
            }
            entries.add(entry);
        }
        return entries;
    }

    /** Fabric's bookmark is the key to resume from; empty once the range is exhausted. */
    private ListIterator page(final CompositeKey prefix, final int pageSize, final String bookmark) {
        List<Map.Entry<String, byte[]>> all = range(prefix);
        int from = 0;
        if (!bookmark.isEmpty()) {
            while (from < all.size() && all.get(from).getKey().compareTo(bookmark) < 0) {
                from++;
            }
        }
        int to = Math.min(all.size(), from + pageSize);
        String next = to < all.size() ? all.get(to).getKey() : "";
        return new ListIterator(all.subList(from, to), next);
    }

    static String utf8(final byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
