package com.scfledger.contract;

/**
 * The wire name of every transaction, once. They are compile-time constants because the chaincode's
 * {@code @Transaction(name = ...)} annotations need them; clients use {@link Transaction}, which refers to these.
 * A name is never changed: the running network and its clients call transactions by it.
 */
public final class TransactionNames {

    /** The contract that holds the health probe; its transactions are called as {@code health:<name>}. */
    public static final String HEALTH_CONTRACT = "health";

    public static final String PROPOSE_ADMISSION = "ProposeAdmission";
    public static final String REGISTER_ENTERPRISE = "RegisterEnterprise";
    public static final String SUSPEND_ENTERPRISE = "SuspendEnterprise";
    public static final String REINSTATE_ENTERPRISE = "ReinstateEnterprise";
    public static final String GET_ENTERPRISE = "GetEnterprise";
    public static final String SET_ENTERPRISE_CUSTODY = "SetEnterpriseCustody";

    public static final String REGISTER_PAYABLE = "RegisterPayable";
    public static final String REGISTER_PAYABLES = "RegisterPayables";
    public static final String ACCEPT_PAYABLE = "AcceptPayable";
    public static final String REJECT_PAYABLE = "RejectPayable";
    public static final String GET_PAYABLE = "GetPayable";
    public static final String GET_PAYABLE_TREE = "GetPayableTree";

    public static final String SPLIT_TRANSFER = "SplitTransfer";
    public static final String GET_TOKEN = "GetToken";
    public static final String GET_LINEAGE = "GetLineage";
    public static final String LIST_TOKENS_BY_HOLDER = "ListTokensByHolder";

    public static final String REQUEST_FINANCING = "RequestFinancing";
    public static final String APPROVE_FINANCING = "ApproveFinancing";
    public static final String REJECT_FINANCING = "RejectFinancing";
    public static final String CANCEL_FINANCING = "CancelFinancing";
    public static final String GET_FINANCING = "GetFinancing";
    public static final String GET_FINANCING_APPROVAL = "GetFinancingApproval";
    public static final String SET_APPROVAL_POLICY = "SetApprovalPolicy";
    public static final String GET_APPROVAL_POLICY = "GetApprovalPolicy";
    public static final String SET_CREDIT_LIMIT = "SetCreditLimit";
    public static final String GET_CREDIT_LIMIT = "GetCreditLimit";

    public static final String SETTLE_TOKEN = "SettleToken";
    public static final String SETTLE_PAYABLE = "SettlePayable";

    public static final String ANCHOR_RECORD = "AnchorRecord";
    public static final String GET_ANCHOR = "GetAnchor";
    public static final String GET_ANCHOR_VERSIONS = "GetAnchorVersions";

    public static final String UPDATE_LEDGER_SETTINGS = "UpdateLedgerSettings";
    public static final String SET_BUSINESS_ZONE = "SetBusinessZone";
    public static final String GET_LEDGER_SETTINGS = "GetLedgerSettings";
    public static final String GET_HISTORY = "GetHistory";
    public static final String GET_REQUEST = "GetRequest";


    public static final String PING = "Ping";
    public static final String RECORD_HEARTBEAT = "RecordHeartbeat";
    public static final String GET_HEARTBEAT = "GetHeartbeat";

    private TransactionNames() {
    }
}
