/** A small RFC 4180 CSV reader (quoted fields, doubled quotes, CRLF) for payable imports. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f.trim() !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

export interface PayableRow {
  row: number;
  payableId: string;
  beneficiaryId: string;
  amountMinor: string;
  currency: string;
  issueDate: string;
  maturityDate: string;
  invoiceFingerprints: string[];
  documentHash: string;
  problems: string[];
}

export const CSV_COLUMNS = ['payableId', 'beneficiaryId', 'amountMinor', 'currency', 'issueDate', 'maturityDate', 'invoiceFingerprints', 'documentHash'];

/** Reads the import file: a header row naming the columns (any order), then one payable per row. */
export function readPayableCsv(text: string): { rows: PayableRow[]; missingColumns: string[] } {
  const table = parseCsv(text);
  if (table.length === 0) return { rows: [], missingColumns: CSV_COLUMNS };
  const header = table[0].map((h) => h.trim());
  const missingColumns = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missingColumns.length) return { rows: [], missingColumns };
  const at = (r: string[], c: string) => (r[header.indexOf(c)] ?? '').trim();
  const rows = table.slice(1).map((r, i) => {
    const row: PayableRow = {
      row: i + 1,
      payableId: at(r, 'payableId'),
      beneficiaryId: at(r, 'beneficiaryId'),
      amountMinor: at(r, 'amountMinor'),
      currency: at(r, 'currency').toUpperCase(),
      issueDate: at(r, 'issueDate'),
      maturityDate: at(r, 'maturityDate'),
      invoiceFingerprints: at(r, 'invoiceFingerprints').split(/[;|\s]+/).filter(Boolean),
      documentHash: at(r, 'documentHash').toLowerCase(),
      problems: [],
    };
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(row.payableId)) row.problems.push('payableId');
    if (!/^[A-Za-z0-9._-]{1,64}$/.test(row.beneficiaryId)) row.problems.push('beneficiaryId');
    if (!/^[1-9]\d{0,17}$/.test(row.amountMinor)) row.problems.push('amountMinor');
    if (!/^[A-Z]{3}$/.test(row.currency)) row.problems.push('currency');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(row.issueDate)) row.problems.push('issueDate');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(row.maturityDate) || row.maturityDate <= row.issueDate) row.problems.push('maturityDate');
    if (row.invoiceFingerprints.length === 0 || row.invoiceFingerprints.some((f) => !/^[0-9a-f]{64}$/.test(f))) row.problems.push('invoiceFingerprints');
    if (!/^[0-9a-f]{64}$/.test(row.documentHash)) row.problems.push('documentHash');
    return row;
  });
  return { rows, missingColumns };
}

/** Lower-case hex SHA-256 of bytes or text (Web Crypto). */
export async function sha256Hex(data: ArrayBuffer | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : new Uint8Array(data);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
