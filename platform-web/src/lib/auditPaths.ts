/**
 * The path of a token's history page, linked from the audit log, the lineage trees and a token's own page. Token ids
 * end in `.0`, `.1`: the segment is encoded like any other, and the server serves the UI for every deeper path.
 */
export const tokenHistoryPath = (tokenId: string) => `/audit/tokens/${encodeURIComponent(tokenId)}`;
