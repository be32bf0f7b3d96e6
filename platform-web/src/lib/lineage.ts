import type { TokenView } from '../api/types';

/** A node of a drawn lineage: the payable at the root, tokens below it. */
export interface LineageNode {
  key: string;
  kind: 'payable' | 'token';
  token?: TokenView;
  /** tokens whose parent is not among the given ones hang under the payable, flagged */
  detached?: boolean;
  /** on the path from the payable to the token in focus */
  onPath?: boolean;
  children: LineageNode[];
}

export interface PayableRoot {
  payableId: string;
  obligorId?: string;
  amountMinor?: number;
  currency?: string;
}

/**
 * Builds the tree from tokens given in any order (a payable's whole tree, or a lineage path from a token
 * back to its root). Each token goes under its parent; the root token (no parent) under the payable; a token
 * whose parent is unknown (not visible to the caller) under the payable as detached. Children are ordered
 * by creation time, then id. Cycles cannot hang anything twice: each token is placed once.
 */
export function buildLineageTree(tokens: TokenView[], payable: PayableRoot, focusId?: string): LineageNode {
  const byId = new Map<string, TokenView>();
  for (const t of tokens) if (t.tokenId && !byId.has(t.tokenId)) byId.set(t.tokenId, t);
  const nodes = new Map<string, LineageNode>();
  for (const [id, t] of byId) nodes.set(id, { key: id, kind: 'token', token: t, children: [] });

  const root: LineageNode = { key: `payable:${payable.payableId}`, kind: 'payable', children: [] };
  for (const node of nodes.values()) {
    const parentId = node.token!.parentId;
    const parent = parentId ? nodes.get(parentId) : undefined;
    if (parent && !createsCycle(parent, node.key, nodes)) parent.children.push(node);
    else {
      if (parentId) node.detached = true;
      root.children.push(node);
    }
  }
  const order = (a: LineageNode, b: LineageNode) =>
    (a.token?.createdAt ?? '').localeCompare(b.token?.createdAt ?? '') || a.key.localeCompare(b.key);
  const sortDeep = (n: LineageNode) => {
    n.children.sort(order);
    n.children.forEach(sortDeep);
  };
  sortDeep(root);
  if (focusId && nodes.has(focusId)) markPath(root, focusId);
  return root;
}

function createsCycle(parent: LineageNode, childKey: string, nodes: Map<string, LineageNode>): boolean {
  let cursor: TokenView | undefined = parent.token;
  const seen = new Set<string>();
  while (cursor) {
    const id = cursor.tokenId ?? '';
    if (id === childKey || seen.has(id)) return true;
    seen.add(id);
    cursor = cursor.parentId ? nodes.get(cursor.parentId)?.token : undefined;
  }
  return false;
}

function markPath(node: LineageNode, focusId: string): boolean {
  const here = node.key === focusId;
  const below = node.children.map((c) => markPath(c, focusId)).some(Boolean);
  node.onPath = here || below;
  return node.onPath;
}

/** The ids from the payable's root token down to the given token (the lineage path), or [] if absent. */
export function pathTo(root: LineageNode, tokenId: string): string[] {
  if (root.key === tokenId) return [tokenId];
  for (const c of root.children) {
    const p = pathTo(c, tokenId);
    if (p.length) return root.kind === 'token' ? [root.key, ...p] : p;
  }
  return [];
}

/** Counts and the sum of the leaves' amounts (live tokens); conservation says it equals the payable's amount. */
export function leafTotal(root: LineageNode): bigint {
  let total = 0n;
  const walk = (n: LineageNode) => {
    if (n.kind === 'token' && n.children.length === 0 && n.token && n.token.status !== 'REJECTED') {
      total += BigInt(n.token.amountMinor ?? 0);
    }
    n.children.forEach(walk);
  };
  walk(root);
  return total;
}

export function countTokens(root: LineageNode): number {
  return root.children.reduce((n, c) => n + 1 + countTokens(c), 0);
}
