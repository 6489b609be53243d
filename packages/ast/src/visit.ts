import type { AnyNode, Brief, Claim, InlineContent } from './nodes.js';

/** Returning `SKIP` from a visitor skips the node's children; `EXIT` stops the walk. */
export const SKIP = Symbol('skip');
export const EXIT = Symbol('exit');
// biome-ignore lint/suspicious/noConfusingVoidType: a visitor may return nothing at all
export type VisitResult = void | typeof SKIP | typeof EXIT;

export type Visitor = (node: AnyNode, parents: readonly AnyNode[]) => VisitResult;

/** Children of a node in reading order (inline nodes of a claim included). */
export function childrenOf(node: AnyNode): readonly AnyNode[] {
  return 'children' in node && Array.isArray(node.children) ? (node.children as AnyNode[]) : [];
}

/**
 * Depth-first, pre-order walk of a brief (or any subtree). Iterative, so a very deep tree cannot
 * overflow the stack, and linear in the size of the tree: `parents` is the live ancestor stack,
 * valid during the call only (copy it to keep it).
 */
export function visit(tree: AnyNode, visitor: Visitor): void {
  const parents: AnyNode[] = [];
  // Frames of (node, index of the next child to enter).
  const frames: Array<{ node: AnyNode; next: number }> = [];
  const enter = (node: AnyNode): VisitResult => {
    const result = visitor(node, parents);
    if (result === EXIT || result === SKIP) return result;
    frames.push({ node, next: 0 });
    parents.push(node);
    return undefined;
  };
  if (enter(tree) === EXIT) return;
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    const kids = childrenOf(frame.node);
    if (frame.next >= kids.length) {
      frames.pop();
      parents.pop();
      continue;
    }
    if (enter(kids[frame.next++]!) === EXIT) return;
  }
}

/** Every node of one type, in reading order. */
export function selectAll<T extends AnyNode['type']>(tree: AnyNode, type: T): Array<Extract<AnyNode, { type: T }>> {
  const found: Array<Extract<AnyNode, { type: T }>> = [];
  visit(tree, (node) => {
    if (node.type === type) found.push(node as Extract<AnyNode, { type: T }>);
  });
  return found;
}

/** Every claim of a brief with the id of the section it belongs to, in reading order. */
export function claimsWithSection(brief: Brief): Array<{ claim: Claim; sectionId: string }> {
  const out: Array<{ claim: Claim; sectionId: string }> = [];
  for (const section of brief.children) {
    // A claim's children are inline nodes, never claims: the walk does not go into them.
    visit(section, (node) => {
      if (node.type !== 'claim') return undefined;
      out.push({ claim: node, sectionId: section.id });
      return SKIP;
    });
  }
  return out;
}

/** Inline nodes of one type with the claim that holds them, in reading order. */
export function inlinesOf<T extends InlineContent['type']>(
  brief: Brief,
  type: T,
): Array<{ node: Extract<InlineContent, { type: T }>; claim: Claim; sectionId: string }> {
  const out: Array<{ node: Extract<InlineContent, { type: T }>; claim: Claim; sectionId: string }> = [];
  for (const { claim, sectionId } of claimsWithSection(brief)) {
    for (const child of claim.children) {
      if (child.type === type) out.push({ node: child as Extract<InlineContent, { type: T }>, claim, sectionId });
    }
  }
  return out;
}
