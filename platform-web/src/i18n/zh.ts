import type { Dictionary } from './en';
import { problemMessages } from './problems';

type Loose<T> = { [K in keyof T]: T[K] extends string ? string : Loose<T[K]> };

export const zh: Loose<Dictionary> = {
  app: { name: 'SCF 链上供应链金融' },
  nav: {
    audit: '审计', main: '主导航', menu: '菜单', language: '语言', logout: '退出', supplierDashboard: '概览', tokens: '我的债权凭证', financing: '融资',
    underwriting: '审批队列', portfolio: '资产组合', payables: '应付账款', registerPayable: '登记应付账款', import: 'CSV 导入',
    calendar: '结算日历', enterprises: '企业', kyc: 'KYC 审核', signingKey: '签名密钥',
  },
  role: { PLATFORM_ADMIN: '平台管理员', CORE: '核心企业', SUPPLIER: '供应商', BANK: '银行', AUDITOR: '审计员' },
  enterpriseRole: { CORE: '核心企业', SUPPLIER: '供应商', BANK: '银行', PLATFORM: '平台' },
  status: {
    PENDING_ACCEPTANCE: '待签收', ACTIVE: '有效', SPENT: '已拆分或转让', FINANCING_PENDING: '融资中', FINANCED: '已融资',
    SETTLED: '已结清', REJECTED: '已拒绝', ACCEPTED: '已签收',
    AWAITING_SECOND_APPROVAL: '待复核', APPROVED: '已批准', CANCELLED: '已撤销', PENDING: '待处理',
    RUNNING: '进行中', QUEUED: '排队中', FAILED: '失败', SUSPENDED: '已暂停', SUBMITTED: '已提交',
    REGISTERED: '已登记', DRAFT: '草稿', NONE: '无', DISBURSED: '已放款', APPROVING: '账本审批中', REVIEWED: '已初审（待复核）', MORE_INFO_REQUESTED: '待补充信息', POSSIBLE_DUPLICATE: '疑似重复', NOT_ANCHORED: '未上链存证', ALREADY_REGISTERED: '此前已登记', INVALID: '无效', COMPLETED: '已完成', CLEAR: '无重复', VERIFIED: '已验证', TAMPERED: '被篡改', SUPERSEDED: '已被他人重新存证',
  },
  docKind: { INVOICE: '发票', CONTRACT: '合同', BUSINESS_LICENCE: '营业执照', SIGNATORY_ID: '授权签字人身份证件' },
  action: { accept: '签收', reject: '拒绝', approve: '批准', settle: '结算', create: '创建' },
  common: {
    scrollable: '可左右滚动',
    actions: '操作', all: '全部', search: '搜索', close: '关闭', filters: '筛选', loading: '加载中…', matured: '已到期', none: '暂无',
    required: '必填', retry: '重试', unknown: '未提供', tokenCount_one: '{{count}} 个凭证', tokenCount_other: '{{count}} 个凭证',
    daysLeft_one: '剩余 {{count}} 天', daysLeft_other: '剩余 {{count}} 天',
  },
  error: {
    title: '请求失败', retryAfter: '请 {{seconds}} 秒后重试。', transaction: '账本交易',
    details: '详细信息', status: '状态码', code: '错误码', requestId: '请求编号', fields: '字段', serverSaid: '服务器消息',
    refused: '平台拒绝了该请求。', failed: '平台未能完成该请求，未做任何更改。',
    forbiddenTitle: '无权访问', forbiddenBody: '此页面属于其他角色。', notFoundTitle: '页面不存在',
  },
  amount: {
    hint: '请输入阿拉伯数字金额；字段下方显示系统理解的金额。',
    error: {
      empty: '请输入金额', format: '不是有效数字', tooManyDecimals: '最多 {{digits}} 位小数', notPositive: '必须大于零',
      ambiguous: '分隔符有歧义：小数请用“{{decimal}}”，“{{group}}”只能用于每三位数字之间（1{{group}}234{{group}}567{{decimal}}89）',
    },
  },
  confirm: {
    cancel: '取消', amount: '金额', counterparty: '交易对手', irreversible: '此操作不可撤销',
    register: { title: '在账本上登记应付账款 {{payable}}？', consequence: '该应付账款将作为贵企业到期向收款方付款的承诺记入账本，不能修改或删除；收款方只能签收或拒收。' },
    accept: { title: '签收应付账款 {{payable}}？', consequence: '您将获得该金额的债权凭证，可拆分、转让或融资。签收记入账本后不能撤回。' },
    reject: { consequence: '该应付账款将在账本上被永久拒收；债务人须重新登记。' },
    split: { title_one: '拆分并转让为 {{count}} 部分？', title_other: '拆分并转让为 {{count}} 部分？', recipients: '接收方', consequence: '账本上原凭证将被各部分取代，各部分立即归接收方所有。只有接收方能再转让，您无法收回。' },
    approve: { title: '批准融资 {{application}}？', first: '您的批准将记入账本；还须另一位银行用户复核后凭证才会被融资。', final: '凭证将在账本上完成融资，供应商对其的权利转给银行。此操作不可撤销。' },
    rejectApplication: { consequence: '该申请将被永久关闭，并告知供应商原因。' },
    withdraw: { title: '撤回申请 {{application}}？', consequence: '申请关闭后不能重新打开；凭证可用于新的申请。' },
    settle: { consequence: '该应付账款及其所有凭证将在账本上标记为已付款。此操作不可撤销。' },
  },
  login: {
    subtitle: '基于 Hyperledger Fabric 的供应链金融平台', username: '用户名', password: '密码', submit: '登录',
    usernameRequired: '请输入用户名', passwordRequired: '请输入密码', expired: '会话已过期，请重新登录。',
  },
  field: {
    advance: '放款金额', amount: '金额', applicant: '申请人', application: '申请', bank: '银行', beneficiary: '收款方',
    createdAt: '创建时间', currency: '币种', dayCount: '计息基准', days: '天数', daysLeft: '剩余天数', discount: '贴现息',
    documentHash: '单据指纹', fingerprintTip: '文件的 SHA-256 哈希值：无需把文件存上链即可证明文件内容。', financing: '融资', holder: '持有人', invoiceFingerprints: '发票指纹', issueDate: '开立日',
    maturity: '到期日', maturityMonth: '到期月份', obligor: '债务人', parent: '拆分自', payable: '应付账款', paymentReference: '付款流水号',
    rate: '年利率', reason: '原因', requestedAt: '申请时间', role: '角色', status: '状态', tier: '层级', tierN: '第 {{n}} 级', tierTip: '第 1 级是应付账款的直接收款供应商；每向下转让一次加一级。', token: '凭证', valueDate: '起息日',
  },
  lineage: {
    payable: '应付账款', detached: '上级凭证对您不可见', listLabel: '流转链列表',
    chartLabel: '应付账款 {{payable}} 的流转树：{{count}} 个凭证，{{depth}} 层',
  },
  split: {
    title: '拆分转让', formLabel: '拆分转让', tokenAmount: '凭证金额', recipient: '接收方 {{n}}',
    amount: '金额（{{currency}}）', addPart: '添加一份', keepRemainder: '余额留给自己',
    removePart: '删除第 {{n}} 份', allocated: '已分配 {{total}} / {{of}}', exact: '各部分合计恰好相等',
    remaining: '还剩 {{amount}} 未分配', over: '超出 {{amount}}', submit: '拆分并转让', done: '拆分已记入账本', doneSaid: '各部分现已归接收方所有。',
    error: {
      recipient: { required: '请选择接收方', format: '只能包含字母、数字、. _ -', obligor: '债务人不能接收自己的应付账款' },
      amount: {
        empty: '请输入金额', format: '不是有效数字', tooManyDecimals: '最多 {{digits}} 位小数', notPositive: '必须大于零',
        ambiguous: '分隔符有歧义：小数请用“{{decimal}}”，“{{group}}”只能用于每三位数字之间（1{{group}}234{{group}}567{{decimal}}89）',
        belowMinUnit: '低于最小单位',
      },
    },
  },
  supplier: {
    dashboard: {
      title: '供应商概览', applicationCount_one: '{{count}} 笔申请已批准', applicationCount_other: '{{count}} 笔申请已批准',  holdings: '持有', pending: '待签收', financed: '已融资', byMaturity: '按到期月份的持有',
      noHoldings: '没有有效凭证', pendingTitle: '待签收', noPending: '没有待签收的应付账款', accepted: '已签收应付账款 {{payable}}',
      rejectTitle: '拒绝应付账款 {{payable}}', rejectBody: '该应付账款将以“已拒绝”退回 {{obligor}}，且不可撤销。', applications: '融资申请',
    },
    tokens: { title: '我的债权凭证' },
    token: { title: '凭证', lineage: '追溯至应付账款的流转链', split: '拆分转让', finance: '申请融资' },
  },
  financing: {
    new: {
      title: '申请融资', application: '申请', pickToken: '选择一个有效凭证', bankHelp: '银行的企业编号',
      invoice: '发票', contract: '合同', fileHelp: 'PDF、PNG 或 JPEG，每个不超过 10 MB', choose: '选择文件', chooseInvoice: '选择发票文件', chooseContract: '选择合同文件', submit: '提交申请',
      invoiceNumbers: '发票号码', invoiceNumbersHelp: '逐个输入并回车；银行会与其他申请比对',
      stepDraft: '草稿', stepDocuments: '上传单据', stepSubmit: '提交（上链存证并锁定凭证）',
    },
    pricing: { title: '报价预览', pick: '选择凭证并输入利率后显示贴现息与放款金额。', help: '由 API 按账本的 ACT/360 公式自今天起计算；利率由银行在批准时确定。' },
    docs: { kind: '类型', file: '文件', size: '字节' },
    list: { title: '融资申请' },
    status: { title: '申请', approved: '融资已批准', terms: '条款', timeline: '状态时间线', documents: '单据', recordHash: '记录指纹（已锚定上链）', cancel: '撤回', cancelled: '申请已撤回' },
  },
  fourEyes: {
    label: '审批步骤', requested: '已申请', maker: '初审（经办）', checker: '复核（复核人）', approved: '已批准', disbursed: '已放款', confirm: '确认（复核批准）',
    waiting: '等待中', waitingOther: '等待另一位银行用户',
    explain: '超过银行设定金额时需要两位不同用户批准：复核人不能是经办人。',
    explainAmount: '超过 {{amount}} 需两位不同银行用户批准：复核人不能是经办人。',
    youApproved: '您已完成初审，须由另一位银行用户复核。',
    youCheck: '{{maker}} 已按 {{rate}} 初审；您作为另一位银行用户进行复核。',
  },
  bank: {
    queue: { title: '审批队列', open: '待处理（{{count}}）', decided: '已决定（{{count}}）' },
    app: {
      title: '融资申请', facts: '申请信息', kyc: '申请人 KYC', duplicate: '重复发票检查', obligorExposure: '对 {{obligor}} 的敞口与额度', inUse: '已占用（已批准未结清）', reserved: '预占（已申请未决）', pending: '其中等待审批', noKyc: '无 KYC 记录', anchored: '（已上链存证）', ledgerAnchor: '本申请的链上存证', pricingMismatch: '本地预览与 API 报价不一致；以 API 为准。', disburseTitle: '放款', disburse: '记录放款',
      exposure: '在本行的敞口', limit: '授信额度', noLimit: '未设额度', available: '可用额度', used: '额度使用',
      overLimit: '批准将超出可用额度 {{amount}}', pricing: '定价', rateBps: '年利率（万分之一：450 = 4.50%）', rateBpsTip: '基点（bp）：1 bp = 0.01%。', perYear: '每年',
      pricingNote: '按账本的 ACT/360 公式、以今天为起息日预览；批准时由账本计算最终条款。',
      pricingError: { rate: '利率须在 0–10000 基点之间', matured: '凭证今天或更早到期', noAdvance: '该利率下没有可放款金额' },
      decision: '审批决定', disbursement: '放款流水号', approvedMsg: '已记录批准：{{status}}', rejectTitle: '拒绝申请',
    },
    portfolio: { title: '资产组合', byObligor: '按债务人的敞口', ladder: '到期阶梯', limits: '各债务人授信额度', setLimit: '设置额度', limitSet: '已设置 {{obligor}} 的额度', limitProposed: '已提议 {{obligor}} 的额度，待另一位银行用户确认', proposed: '已提议（待复核）', confirmLimit: '确认', proposedBy: '提议人 {{user}}', none: '尚无已批准的融资', financedFace: '已融资（票面金额）' },
  },
  core: {
    payables: { title: '应付账款' },
    payable: { title: '应付账款', tree: '凭证树' },
    register: {
      title: '登记应付账款', submit: '登记上链', done: '应付账款 {{payable}} 已登记', tx: '交易', block: '区块',
      doneSaid: '{{beneficiary}} 现可签收 {{amount}}，到期日 {{maturity}}。账本记录：',
      another: '继续登记', open: '查看应付账款', hex: '指纹为 64 位字符，仅含 0–9 和 a–f', idFormat: '字母、数字、. _ -（最多 64 位）',
      maturityAfter: '到期日须晚于开立日', fingerprintHelp: 'ERP 生成的发票指纹，每行一个；或在此对发票文件计算哈希。',
      hashInvoice: '计算发票文件哈希…', hashDocument: '计算应付单据哈希…',
    },
    settle: { title: '结算应付账款 {{payable}}', body: '记录债务人已付款', done: '已记录结算' },
    import: {
      title: 'CSV 导入', help: '每行一笔应付账款，首行为以下表头（列顺序不限）。金额为最小货币单位，日期为 YYYY-MM-DD，多个指纹用 ; 分隔。',
      drop: '点击或拖入 CSV 文件', missing: '缺少列：{{columns}}', rows_one: '{{count}} 行', rows_other: '{{count}} 行', start: '导入',
      progress: '导入进度', pace: '{{rowsPerSecond}} 行/秒', summary: '已处理 {{processed}} / {{total}}，失败 {{failed}}',
      result: '结果', invalid: '无效：{{fields}}', waiting: '等待中',
    },
    calendar: {
      title: '结算日历', previous: '上个月', next: '下个月', count_one: '{{count}} 笔到期', count_other: '{{count}} 笔到期', due: '{{date}} 到期', none: '当天没有到期款项', upcoming: '即将到期', noneUpcoming: '没有待结算款项',
    },
  },
  admin: {
    enterprises: {
      title: '企业', create: '新建企业', id: '企业编号', idFormat: '3–64 位：A–Z、0–9、_ 或 -', name: '名称', org: '组织',
      kyc: 'KYC 哈希', kycHash: 'KYC 记录指纹', kycHashHelp: '上链登记前必须提供',
      custody: '密钥保管', custodyPLATFORM: '平台代管', custodySELF: '企业自管',
    },
    users: {
      add: '添加用户', create: '为 {{enterprise}} 新建用户', created: '已创建用户 {{username}}', usernameFormat: '3–100 位：字母、数字、. _ @ -',
      passwordLength: '至少 12 个字符',
    },
    onboard: {
      button: '上链开通', title: '为 {{enterprise}} 开通账本身份', start: '注册并登记', ready: '就绪',
      enroll: '在组织 CA 注册身份', register: '在账本上登记', active: '已生效',
      proposed: '已在账本上提议：须由另一位平台管理员再次开通以确认准入。',
    },
    zone: {
      title: '业务时区', current: '时区', today: '今日业务日期', pick: '新时区', apply: '更改…',
      confirm: '将业务时区设为 {{zone}}？',
      consequence: '自下一笔账本交易起，到期、结算和默认日期中的“今天”均按 {{zone}} 的日期计算。此更改将记录在账本上。',
      ok: '设置时区',
    },
    suspension: {
      suspend: '暂停', reinstate: '恢复',
      suspendConfirm: '暂停 {{enterprise}}？暂停后它不能在账本上交易或接收凭证，其用户将被登出。',
      reinstateConfirm: '恢复 {{enterprise}}？它将可以重新在账本上交易。',
    },
    kyc: {
      title: 'KYC 审核队列', legalName: '法定名称', uscc: '统一社会信用代码', firstReviewer: '初审人', review: '开始审核',
      moreDocs: '要求补充材料', notYourOwn: '您做了初审：须由另一位管理员批准', account: '结算账户', contact: '联系人',
      approver: '批准人', ledger: '账本登记', resume: '继续账本开通', rejectTitle: '拒绝申请',
      help: '双人复核：一位管理员初审，另一位管理员批准；批准后注册企业身份、在账本登记并存证 KYC 记录。',
    },
  },
  ...problemMessages('zh'),
  selfCustody: {
    title: '我的签名密钥',
    custodySelf: '{{enterpriseId}} 自行保管密钥', custodySelfWhy: '您在账本上的每项操作都在此浏览器中用您自己的密钥签名。平台从不接触该密钥，账本记录由您本人签名。',
    custodyPlatform: '{{enterpriseId}} 的密钥目前由平台代管', custodyPlatformWhy: '在此创建密钥后，贵企业改为自行保管密钥：此后其每位用户都用自己的密钥签署账本操作，平台代管的密钥将被销毁。',
    ready: '此浏览器持有您的密钥', subject: '证书主体', fingerprint: '证书指纹（SHA-256）', enrollmentId: '登记标识', msp: '组织（MSP）', keyHeld: '私钥', nonExtractable: '保存在此浏览器中，不可导出',
    lostHint: '在其他浏览器上，可用下方的备份文件恢复密钥。浏览器和备份都丢失了？请创建新密钥：旧证书会立即在账本上停用并被吊销。',
    notEnrolled: '此浏览器中的密钥没有有效证书', enroll: '为此密钥申请证书',
    create: {
      title: '创建密钥', replaceTitle: '更换密钥',
      explain: '在此浏览器中生成并保存一把 P-256 密钥；只有证书申请会发送到贵组织的证书颁发机构。',
      replaces: '新密钥将取代您现有的密钥：旧证书会在账本上停用。',
      withBackup: '下载加密的密钥备份（仅此时可以）',
      passphrase: '备份口令（至少 {{min}} 个字符）', passphraseHint: '没有人能替您找回口令：没有它将无法打开备份。',
      confirm: '再次输入口令', mismatch: '两次输入的口令不一致。', button: '创建我的密钥',
    },
    restore: {
      title: '从备份恢复密钥', explain: '选择创建密钥时下载的备份文件，并输入其口令。',
      file: '备份文件', passphrase: '口令', button: '恢复密钥',
      otherOwner: '此备份属于 {{enterpriseId}} 的 {{username}}，不属于您。',
      noCertificate: '密钥已恢复，但没有有效证书：它已被更换。请创建新密钥。',
    },
    backupError: { format: '此文件不是本平台的密钥备份。', passphrase: '口令无法打开此备份（或文件已被修改）。' },
    busy: { backup: '正在生成密钥并加密备份…', enroll: '正在向证书颁发机构申请证书…', restore: '正在打开备份…' },
    banner: {
      missing: '在账本上操作之前，请先创建您的签名密钥', notEnrolled: '此浏览器中的密钥没有有效证书',
      why: '贵企业用其用户自己的密钥签署账本操作。请在此浏览器中创建密钥，或从备份恢复。',
      go: '创建或恢复我的密钥',
    },
    signing: '正在用您的密钥签署 {{transaction}}', signingProposal: '第 1 步（共 2 步）：交易提案', signingTransaction: '第 2 步（共 2 步）：已背书的交易',
  },
  audit: {
    title: '审计',
    chain: {
      title: '审计日志完整性', help: '每次写操作都会记入日志，每条记录与前一条一起封存；检查会重新计算所有封存值，并把日志末尾与账本上的最近副本比对。',
      verify: '检查整个日志', result: '结果', INTACT: '完整：没有记录被修改、删除或插入', BROKEN: '已损坏：日志被改动',
      checked: '已检查条数', checkedCount: '{{checked}} / {{total}}', firstBroken: '第一条损坏记录', checkpoint: '账本上的最近副本',
    },
    break: { ENTRY_ALTERED: '记录被修改', CHAIN_BROKEN: '之前有记录被删除或插入', SEQUENCE_GAP: '缺少记录', CHECKPOINT_MISSING: '末尾记录被删除' },
    checkpoint: { FOUND: '日志中存在', MISSING: '日志中已不存在', NOT_ANCHORED: '尚无', EMPTY_LOG: '日志为空', UNAVAILABLE: '账本未响应' },
    record: {
      title: '核对记录与账本', type: '记录类型', id: '记录编号', verify: '核对', result: '结果', anchoredAt: '账本存证时间',
      fingerprints: '指纹', computed: '当前计算值', anchored: '账本存证值',
      types: { FINANCING_APPLICATION: '融资申请', KYC: 'KYC 申请' },
      explain: { VERIFIED: ' 记录与账本存证时完全一致。', TAMPERED: ' 记录与账本存证的内容不一致。', NOT_ANCHORED: ' 记录尚未在账本存证。', SUPERSEDED: ' 记录与所有者首次存证一致，但之后有所有者以外的人存证了新版本。' },
    },
    entries: {
      title: '审计日志', enterprise: '企业编号', when: '时间', who: '操作人', what: '操作', outcome: '结果', ledger: '账本交易',
      done: '已完成', refused: '被拒绝', older: '更早的记录',
    },
  },
  documents: { open: '打开', download: '下载' },
  picker: { placeholder: '按名称或编号搜索', none: '没有匹配的有效企业', self: '本企业' },
  timeline: {
    details: '详情',
    action: {
      CREATED: '创建申请', DETAILS_UPDATED: '修改资料', DOCUMENT_UPLOADED: '上传文件', SUBMITTED: '已提交',
      RESUBMITTED: '重新提交', REVIEWED: '完成初审', APPROVED: '已批准', MORE_INFO_REQUESTED: '要求补充材料',
      REJECTED: '已拒绝', CANCELLED: '已撤回', FIRST_APPROVAL: '初审通过（提议利率）', APPROVAL: '银行已批准',
      SECOND_APPROVAL: '复核通过（确认利率）', APPROVAL_REFUSED_BY_LEDGER: '账本拒绝了批准',
      APPROVAL_OUTCOME_UNKNOWN: '批准结果尚未确认', DISBURSED: '已放款', LEDGER_IDENTITY_ENROLLED: '已签发账本身份',
      REGISTERED_ON_LEDGER: '已在账本登记', KYC_RECORD_ANCHORED: 'KYC 记录已在账本存证', ACTIVATION_FAILED: '账本开通中断',
    },
    fact: {
      token: '凭证 {{value}}', counterparty: '对方 {{value}}', amount: '票面金额 {{value}}', maturity: '{{value}} 到期', rate: '年利率 {{value}}',
      threshold: '超过 {{value}} 需两人批准', days: '{{value}} 天', discount: '贴现息 {{value}}', advance: '放款金额 {{value}}',
      reference: '付款流水号 {{value}}', document: '{{value}}', record: '记录 {{value}}', enrollment: '身份 {{value}}',
      step: '中断于：{{value}}', problem: '原因：{{value}}',
    },
    activationStep: { LEDGER_IDENTITY: '签发账本身份', LEDGER_REGISTRATION: '账本登记', KYC_ANCHOR: 'KYC 记录存证' },
  },
};
