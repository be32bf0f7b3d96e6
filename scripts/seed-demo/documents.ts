// The documents and fingerprints the demo uploads and registers: small, valid, and the same on every run.
import { createHash, createHmac } from 'node:crypto';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The ERP's keyed invoice fingerprint (docs/chaincode.md): HMAC-SHA256 over the invoice's identifying data. */
export const invoiceFingerprint = (obligor: string, invoice: string, amount: number) =>
  createHmac('sha256', 'scf-demo-erp-invoice-key').update(`${obligor}|${invoice}|${amount}`).digest('hex');

export { pdf, png } from '../../platform-web/node-client/documents.ts';
