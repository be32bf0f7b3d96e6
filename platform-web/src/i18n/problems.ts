/**
 * What each problem code of the API and the chaincode means to the person who met it, in English and Chinese, and
 * what they can do about it (when anything). The codes are contract ErrorCode and platform-api ProblemCode, plus the
 * UI's own NETWORK_ERROR; problems.test.ts fails when either enum gains a code that has no entry here.
 *
 * Each entry: [English message, Chinese message, English action?, Chinese action?].
 */
type Entry = readonly [string, string, string?, string?];

const RETRY = ['Try again in a moment.', '请稍后重试。'] as const;
const ADMIN = ['Ask your platform administrator.', '请联系平台管理员。'] as const;
const RELOAD = ['Reload the page to see the current state.', '请刷新页面查看最新状态。'] as const;

export const PROBLEMS: Record<string, Entry> = {
  NETWORK_ERROR: ['The platform could not be reached.', '无法连接平台。', 'Check your connection and try again.', '请检查网络后重试。'],
  INTERNAL_ERROR: ['Something went wrong on the platform. Nothing was changed.', '平台内部出错，未做任何更改。', ...RETRY],

  VALIDATION_FAILED: ['Some fields are not filled in correctly.', '部分字段填写有误。', 'Check the form and send it again.', '请检查表单后重新提交。'],
  MALFORMED_REQUEST: ['The request could not be read.', '请求无法识别。', ...RELOAD],
  INVALID_ARGUMENT: ['A value was refused by the ledger.', '账本拒绝了某个取值。', 'Check the form and send it again.', '请检查表单后重新提交。'],
  INVALID_AMOUNT: ['The amount is not valid.', '金额无效。', 'Enter an amount above zero, in at most two decimals.', '请输入大于零、最多两位小数的金额。'],
  NOT_ACCEPTABLE: ['The platform cannot answer in the form asked.', '平台无法按所请求的格式应答。', ...RELOAD],
  METHOD_NOT_ALLOWED: ['This action is not available here.', '此处不支持该操作。', ...RELOAD],
  UNSUPPORTED_MEDIA_TYPE: ['This kind of file or data is not accepted.', '不接受此类文件或数据。'],
  IDEMPOTENCY_KEY_INVALID: ['The request could not be sent safely.', '请求无法安全发送。', ...RELOAD],
  IDEMPOTENCY_KEY_IN_FLIGHT: ['The same request is still being processed.', '同一请求仍在处理中。', 'Wait a moment, then reload the page.', '请稍候再刷新页面。'],
  IDEMPOTENCY_KEY_REUSED: ['This request was already sent with different details.', '该请求已以不同内容发送过。', 'Start the action again from the beginning.', '请从头重新操作。'],
  DUPLICATE_REQUEST: ['This request was already made.', '该请求已提交过。', ...RELOAD],
  DUPLICATE_TRANSACTION: ['This transaction was already recorded.', '该交易已记录。', ...RELOAD],
  RATE_LIMITED: ['Too many attempts in a short time.', '短时间内尝试次数过多。', 'Wait a little and try again.', '请稍等片刻再试。'],

  UNAUTHENTICATED: ['You are not logged in, or your session ended.', '您尚未登录或会话已结束。', 'Log in again.', '请重新登录。'],
  INVALID_CREDENTIALS: ['The username or password is wrong.', '用户名或密码错误。', 'Check them and try again.', '请核对后重试。'],
  ACCOUNT_DISABLED: ['This account is disabled.', '该账户已停用。', ...ADMIN],
  FORBIDDEN: ['Your role may not do this.', '您的角色无权执行此操作。', ...ADMIN],
  UNAUTHORIZED: ['The ledger does not let your enterprise do this.', '账本不允许贵企业执行此操作。', ...ADMIN],
  USER_REQUIRED: ['A person must do this, not an API key.', '此操作须由用户本人完成，不能使用 API 密钥。', 'Log in as a user and try again.', '请以用户身份登录后重试。'],
  SAME_APPROVER: ['The second approval must come from a different person.', '第二次审批须由另一人完成。', 'Ask a colleague to approve.', '请由另一位同事审批。'],
  SAME_REVIEWER: ['The final decision must come from a different person than the reviewer.', '最终决定须由审核人以外的人作出。', 'Ask a colleague to decide.', '请由另一位同事决定。'],
  SCOPE_NOT_ALLOWED: ['This API key may not have that permission.', '该 API 密钥不能拥有此权限。'],
  API_KEY_NOT_ALLOWED: ['API keys are not allowed for this enterprise.', '该企业不允许使用 API 密钥。'],
  API_KEY_NOT_FOUND: ['This API key does not exist.', '该 API 密钥不存在。', ...RELOAD],
  ORG_NOT_ALLOWED: ['This organisation may not take that role.', '该组织不能承担此角色。'],
  ROLE_NOT_ALLOWED: ['This role is not allowed here.', '此处不允许该角色。'],
  ROLE_MISMATCH: ['The enterprise has a different role than this needs.', '该企业的角色与此操作不符。'],
  OPERATOR_NOT_REGISTERED: ['The platform operator is not yet registered on the ledger.', '平台运营方尚未在账本登记。', ...ADMIN],

  PASSWORD_TOO_SHORT: ['The password is too short.', '密码太短。', 'Use at least 12 characters.', '请至少使用 12 个字符。'],
  PASSWORD_CONTAINS_USERNAME: ['The password contains the username.', '密码包含用户名。', 'Choose a password without it.', '请选择不含用户名的密码。'],
  PASSWORD_TOO_COMMON: ['The password is too common.', '密码过于常见。', 'Choose a less common password.', '请选择不常见的密码。'],
  PASSWORD_REPEATED_CHARACTER: ['The password is one character repeated.', '密码由同一字符重复组成。', 'Choose a varied password.', '请选择更复杂的密码。'],
  USERNAME_TAKEN: ['This username is already taken.', '该用户名已被使用。', 'Choose another username.', '请换一个用户名。'],
  USER_NOT_FOUND: ['This user does not exist.', '该用户不存在。', ...RELOAD],

  NOT_FOUND: ['This does not exist, or you may not see it.', '该记录不存在，或您无权查看。', 'Check the link or go back to the list.', '请检查链接或返回列表。'],
  RECORD_NOT_FOUND: ['No such record.', '没有该记录。', 'Check the id and try again.', '请核对编号后重试。'],
  RECORD_TYPE_UNKNOWN: ['This kind of record is unknown.', '未知的记录类型。'],
  ENTERPRISE_NOT_FOUND: ['This enterprise does not exist.', '该企业不存在。', 'Check the enterprise id.', '请核对企业编号。'],
  ENTERPRISE_EXISTS: ['An enterprise with this id already exists.', '该编号的企业已存在。', 'Choose another id.', '请换一个编号。'],
  ENTERPRISE_NOT_ACTIVE: ['This enterprise is not active on the platform.', '该企业在平台上未处于有效状态。', 'Choose an active enterprise, or ask your administrator.', '请选择有效企业，或联系平台管理员。'],
  ENTERPRISE_SUSPENDED: ['This enterprise is suspended.', '该企业已被暂停。', ...ADMIN],
  ENTERPRISE_ALREADY_ADMITTED: ['This enterprise is already admitted.', '该企业已准入。', ...RELOAD],
  ALREADY_EXISTS: ['This already exists on the ledger.', '账本上已存在该记录。', ...RELOAD],
  ALREADY_REGISTERED: ['This is already registered on the ledger.', '已在账本登记。', ...RELOAD],
  ALREADY_ACTIVATED: ['This is already activated.', '已激活。', ...RELOAD],
  LEDGER_IDENTITY_MISSING: ['The enterprise has no ledger identity yet.', '该企业尚无账本身份。', 'Enroll its identity first.', '请先为其登记账本身份。'],

  TOKEN_NOT_FOUND: ['This token does not exist, or you do not hold it.', '该债权凭证不存在，或不由您持有。', 'Go back to your tokens.', '请返回我的债权凭证。'],
  TOKEN_NOT_ACTIVE: ['This token can no longer be used: it was split, transferred, financed or settled.', '该债权凭证已不可用：已被拆分、转让、融资或结算。', ...RELOAD],
  TOKEN_ALREADY_IN_APPLICATION: ['This token is already in a financing application.', '该债权凭证已在一笔融资申请中。', 'Open that application instead.', '请打开已有的申请。'],
  CONSERVATION_VIOLATED: ['The parts do not add up exactly to the token.', '各部分金额之和与凭证金额不符。', 'Make the parts add up to the token amount.', '请使各部分之和等于凭证金额。'],
  TOO_MANY_OUTPUTS: ['Too many parts in one split.', '一次拆分的部分过多。', 'Split into fewer parts.', '请减少拆分的部分。'],
  TIER_LIMIT_EXCEEDED: ['The token has passed through the most tiers allowed.', '该凭证流转层级已达上限。'],
  INVALID_COUNTERPARTY: ['This counterparty cannot receive it.', '该交易对手不能接收。', 'Choose an active supplier that is not the obligor.', '请选择非债务人的有效供应商。'],
  INVALID_OBLIGOR: ['This enterprise cannot be the obligor.', '该企业不能作为债务人。'],
  INVALID_BANK: ['This enterprise is not a bank on the platform.', '该企业不是平台上的银行。', 'Choose a bank.', '请选择银行。'],
  INVALID_STATE: ['This is not possible in its current state.', '当前状态下无法执行此操作。', ...RELOAD],
  MATURED: ['The payable has already matured.', '该应付账款已到期。', 'Only settlement is still possible.', '现仅可结算。'],
  NOT_MATURED: ['The payable has not matured yet.', '该应付账款尚未到期。', 'Settle it on or after its maturity date.', '请在到期日或之后结算。'],
  DUPLICATE_INVOICE: ['One of these invoices is already used by another payable.', '其中有发票已被其他应付账款使用。', 'Check the invoice files.', '请核对发票文件。'],
  ANCHOR_MISMATCH: ['The record does not match what the ledger anchored.', '记录与账本锚定的内容不一致。', 'Report this to your auditor.', '请报告审计人员。'],
  AUDIT_LOG_EMPTY: ['The audit log has no entries yet.', '审计日志尚无记录。'],

  FINANCING_NOT_FOUND: ['This financing application does not exist.', '该融资申请不存在。', 'Go back to the list.', '请返回列表。'],
  FINANCING_NOT_EDITABLE: ['This financing application can no longer be changed.', '该融资申请已不能修改。', ...RELOAD],
  FINANCING_DOCUMENTS_MISSING: ['The invoice and the contract must be uploaded first.', '须先上传发票和合同。', 'Upload both documents.', '请上传两份文件。'],
  INVALID_FINANCING_STATE: ['The application is not in a state that allows this.', '该申请当前状态不允许此操作。', ...RELOAD],
  INVALID_TERMS: ['The financing terms are not valid.', '融资条款无效。', 'Check the rate and the amounts.', '请核对利率和金额。'],
  TERMS_MISMATCH: ['The terms changed since you opened them.', '条款在您打开后已变更。', ...RELOAD],
  LIMIT_EXCEEDED: ['The bank has no credit limit in force for this obligor, or it has no room left for this amount.', '该银行对此债务人没有生效的授信额度，或剩余额度不足以覆盖此金额。', 'Ask the bank to set or raise its limit (two bank users confirm it), or apply for less.', '请银行设置或提高额度（需两名银行用户确认），或申请较小金额。'],
  CREDIT_LIMIT_EXCEEDED: ['Approving would exceed the credit limit for this obligor.', '批准将超出该债务人的授信额度。', 'Raise the limit first, or reject.', '请先提高额度，或拒绝申请。'],
  CREDIT_LIMIT_MISSING: ['There is no credit limit for this obligor.', '该债务人尚无授信额度。', 'Set a limit in the portfolio first.', '请先在资产组合中设置额度。'],

  KYC_APPLICATION_NOT_FOUND: ['This KYC application does not exist.', '该准入申请不存在。', ...RELOAD],
  KYC_APPLICATION_OPEN: ['There is already an open KYC application.', '已有一份进行中的准入申请。', 'Continue that one.', '请继续该申请。'],
  KYC_DOCUMENTS_MISSING: ['The business licence and the signatory ID must be uploaded first.', '须先上传营业执照和授权签字人证件。', 'Upload both documents.', '请上传两份文件。'],
  KYC_HASH_MISSING: ['The KYC record has no fingerprint yet.', '准入记录尚无指纹。', ...ADMIN],
  KYC_NOT_EDITABLE: ['This KYC application can no longer be changed.', '该准入申请已不能修改。'],
  KYC_NOT_REVIEWED: ['The application must be reviewed before a decision.', '须先审核再作决定。', 'Review it first.', '请先审核。'],
  INVALID_KYC_STATE: ['The KYC application is not in a state that allows this.', '该准入申请当前状态不允许此操作。', ...RELOAD],

  DOCUMENT_MISSING: ['No file was attached.', '未附文件。', 'Choose a file.', '请选择文件。'],
  DOCUMENT_EMPTY: ['The file is empty.', '文件为空。', 'Choose another file.', '请选择其他文件。'],
  DOCUMENT_UNREADABLE: ['The file could not be read.', '文件无法读取。', 'Choose another file.', '请选择其他文件。'],
  DOCUMENT_TOO_LARGE: ['The file is too large.', '文件过大。', 'Choose a smaller file.', '请选择较小的文件。'],
  DOCUMENT_TYPE_MISMATCH: ['The file is not what its name says.', '文件内容与文件类型不符。', 'Upload a real PDF or image.', '请上传真实的 PDF 或图片。'],
  DOCUMENT_TYPE_NOT_ALLOWED: ['This kind of file is not accepted.', '不接受此类文件。', 'Upload a PDF, PNG or JPEG.', '请上传 PDF、PNG 或 JPEG。'],
  DOCUMENT_NOT_FOUND: ['This document does not exist.', '该文件不存在。', ...RELOAD],
  CSV_MALFORMED: ['The CSV file could not be read.', 'CSV 文件无法读取。', 'Check its columns against the template.', '请对照模板检查列。'],
  CSV_TOO_LARGE: ['The CSV file is too large.', 'CSV 文件过大。', 'Split it into smaller files.', '请拆分为较小的文件。'],

  CONFLICT: ['Someone else changed this at the same time.', '他人同时修改了此记录。', ...RELOAD],
  CONCURRENT_UPDATE: ['Someone else changed this at the same time.', '他人同时修改了此记录。', ...RELOAD],
  MVCC_READ_CONFLICT: ['The ledger was busy with the same record.', '账本上同一记录正被处理。', ...RETRY],
  LEDGER_BUSY: ['The ledger is busy.', '账本繁忙。', ...RETRY],
  LEDGER_TIMEOUT: ['The ledger did not answer in time. The action may or may not have been recorded.', '账本未及时响应，操作可能已记录也可能未记录。', RELOAD[0] + ' Do not repeat it before checking.', RELOAD[1] + '核实前请勿重复操作。'],
  LEDGER_NOT_READY: ['The ledger is not ready yet.', '账本尚未就绪。', ...RETRY],
  LEDGER_NOT_CONFIGURED: ['The platform is not connected to the ledger.', '平台未连接账本。', ...ADMIN],
  LEDGER_ERROR: ['The ledger could not complete the action. Nothing was changed.', '账本未能完成操作，未做任何更改。', ...RETRY],
  LEDGER_SUBMIT_FAILED: ['The action could not be sent to the ledger. Nothing was changed.', '操作未能提交至账本，未做任何更改。', ...RETRY],
  PEER_UNAVAILABLE: ['The ledger cannot be reached right now.', '暂时无法连接账本。', ...RETRY],
  DATABASE_UNAVAILABLE: ['The platform cannot reach its records right now. Nothing was changed.', '平台暂时无法访问记录，未做任何更改。', ...RETRY],
  KYC_NOT_ANCHORED: ['The enterprise\'s verified documents are not yet sealed on the ledger.', '该企业的核验资料尚未在账本上存证。', ...ADMIN],
  ENTERPRISE_NOT_SUSPENDED: ['This enterprise is not suspended.', '该企业未被暂停。', ...RELOAD],
  DOCUMENT_MALFORMED: ['The file is damaged or is not really the kind of file it claims to be.', '文件已损坏，或与其声称的类型不符。', 'Export the document again and upload the new file.', '请重新导出文件后再上传。'],
  SELF_CUSTODY: ['This enterprise signs with its own keys; nobody else can act for it.', '该企业使用自有密钥签名，他人不能代其操作。', 'Ask the enterprise to do this itself.', '请由该企业自行操作。'],
  CSR_INVALID: ['The certificate request could not be used.', '证书申请无法使用。', 'Create a new key and request again.', '请重新生成密钥后再次申请。'],
  SIGNATURE_MALFORMED: ['The signature could not be read.', '无法读取签名。', 'Sign again with your key.', '请用您的密钥重新签名。'],
  SIGNATURE_NOT_LOW_S: ['The signature is not in the form the ledger accepts.', '签名格式不被账本接受。', 'Sign again with your key.', '请用您的密钥重新签名。'],
  SIGNATURE_INVALID: ['The signature does not match your key or what was to be signed. Nothing was written.', '签名与您的密钥或待签内容不符，未写入任何内容。', 'Sign again with your key.', '请用您的密钥重新签名。'],
  SIGNING_SESSION_NOT_FOUND: ['This signing request no longer exists.', '该签名请求已不存在。', 'Start the action again from the beginning.', '请从头重新操作。'],
  SIGNING_STEP_OUT_OF_ORDER: ['The signatures arrived in the wrong order.', '签名顺序有误。', 'Start the action again from the beginning.', '请从头重新操作。'],
  SIGNING_KEY_MISSING: ['Your enterprise signs with its own keys, and this browser holds no key of yours. Nothing was written.', '贵企业使用自有密钥签名，而此浏览器中没有您的密钥，未写入任何内容。', 'Create your key, or restore it from your backup, on the Signing key page.', '请在“签名密钥”页面创建密钥，或从备份恢复。'],
  SIGNING_SESSION_EXPIRED: ['The time to sign ran out. Nothing was written.', '签名时限已过，未写入任何内容。', 'Start the action again from the beginning.', '请从头重新操作。'],
  ORDERER_UNAVAILABLE: ['The ledger cannot record actions right now.', '账本暂时无法记录操作。', ...RETRY],
  ENDORSEMENT_POLICY_FAILURE: ['Not enough ledger members agreed to this action. Nothing was changed.', '账本成员背书不足，未做任何更改。', ...RETRY],
  CHAINCODE_FAILURE: ['The ledger refused the action. Nothing was changed.', '账本拒绝了该操作，未做任何更改。', ...ADMIN],
  TRANSACTION_INVALID: ['The ledger did not record the action. Nothing was changed.', '账本未记录该操作，未做任何更改。', ...RETRY],
  COMMIT_STATUS_FAILED: ['The ledger did not record the action. Nothing was changed.', '账本未记录该操作，未做任何更改。', ...RETRY],
  COMMIT_STATUS_UNKNOWN: ['It is not yet known whether the ledger recorded the action.', '尚不清楚账本是否已记录该操作。', RELOAD[0] + ' Do not repeat it before checking.', RELOAD[1] + '核实前请勿重复操作。'],
  UNKNOWN_TRANSACTION: ['The ledger does not know this action.', '账本中没有该操作。', ...ADMIN],
  CHECK_INTERRUPTED: ['The check was interrupted.', '检查被中断。', ...RETRY],
  CA_UNAVAILABLE: ['The certificate authority cannot be reached.', '无法连接证书颁发机构。', ...RETRY],
  CA_NOT_CONFIGURED: ['No certificate authority is configured.', '未配置证书颁发机构。', ...ADMIN],
  CA_REJECTED: ['The certificate authority refused the request.', '证书颁发机构拒绝了请求。', ...ADMIN],
  CA_BAD_RESPONSE: ['The certificate authority gave an answer that could not be used.', '证书颁发机构的应答无法使用。', ...ADMIN],
};

/** The message and action dictionaries of one language, for i18n: problem.CODE and problemAction.CODE. */
export function problemMessages(language: 'en' | 'zh'): { problem: Record<string, string>; problemAction: Record<string, string> } {
  const problem: Record<string, string> = {};
  const problemAction: Record<string, string> = {};
  for (const [code, [en, zh, enAction, zhAction]] of Object.entries(PROBLEMS)) {
    problem[code] = language === 'en' ? en : zh;
    const action = language === 'en' ? enAction : zhAction;
    if (action) problemAction[code] = action;
  }
  return { problem, problemAction };
}
