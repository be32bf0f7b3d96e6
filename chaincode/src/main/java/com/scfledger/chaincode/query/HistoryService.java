package com.scfledger.chaincode.query;

import java.util.List;

import com.scfledger.chaincode.anchor.AnchorService;
import com.scfledger.chaincode.enterprise.EnterpriseService;
import com.scfledger.chaincode.financing.CreditLimitService;
import com.scfledger.chaincode.financing.FinancingService;
import com.scfledger.chaincode.ledger.Args;
import com.scfledger.chaincode.ledger.Caller;
import com.scfledger.chaincode.ledger.Invocation;
import com.scfledger.chaincode.ledger.Keys;
import com.scfledger.chaincode.ledger.ScfException;
import com.scfledger.chaincode.ledger.WorldState;
import com.scfledger.chaincode.payable.PayableService;
import com.scfledger.chaincode.policy.ApprovalPolicyService;
import com.scfledger.chaincode.token.TokenStore;
import com.scfledger.contract.ErrorCode;
import com.scfledger.contract.RecordKeys;
import com.scfledger.contract.anchor.Anchor;
import com.scfledger.contract.enterprise.Admission;
import com.scfledger.contract.enterprise.Enterprise;
import com.scfledger.contract.financing.ApprovalPolicy;
import com.scfledger.contract.financing.CreditLimit;
import com.scfledger.contract.financing.Financing;
import com.scfledger.contract.financing.FinancingApproval;
import com.scfledger.contract.ledger.LedgerSettings;
import com.scfledger.contract.ledger.RecordVersion;
import com.scfledger.contract.ledger.RequestRecord;
import com.scfledger.contract.payable.Payable;
import com.scfledger.contract.token.Token;

/**
 * GetHistory over the record keys documented in docs/chaincode.md, and GetRequest. A caller may read the history
 * of a record exactly when it may read the record itself, so each key is first read through its own access rule.
 */
public final class HistoryService {

    private final EnterpriseService enterprises;
    private final PayableService payables;
    private final FinancingService financings;
    private final AnchorService anchors;
    private final ApprovalPolicyService policies;
    private final CreditLimitService creditLimits;

    public HistoryService(final EnterpriseService enterprises, final PayableService payables,
            final FinancingService financings, final AnchorService anchors, final ApprovalPolicyService policies,
            final CreditLimitService creditLimits) {
        this.enterprises = enterprises;
        this.payables = payables;
        this.financings = financings;
        this.anchors = anchors;
        this.policies = policies;
        this.creditLimits = creditLimits;
    }

    public List<? extends RecordVersion<?>> history(final Invocation inv, final String key) {
        String[] parts = key == null ? new String[0] : key.split(":", -1);
        String kind = parts.length == 0 ? "" : parts[0];
        WorldState state = inv.state();
        switch (kind) {
            case RecordKeys.ENTERPRISE -> {
                requireParts(key, parts, 2);
                enterprises.get(inv, Args.id("key", parts[1]));
                return state.history(key, Enterprise.class);
            }
            case RecordKeys.PAYABLE -> {
                requireParts(key, parts, 3);
                payables.get(inv, Args.id("key", parts[1]), Args.id("key", parts[2]));
                return state.history(key, Payable.class);
            }
            case RecordKeys.TOKEN -> {
                requireParts(key, parts, 2);
                TokenStore.requireReadable(inv, Args.id("key", parts[1]));
                return state.history(key, Token.class);
            }
            case RecordKeys.FINANCING -> {
                requireParts(key, parts, 2);
                financings.get(inv, Args.id("key", parts[1]));
                return state.history(key, Financing.class);
            }
            case RecordKeys.FINANCING_APPROVAL -> {
                requireParts(key, parts, 2);
                financings.get(inv, Args.id("key", parts[1]));
                return state.history(key, FinancingApproval.class);
            }
            case RecordKeys.APPROVAL_POLICY -> {
                requireParts(key, parts, 2);
                policies.get(inv, Args.id("key", parts[1]));
                return state.history(key, ApprovalPolicy.class);
            }
            case RecordKeys.CREDIT_LIMIT -> {
                requireParts(key, parts, 4);
                creditLimits.get(inv, Args.id("key", parts[1]), Args.id("key", parts[2]), Args.currency("key", parts[3]));
                return state.history(key, CreditLimit.class);
            }
            case RecordKeys.ANCHOR -> {
                requireParts(key, parts, 3);
                anchors.get(inv, Args.recordType("key", parts[1]), Args.id("key", parts[2]));
                return state.history(key, Anchor.class);
            }
            case RecordKeys.ADMISSION -> {
                requireParts(key, parts, 2);
                Args.id("key", parts[1]);
                if (!inv.caller().readsEverything()) {
                    throw ScfException.of(ErrorCode.UNAUTHORIZED, "only readers of everything see admissions");
                }
                return state.history(key, Admission.class);
            }
            case RecordKeys.SETTINGS -> {
                if (!RecordKeys.LEDGER_SETTINGS.equals(key)) {
                    throw invalidKey(key);
                }
                inv.caller();
                return state.history(key, LedgerSettings.class);
            }
            default -> throw invalidKey(key);
        }
    }

    /** Which transaction used a request id: for a client that lost the response to a submit. */
    public RequestRecord request(final Invocation inv, final String requestId) {
        RequestRecord record = inv.state().require(Keys.request(requestId), RequestRecord.class,
                "request " + requestId);
        Caller caller = inv.caller();
        boolean sameSubmitter = caller.mspId().equals(record.mspId())
                && (record.enterpriseId() == null ? caller.enterpriseId() == null
                        : caller.actsFor(record.enterpriseId()));
        if (!caller.readsEverything() && !sameSubmitter) {
            throw ScfException.of(ErrorCode.UNAUTHORIZED, "request " + requestId
                    + " was not made by this identity's enterprise");
        }
        return record;
    }

    private static void requireParts(final String key, final String[] parts, final int count) {
        if (parts.length != count) {
            throw invalidKey(key);
        }
    }

    private static RuntimeException invalidKey(final String key) {
        return ScfException.of(ErrorCode.INVALID_ARGUMENT, "key " + key
                + " is not a record key: expected enterprise:<id>, "
                + "payable:<obligorId>:<payableId>, token:<id>, financing:<id>, financingApproval:<id>, "
                + "approvalPolicy:<bankId>, creditLimit:<bankId>:<obligorId>:<currency>, "
                + "anchor:<recordType>:<recordId>, admission:<enterpriseId> or "
                + RecordKeys.LEDGER_SETTINGS);
    }
}
