import { problemMessages } from './problems';

export const en = {
  app: { name: 'SCF Ledger' },
  nav: {
    audit: 'Audit', main: 'Main', menu: 'Menu', language: 'Language', logout: 'Log out', supplierDashboard: 'Dashboard', tokens: 'My tokens', financing: 'Financing',
    underwriting: 'Underwriting queue', portfolio: 'Portfolio', payables: 'Payables', registerPayable: 'Register payable', import: 'CSV import',
    calendar: 'Settlement calendar', enterprises: 'Enterprises', kyc: 'KYC review',
  },
  role: { PLATFORM_ADMIN: 'Platform admin', CORE: 'Core enterprise', SUPPLIER: 'Supplier', BANK: 'Bank', AUDITOR: 'Auditor' },
  enterpriseRole: { CORE: 'Core enterprise', SUPPLIER: 'Supplier', BANK: 'Bank', PLATFORM: 'Platform' },
  status: {
    PENDING_ACCEPTANCE: 'Pending acceptance', ACTIVE: 'Active', SPENT: 'Split or transferred', FINANCING_PENDING: 'Financing pending', FINANCED: 'Financed',
    SETTLED: 'Settled', REJECTED: 'Rejected', ACCEPTED: 'Accepted',
    AWAITING_SECOND_APPROVAL: 'Awaiting second approval', APPROVED: 'Approved', CANCELLED: 'Cancelled', PENDING: 'Pending',
    RUNNING: 'Running', QUEUED: 'Queued', FAILED: 'Failed', SUSPENDED: 'Suspended', SUBMITTED: 'Submitted',
    REGISTERED: 'Registered', DRAFT: 'Draft', NONE: 'None', DISBURSED: 'Disbursed', APPROVING: 'Being approved on the ledger', REVIEWED: 'Reviewed (awaiting checker)', MORE_INFO_REQUESTED: 'More information requested', POSSIBLE_DUPLICATE: 'Possible duplicate', NOT_ANCHORED: 'Not anchored', ALREADY_REGISTERED: 'Already registered', INVALID: 'Invalid', COMPLETED: 'Completed', CLEAR: 'Clear', VERIFIED: 'Verified', TAMPERED: 'Tampered', SUPERSEDED: 'Re-sealed by someone else',
  },
  docKind: { INVOICE: 'Invoice', CONTRACT: 'Contract', BUSINESS_LICENCE: 'Business licence', SIGNATORY_ID: 'Authorised signatory ID' },
  action: { accept: 'Accept', reject: 'Reject', approve: 'Approve', settle: 'Settle', create: 'Create' },
  common: {
    scrollable: 'Scrolls sideways',
    actions: 'Actions', all: 'All', search: 'Search', close: 'Close', filters: 'Filters', loading: 'Loading…', matured: 'matured', none: 'Nothing yet',
    required: 'Required', retry: 'Retry', unknown: 'Not reported', tokenCount_one: '{{count}} token', tokenCount_other: '{{count}} tokens',
    daysLeft_one: '{{count}} day left', daysLeft_other: '{{count}} days left',
  },
  error: {
    title: 'The request failed', retryAfter: 'Retry after {{seconds}} s.', transaction: 'Ledger transaction',
    details: 'Details', status: 'Status', code: 'Code', requestId: 'Request id', fields: 'Fields', serverSaid: 'Server message',
    refused: 'The platform refused the request.', failed: 'The platform could not complete the request. Nothing was changed.',
    forbiddenTitle: 'Not for your role', forbiddenBody: 'This page belongs to another role.', notFoundTitle: 'No such page',
  },
  amount: {
    hint: 'Type the amount in figures; the amount understood is shown under the field.',
    error: {
      empty: 'Enter an amount', format: 'Not a number', tooManyDecimals: 'At most {{digits}} decimals', notPositive: 'Must be more than zero',
      ambiguous: 'Unclear separators: write decimals with “{{decimal}}” and use “{{group}}” only between groups of three digits (1{{group}}234{{group}}567{{decimal}}89)',
    },
  },
  confirm: {
    cancel: 'Cancel', amount: 'Amount', counterparty: 'Counterparty', irreversible: 'This cannot be undone',
    register: { title: 'Register payable {{payable}} on the ledger?', consequence: 'The payable is recorded on the ledger as your enterprise’s promise to pay the beneficiary at maturity. It cannot be changed or deleted; the beneficiary can only accept or reject it.' },
    accept: { title: 'Accept payable {{payable}}?', consequence: 'You receive a token for this amount that you can split, transfer or finance. Accepting is recorded on the ledger and cannot be taken back.' },
    reject: { consequence: 'The payable is refused on the ledger for good; the obligor would have to register a new one.' },
    split: { title_one: 'Split and transfer into {{count}} part?', title_other: 'Split and transfer into {{count}} parts?', recipients: 'Recipients', consequence: 'The token is replaced by the parts on the ledger and the parts belong to their recipients at once. Only a recipient can pass a part on; you cannot take it back.' },
    approve: { title: 'Approve financing {{application}}?', first: 'Your approval is recorded on the ledger; a second bank user must confirm it before the token is financed.', final: 'The token is financed on the ledger and the supplier’s right to it passes to the bank. This cannot be undone.' },
    rejectApplication: { consequence: 'The application is closed for good and the supplier is told the reason.' },
    withdraw: { title: 'Withdraw application {{application}}?', consequence: 'The application is closed and cannot be reopened; the token becomes free for a new application.' },
    settle: { consequence: 'The payable and every token from it are marked paid on the ledger. This cannot be undone.' },
  },
  login: {
    subtitle: 'Supply-chain finance on Hyperledger Fabric', username: 'Username', password: 'Password', submit: 'Log in',
    usernameRequired: 'Enter your username', passwordRequired: 'Enter your password', expired: 'Your session ended; please log in again.',
  },
  field: {
    advance: 'Advance', amount: 'Amount', applicant: 'Applicant', application: 'Application', bank: 'Bank', beneficiary: 'Beneficiary',
    createdAt: 'Created', currency: 'Currency', dayCount: 'Day count', days: 'Days', daysLeft: 'Days left', discount: 'Discount',
    documentHash: 'Document fingerprint', fingerprintTip: 'A SHA-256 hash of the file: it proves the file without storing it on the ledger.', financing: 'Financing', holder: 'Holder', invoiceFingerprints: 'Invoice fingerprints', issueDate: 'Issue date',
    maturity: 'Maturity', maturityMonth: 'Maturity month', obligor: 'Obligor', parent: 'Split from', payable: 'Payable', paymentReference: 'Payment reference',
    rate: 'Annual rate', reason: 'Reason', requestedAt: 'Requested', role: 'Role', status: 'Status', tier: 'Tier', tierN: 'Tier {{n}}', tierTip: 'Tier 1 is the supplier the payable was issued to; each transfer down the chain adds one.', token: 'Token', valueDate: 'Value date',
  },
  lineage: {
    payable: 'Payable', detached: 'parent not visible to you', listLabel: 'Lineage as a list',
    chartLabel: 'Lineage tree of payable {{payable}}: {{count}} tokens, {{depth}} levels',
  },
  split: {
    title: 'Split and transfer', formLabel: 'Split and transfer', tokenAmount: 'Token amount', recipient: 'Recipient {{n}} (enterprise id)',
    recipientPlaceholder: 'e.g. TIER2-SUPPLIER', amount: 'Amount ({{currency}})', addPart: 'Add a part', keepRemainder: 'Keep the remainder',
    removePart: 'Remove part {{n}}', allocated: 'Allocated {{total}} of {{of}}', exact: 'the parts add up exactly',
    remaining: '{{amount}} still to allocate', over: '{{amount}} too much', submit: 'Split and transfer', done: 'Split recorded on the ledger', doneSaid: 'The parts now belong to their recipients.',
    error: {
      recipient: { required: 'Enter the recipient', format: 'Letters, digits, . _ - only', obligor: 'The obligor cannot receive its own payable' },
      amount: {
        empty: 'Enter an amount', format: 'Not a number', tooManyDecimals: 'At most {{digits}} decimals', notPositive: 'Must be more than zero',
        ambiguous: 'Unclear separators: write decimals with “{{decimal}}” and use “{{group}}” only between groups of three digits (1{{group}}234{{group}}567{{decimal}}89)',
        belowMinUnit: 'Below the minimum unit',
      },
    },
  },
  supplier: {
    dashboard: {
      title: 'Supplier dashboard', applicationCount_one: '{{count}} application approved', applicationCount_other: '{{count}} applications approved',  holdings: 'Holdings', pending: 'Pending acceptance', financed: 'Financed', byMaturity: 'Holdings by maturity',
      noHoldings: 'No active tokens', pendingTitle: 'Pending acceptances', noPending: 'Nothing to accept', accepted: 'Payable {{payable}} accepted',
      rejectTitle: 'Reject payable {{payable}}', rejectBody: 'The payable goes back to {{obligor}} as rejected; this cannot be undone.', applications: 'Financing applications',
    },
    tokens: { title: 'My tokens' },
    token: { title: 'Token', lineage: 'Lineage back to the payable', split: 'Split and transfer', finance: 'Apply for financing' },
  },
  financing: {
    new: {
      title: 'Apply for financing', application: 'Application', pickToken: 'Choose an active token', bankHelp: 'The bank’s enterprise id',
      invoice: 'Invoice', contract: 'Contract', fileHelp: 'PDF, PNG or JPEG, at most 10 MB each', choose: 'Choose files', chooseInvoice: 'Choose invoice files', chooseContract: 'Choose contract files', submit: 'Submit application',
      invoiceNumbers: 'Invoice numbers', invoiceNumbersHelp: 'Type each number and press Enter; the bank checks them against other applications',
      stepDraft: 'Draft', stepDocuments: 'Upload documents', stepSubmit: 'Submit (anchored on the ledger, token locked)',
    },
    pricing: { title: 'Pricing preview', pick: 'Choose a token and enter a rate to see the discount and the advance.', help: 'The API computes it with the ledger’s ACT/360 arithmetic from today; the bank sets the rate when it approves.' },
    docs: { kind: 'Kind', file: 'File', size: 'Bytes' },
    list: { title: 'Financing applications' },
    status: { title: 'Application', approved: 'Financing approved', terms: 'Terms', timeline: 'Status timeline', documents: 'Documents', recordHash: 'Record fingerprint (anchored on the ledger)', cancel: 'Withdraw', cancelled: 'Application withdrawn' },
  },
  fourEyes: {
    label: 'Approval steps', requested: 'Requested', maker: 'First approval (maker)', checker: 'Second approval (checker)', approved: 'Approved', disbursed: 'Disbursed', confirm: 'Confirm (second approval)',
    waiting: 'waiting', waitingOther: 'waiting for a different bank user',
    explain: 'Above the bank’s threshold two different users must approve: the checker cannot be the maker.',
    explainAmount: 'Above {{amount}} two different bank users must approve: the checker cannot be the maker.',
    youApproved: 'You gave the first approval; a different bank user must give the second.',
    youCheck: '{{maker}} approved first at {{rate}}; you confirm as the second, different bank user.',
  },
  bank: {
    queue: { title: 'Underwriting queue', open: 'Open ({{count}})', decided: 'Decided ({{count}})' },
    app: {
      title: 'Application', facts: 'Application', kyc: 'Applicant KYC', duplicate: 'Duplicate-invoice check', obligorExposure: 'Exposure to {{obligor}} and limit', inUse: 'In use (approved, not settled)', reserved: 'Reserved (being approved)', pending: 'Pending (awaiting decision)', noKyc: 'no KYC record', anchored: '(anchored on the ledger)', ledgerAnchor: 'Ledger anchor of this application', pricingMismatch: 'The preview computed here differs from the API’s quote; the API’s is shown.', disburseTitle: 'Disbursement', disburse: 'Record disbursement',
      exposure: 'Exposure with this bank', limit: 'Credit limit', noLimit: 'no limit set', available: 'Available', used: 'Limit used',
      overLimit: 'Approving would exceed the available limit by {{amount}}', pricing: 'Pricing', rateBps: 'Annual rate (hundredths of a percent: 450 = 4.50%)', rateBpsTip: 'Basis points (bp): 1 bp = 0.01%.', perYear: 'a year',
      pricingNote: 'Preview computed with the ledger’s ACT/360 formula and today as value date; the ledger computes the binding terms on approval.',
      pricingError: { rate: 'The rate must be 0–10000 bp', matured: 'The token matures today or earlier', noAdvance: 'This rate leaves no advance' },
      decision: 'Decision', disbursement: 'Disbursement reference', approvedMsg: 'Approval recorded: {{status}}', rejectTitle: 'Reject the application',
    },
    portfolio: { title: 'Portfolio', byObligor: 'Exposure by obligor', ladder: 'Maturity ladder', limits: 'Credit limits by obligor', setLimit: 'Set limit', limitSet: 'Limit for {{obligor}} set', none: 'No approved financing yet', financedFace: 'Financed (face amount)' },
  },
  core: {
    payables: { title: 'Payables' },
    payable: { title: 'Payable', tree: 'Token tree' },
    register: {
      title: 'Register a payable', submit: 'Register on the ledger', done: 'Payable {{payable}} registered', tx: 'Transaction', block: 'block',
      doneSaid: '{{beneficiary}} now has {{amount}} due on {{maturity}} to accept. The ledger recorded it:',
      another: 'Register another', open: 'Open payable', hex: 'A fingerprint is 64 characters, 0–9 and a–f', idFormat: 'Letters, digits, . _ - (at most 64)',
      maturityAfter: 'Maturity must be after the issue date', fingerprintHelp: 'Your ERP’s invoice fingerprints, one per line; or hash invoice files here.',
      hashInvoice: 'Hash invoice files…', hashDocument: 'Hash the payable document…',
    },
    settle: { title: 'Settle payable {{payable}}', body: 'Record that the obligor paid', done: 'Settlement recorded' },
    import: {
      title: 'CSV import', help: 'One payable per row, with this header (column order free). Amounts in minor units, dates as YYYY-MM-DD, fingerprints separated by ;',
      drop: 'Click or drop a CSV file here', missing: 'Missing columns: {{columns}}', rows_one: '{{count}} row', rows_other: '{{count}} rows', start: 'Import',
      progress: 'Import progress', pace: '{{rowsPerSecond}} rows/s', summary: '{{processed}} of {{total}} done, {{failed}} failed',
      result: 'Result', invalid: 'Invalid: {{fields}}', waiting: 'waiting',
    },
    calendar: {
      title: 'Settlement calendar', previous: 'Previous month', next: 'Next month', count_one: '{{count}} due', count_other: '{{count}} due', due: 'Due on {{date}}', none: 'Nothing due that day', upcoming: 'Next maturities', noneUpcoming: 'Nothing to settle',
    },
  },
  admin: {
    enterprises: {
      title: 'Enterprises', create: 'New enterprise', id: 'Enterprise id', idFormat: '3–64 characters: A–Z, 0–9, _ or -', name: 'Name', org: 'Organisation',
      kyc: 'KYC hash', kycHash: 'KYC record fingerprint', kycHashHelp: 'Needed before it can be registered on the ledger',
      custody: 'Keys held by', custodyPLATFORM: 'Platform', custodySELF: 'The enterprise itself',
    },
    users: {
      add: 'Add user', create: 'New user of {{enterprise}}', created: 'User {{username}} created', usernameFormat: '3–100 characters: letters, digits, . _ @ -',
      passwordLength: 'At least 12 characters',
    },
    onboard: {
      button: 'Onboard', title: 'Bring {{enterprise}} onto the ledger', start: 'Enroll and register', ready: 'Ready',
      enroll: 'Enroll its identity at the organisation’s CA', register: 'Register it on the ledger', active: 'Active',
      proposed: 'Proposed on the ledger: a second platform admin onboards it to confirm the admission.',
    },
    suspension: {
      suspend: 'Suspend', reinstate: 'Reinstate',
      suspendConfirm: 'Suspend {{enterprise}}? It can no longer act on the ledger nor receive tokens, and its users are signed out.',
      reinstateConfirm: 'Reinstate {{enterprise}}? It can act on the ledger again.',
    },
    kyc: {
      title: 'KYC review queue', legalName: 'Legal name', uscc: 'Unified social credit code', firstReviewer: 'First reviewer', review: 'Start review',
      moreDocs: 'Request documents', notYourOwn: 'You reviewed it: another admin must approve', account: 'Settlement account', contact: 'Contact',
      approver: 'Approver', ledger: 'Ledger registration', resume: 'Resume ledger activation', rejectTitle: 'Reject the application',
      help: 'Maker-checker: one admin reviews, a different admin approves; approval enrolls the enterprise, registers it on the ledger and anchors its KYC record.',
    },
  },
  ...problemMessages('en'),
  audit: {
    title: 'Audit',
    chain: {
      title: 'Audit log integrity', help: 'Every write is logged, each entry sealed together with the one before it; checking recomputes every seal and compares the end of the log with its last copy on the ledger.',
      verify: 'Check the whole log', result: 'Result', INTACT: 'Intact: no entry changed, removed or inserted', BROKEN: 'Broken: the log was changed',
      checked: 'Entries checked', checkedCount: '{{checked}} of {{total}}', firstBroken: 'First broken entry', checkpoint: 'Last copy on the ledger',
    },
    break: { ENTRY_ALTERED: 'entry changed', CHAIN_BROKEN: 'entry removed or inserted before it', SEQUENCE_GAP: 'entries missing', CHECKPOINT_MISSING: 'entries removed from the end' },
    checkpoint: { FOUND: 'found in the log', MISSING: 'no longer in the log', NOT_ANCHORED: 'none yet', EMPTY_LOG: 'the log is empty', UNAVAILABLE: 'the ledger did not answer' },
    record: {
      title: 'Check a record against the ledger', type: 'Record type', id: 'Record id', verify: 'Check', result: 'Result', anchoredAt: 'Sealed on the ledger',
      fingerprints: 'Fingerprints', computed: 'Computed now', anchored: 'On the ledger',
      types: { FINANCING_APPLICATION: 'Financing application', KYC: 'KYC application' },
      explain: { VERIFIED: ' The record is exactly as it was when sealed on the ledger.', TAMPERED: ' The record differs from what was sealed on the ledger.', NOT_ANCHORED: ' The record has not been sealed on the ledger yet.', SUPERSEDED: ' The record matches what its owner sealed first, but someone other than its owner sealed a later version: see the versions below.' },
    },
    entries: {
      title: 'Audit log', enterprise: 'Enterprise id', when: 'When', who: 'Who', what: 'What', outcome: 'Outcome', ledger: 'Ledger transactions',
      done: 'Done', refused: 'Refused', older: 'Older entries',
    },
  },
  documents: { open: 'Open', download: 'Download' },
  picker: { placeholder: 'Search by name or id', none: 'No active enterprise matches' },
  timeline: {
    details: 'Details',
    action: {
      CREATED: 'Application created', DETAILS_UPDATED: 'Details changed', DOCUMENT_UPLOADED: 'Document uploaded', SUBMITTED: 'Submitted',
      RESUBMITTED: 'Submitted again', REVIEWED: 'First review done', APPROVED: 'Approved', MORE_INFO_REQUESTED: 'More information requested',
      REJECTED: 'Rejected', CANCELLED: 'Withdrawn', FIRST_APPROVAL: 'First approval (rate proposed)', APPROVAL: 'Approved by the bank',
      SECOND_APPROVAL: 'Second approval (rate confirmed)', APPROVAL_REFUSED_BY_LEDGER: 'The ledger refused the approval',
      APPROVAL_OUTCOME_UNKNOWN: 'Approval outcome not known yet', DISBURSED: 'Advance paid', LEDGER_IDENTITY_ENROLLED: 'Ledger identity issued',
      REGISTERED_ON_LEDGER: 'Registered on the ledger', KYC_RECORD_ANCHORED: 'KYC record sealed on the ledger', ACTIVATION_FAILED: 'Ledger activation stopped',
    },
    fact: {
      token: 'token {{value}}', counterparty: 'with {{value}}', amount: 'face amount {{value}}', maturity: 'matures {{value}}', rate: 'rate {{value}} a year',
      threshold: 'two approvals above {{value}}', days: '{{value}} days', discount: 'discount {{value}}', advance: 'advance {{value}}',
      reference: 'payment reference {{value}}', document: '{{value}}', record: 'record {{value}}', enrollment: 'identity {{value}}',
      step: 'at step: {{value}}', problem: 'reason: {{value}}',
    },
    activationStep: { LEDGER_IDENTITY: 'issuing the ledger identity', LEDGER_REGISTRATION: 'registering on the ledger', KYC_ANCHOR: 'sealing the KYC record' },
  },
};

export type Dictionary = typeof en;
