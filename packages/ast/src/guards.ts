import type {
  AnyNode,
  BlockContent,
  BlockContentMap,
  Brief,
  Claim,
  DateNode,
  Entity,
  Figure,
  InlineContent,
  InlineContentMap,
  Link,
  Quote,
  Section,
} from './nodes.js';

const blockTypes: ReadonlySet<string> = new Set<keyof BlockContentMap>([
  'paragraph',
  'list',
  'blockquote',
  'illustration',
  'table',
]);
const inlineTypes: ReadonlySet<string> = new Set<keyof InlineContentMap>(['figure', 'date', 'quote', 'entity', 'link']);

export const isBrief = (node: AnyNode): node is Brief => node.type === 'brief';
export const isSection = (node: AnyNode): node is Section => node.type === 'section';
export const isClaim = (node: AnyNode): node is Claim => node.type === 'claim';
export const isFigure = (node: AnyNode): node is Figure => node.type === 'figure';
export const isDate = (node: AnyNode): node is DateNode => node.type === 'date';
export const isQuote = (node: AnyNode): node is Quote => node.type === 'quote';
export const isEntity = (node: AnyNode): node is Entity => node.type === 'entity';
export const isLink = (node: AnyNode): node is Link => node.type === 'link';
export const isBlock = (node: AnyNode): node is BlockContent => blockTypes.has(node.type);
export const isInline = (node: AnyNode): node is InlineContent => inlineTypes.has(node.type);
