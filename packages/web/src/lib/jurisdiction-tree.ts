import type { Jurisdiction } from '../api/types.ts';

export interface JurisdictionNode {
  value: string;
  title: string;
  children: JurisdictionNode[];
}

/**
 * The jurisdictions the user may see as a tree (city → district → street). A node whose parent is not in
 * the list (the top of the user's scope) becomes a root.
 */
export function buildJurisdictionTree(items: readonly Jurisdiction[], nameOf: (item: Jurisdiction) => string): JurisdictionNode[] {
  const nodes = new Map<string, JurisdictionNode>();
  for (const item of items) nodes.set(item.code, { value: item.code, title: nameOf(item), children: [] });
  const roots: JurisdictionNode[] = [];
  for (const item of items) {
    const node = nodes.get(item.code);
    if (!node) continue;
    const parent = item.parentCode ? nodes.get(item.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
