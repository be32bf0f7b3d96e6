// The demo's cast: who takes part, what they owe, split and finance. Amounts are CNY in integer minor units
// (fen); dates are days from today (UTC). Every enterprise id ends in the suffix, every username in its
// lower case, so that a second cast can live on a ledger that already holds the first (ids there are forever).

export type EnterpriseRole = 'CORE' | 'BANK' | 'SUPPLIER';

export interface Enterprise {
  id: string;
  role: EnterpriseRole;
  name: string;
  /** administrative division code and organisation code: the body of the unified social credit code */
  division: string;
  org: string;
  city: string;
  user: string;
  person: [name: string, email: string, phone: string, title: string];
  account: [bankName: string, accountNumber: string];
  /** SELF: the enterprise holds its own ledger key (the seed switches it once its history is seeded); else PLATFORM */
  custody?: 'SELF';
}

export interface Supplier extends Enterprise {
  key: 'T1A' | 'T1B' | 'T2A' | 'T2B' | 'T3A' | 'T3B';
  tier: 1 | 2 | 3;
}

export interface Bank extends Enterprise {
  checker: string;
}

export interface PlatformUser {
  username: string;
  role: 'PLATFORM_ADMIN' | 'AUDITOR';
  what: string;
}

export interface Payable {
  id: string;
  to: Supplier;
  amount: number;
  issuedDaysAgo: number;
  maturityDays: number;
  accept: boolean;
  /** the core enterprise's payment reference, when the seed settles the payable (at maturity: today) */
  settle?: string;
  invoices: string[];
}

/** The holder's live token of that payable and amount is split; a remainder is kept. */
export interface Split {
  key: string;
  payable: string;
  holder: Supplier;
  amount: number;
  outputs: [Supplier, number][];
}

export interface Financing {
  key: string;
  applicant: Supplier;
  payable: string;
  amount: number;
  rateBps?: number;
  approve: boolean;
  invoiceNumbers: string[];
}

export function demoCast(suffix: string) {
  const id = (base: string) => base + suffix;
  const uid = (name: string) => name + suffix.toLowerCase();

  const CORE: Enterprise = {
    id: id('HUAXIN-AUTO'), role: 'CORE', name: '华鑫汽车集团股份有限公司 Huaxin Automotive Group Co., Ltd.',
    division: '310000', org: 'MA1FP8K2X', city: 'Shanghai',
    user: uid('huaxin'), person: ['陈静 Chen Jing', 'chen.jing@huaxin-auto.example', '+86 21 6088 1200', 'Treasury Manager'],
    account: ['中国工商银行上海分行 ICBC Shanghai Branch', '1001 2345 6789 0012 345'], custody: 'SELF',
  };
  const BANK: Bank = {
    id: id('PUJIANG-BANK'), role: 'BANK', name: '浦江商业银行上海分行 Pujiang Commercial Bank, Shanghai Branch',
    division: '310000', org: 'MA1G3QW70', city: 'Shanghai',
    user: uid('pujiang.maker'), person: ['王磊 Wang Lei', 'wang.lei@pujiangbank.example', '+86 21 5018 3300', 'Relationship Manager'],
    account: ['浦江商业银行上海分行 Pujiang Commercial Bank, Shanghai Branch', '3100 0000 0000 0001'],
    checker: uid('pujiang.checker'), custody: 'SELF',
  };
  const SUPPLIERS: Supplier[] = ([
    { key: 'T1A', tier: 1, id: id('DONGFANG-PT'), name: '东方精密动力系统有限公司 Dongfang Precision Powertrain Co., Ltd.',
      division: '320500', org: 'MA1MX2L43', city: 'Suzhou', user: uid('dongfang'),
      person: ['刘洋 Liu Yang', 'liu.yang@dongfang-pt.example', '+86 512 6255 7700', 'CFO'],
      account: ['中国银行苏州分行 Bank of China Suzhou Branch', '5432 1098 7654 3210'] },
    { key: 'T1B', tier: 1, id: id('XINGHE-ELEC'), name: '星河汽车电子有限公司 Xinghe Automotive Electronics Co., Ltd.',
      division: '440300', org: 'MA5DC1H87', city: 'Shenzhen', user: uid('xinghe'),
      person: ['张伟 Zhang Wei', 'zhang.wei@xinghe-elec.example', '+86 755 8600 4411', 'Finance Director'],
      account: ['招商银行深圳分行 China Merchants Bank Shenzhen Branch', '7559 0012 3456 7801'] },
    { key: 'T2A', tier: 2, id: id('JINLUN-CASTING'), name: '金轮铸造有限公司 Jinlun Casting Co., Ltd.',
      division: '330200', org: 'MA2CJ7R19', city: 'Ningbo', user: uid('jinlun'),
      person: ['孙莉 Sun Li', 'sun.li@jinlun-casting.example', '+86 574 8777 2310', 'Accounting Manager'],
      account: ['宁波银行 Bank of Ningbo', '5101 2200 3344 5566'] },
    { key: 'T2B', tier: 2, id: id('HENGTONG-PCB'), name: '恒通电路板有限公司 Hengtong Circuit Board Co., Ltd.',
      division: '441900', org: 'MA4UL6B52', city: 'Dongguan', user: uid('hengtong'),
      person: ['周慧 Zhou Hui', 'zhou.hui@hengtong-pcb.example', '+86 769 2233 8890', 'Finance Manager'],
      account: ['东莞银行 Bank of Dongguan', '5600 3001 2345 6789'], custody: 'SELF' },
    { key: 'T3A', tier: 3, id: id('RUIFENG-STEEL'), name: '瑞丰特钢材料有限公司 Ruifeng Special Steel Materials Co., Ltd.',
      division: '320200', org: 'MA1X4NP68', city: 'Wuxi', user: uid('ruifeng'),
      person: ['吴刚 Wu Gang', 'wu.gang@ruifeng-steel.example', '+86 510 8123 4567', 'General Manager'],
      account: ['江苏银行无锡分行 Bank of Jiangsu Wuxi Branch', '2010 8800 1122 3344'] },
    { key: 'T3B', tier: 3, id: id('TONGXIN-COPPER'), name: '铜鑫铜箔有限公司 Tongxin Copper Foil Co., Ltd.',
      division: '340700', org: 'MA2TR3E95', city: 'Tongling', user: uid('tongxin'),
      person: ['郑霞 Zheng Xia', 'zheng.xia@tongxin-copper.example', '+86 562 2811 0066', 'Finance Supervisor'],
      account: ['徽商银行铜陵分行 Huishang Bank Tongling Branch', '1303 0001 2233 4455'] },
  ] satisfies Omit<Supplier, 'role'>[]).map((s) => ({ ...s, role: 'SUPPLIER' }));
  const S = Object.fromEntries(SUPPLIERS.map((s) => [s.key, s])) as Record<Supplier['key'], Supplier>;
  const ENTERPRISES: Enterprise[] = [CORE, BANK, ...SUPPLIERS];

  const PLATFORM_USERS: [PlatformUser, PlatformUser] = [
    { username: uid('admin.checker'), role: 'PLATFORM_ADMIN', what: 'platform admin (second reviewer of KYC)' },
    { username: uid('auditor'), role: 'AUDITOR', what: 'auditor (reads everything, verifies anchors and the audit chain)' },
  ];

  // Payables of the core enterprise to its tier-1 suppliers.
  const PAYABLES: Payable[] = [
    { id: 'HX-AP-2026-0101', to: S.T1A, amount: 328_000_000, issuedDaysAgo: 12, maturityDays: 90, accept: true,
      invoices: ['DF-INV-26-00871', 'DF-INV-26-00872', 'DF-INV-26-00873'] },
    { id: 'HX-AP-2026-0102', to: S.T1B, amount: 186_540_000, issuedDaysAgo: 8, maturityDays: 60, accept: true,
      invoices: ['XH-INV-26-04410', 'XH-INV-26-04411'] },
    { id: 'HX-AP-2026-0103', to: S.T1A, amount: 74_235_000, issuedDaysAgo: 2, maturityDays: 120, accept: false,
      invoices: ['DF-INV-26-00915'] },
    { id: 'HX-AP-2026-0104', to: S.T1B, amount: 52_800_000, issuedDaysAgo: 20, maturityDays: 30, accept: true,
      invoices: ['XH-INV-26-04388'] },
    { id: 'HX-AP-2026-0105', to: S.T1B, amount: 31_680_000, issuedDaysAgo: 45, maturityDays: 0, accept: true,
      settle: 'ICBC-TT-HX-2026-0105', invoices: ['XH-INV-26-04302'] },
  ];

  // Splits down the tiers: the holder's live token of that payable and amount is split; a remainder is kept.
  const SPLITS: Split[] = [
    { key: 'split-1', payable: 'HX-AP-2026-0101', holder: S.T1A, amount: 328_000_000,
      outputs: [[S.T2A, 126_000_000], [S.T2B, 58_500_000], [S.T1A, 143_500_000]] },
    { key: 'split-2', payable: 'HX-AP-2026-0101', holder: S.T2A, amount: 126_000_000,
      outputs: [[S.T3A, 46_800_000], [S.T2A, 79_200_000]] },
    { key: 'split-3', payable: 'HX-AP-2026-0102', holder: S.T1B, amount: 186_540_000,
      outputs: [[S.T2B, 72_000_000], [S.T1B, 114_540_000]] },
    { key: 'split-4', payable: 'HX-AP-2026-0102', holder: S.T2B, amount: 72_000_000,
      outputs: [[S.T3B, 27_360_000], [S.T2B, 44_640_000]] },
  ];

  // Financings with the bank: one approved (maker and checker: above the four-eyes threshold), one pending.
  const CREDIT_LIMIT = 3_000_000_000; // 30 000 000.00 CNY for the core enterprise as obligor
  const FINANCINGS: [Financing, Financing] = [
    { key: 'approved', applicant: S.T1A, payable: 'HX-AP-2026-0101', amount: 143_500_000, rateBps: 450, approve: true,
      invoiceNumbers: ['DF-INV-26-00871', 'DF-INV-26-00872'] },
    { key: 'pending', applicant: S.T3A, payable: 'HX-AP-2026-0101', amount: 46_800_000, approve: false,
      invoiceNumbers: ['RF-INV-26-01207'] },
  ];

  return { CORE, BANK, SUPPLIERS, S, ENTERPRISES, PLATFORM_USERS, PAYABLES, SPLITS, CREDIT_LIMIT, FINANCINGS };
}

export type DemoCast = ReturnType<typeof demoCast>;
