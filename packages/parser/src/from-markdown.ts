/**
 * Markdown → mdast: micromark's parser with the compile step of `mdast-util-from-markdown` 2.1.0,
 * adapted. The tree is the one `fromMarkdown` builds (test/from-markdown.test.ts holds the two equal
 * on the corpus, the examples, the fixtures and random markdown); two things differ in how:
 *
 * - upstream calls every handler on a fresh copy of the compile context (`{...context,
 *   sliceSerialize}`, one object per micromark event, about a fifth of remark-parse's time on
 *   prose); here one context per document is reused and only its `sliceSerialize` is set per event.
 *   Handlers (ours and the extensions') keep state in `this.data`, never on `this` itself;
 * - the handler tables are built once per set of extensions (`createMdastParser`), not per
 *   document; `data` is fresh per document, so nothing carries from one parse to the next.
 *
 * Adapted from mdast-util-from-markdown 2.1.0, lib/index.js:
 *
 * (The MIT License)
 *
 * Copyright (c) Titus Wormer <tituswormer@gmail.com>
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
 * associated documentation files (the 'Software'), to deal in the Software without restriction,
 * including without limitation the rights to use, copy, modify, merge, publish, distribute,
 * sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in all copies or
 * substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED 'AS IS', WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
 * NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
 * NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
 * DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
 * OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import type {
  Blockquote,
  Break,
  Code,
  Definition,
  Emphasis,
  Heading,
  Html,
  Image,
  InlineCode,
  Link,
  List,
  ListItem,
  Nodes,
  Paragraph,
  Parent,
  PhrasingContent,
  Root,
  Strong,
  Text,
  ThematicBreak,
} from 'mdast';
import type { CompileContext, CompileData, Extension, Handle, Handles, OnEnterError, OnExitError, Transform } from 'mdast-util-from-markdown';
import { toString as textOf } from 'mdast-util-to-string';
import { parse, postprocess, preprocess } from 'micromark';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { decodeString } from 'micromark-util-decode-string';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import type { Event, Extension as SyntaxExtension, Token } from 'micromark-util-types';
import type { Point } from 'unist';
import { stringifyPosition } from 'unist-util-stringify-position';

type Config = CompileContext['config'];
type Stacked = CompileContext['stack'][number];
/** A node under construction: the fields handlers set on the node they are building. */
type Building = Stacked & Record<string, unknown> & { position: { start: Point; end: Point } };

export interface MdastParserOptions {
  /** micromark syntax extensions. */
  extensions?: SyntaxExtension[];
  /** mdast-util-from-markdown extensions (the pairs of the syntax extensions). */
  mdastExtensions?: Array<Extension | Extension[]>;
}

/**
 * Markdown parser for one set of extensions: text → mdast, as `fromMarkdown(text, options)`.
 * micromark's parse context (its constructs combined with the extensions) is made once too; the
 * two fields it keeps per document, `defined` (definition labels) and `lazy` (lazy lines), are
 * emptied when a document starts.
 */
export function createMdastParser(options: MdastParserOptions = {}): (text: string) => Root {
  const compile = compiler(options.mdastExtensions ?? []);
  const parser = parse({ extensions: options.extensions ?? [] });
  return (text) => {
    parser.defined = [];
    parser.lazy = {};
    return compile(postprocess(parser.document().write(preprocess()(text, undefined, true))));
  };
}

const own = {}.hasOwnProperty;
const isList = (event: Event): boolean => event[1].type === 'listOrdered' || event[1].type === 'listUnordered';

function compiler(extensions: Array<Extension | Extension[]>): (events: Event[]) => Root {
  const config: Config = {
    afterExit: [],
    beforeEnter: [],
    transforms: [],
    canContainEols: ['emphasis', 'fragment', 'heading', 'paragraph', 'strong'],
    enter: {
      autolink: opener(link),
      autolinkProtocol: onenterdata,
      autolinkEmail: onenterdata,
      atxHeading: opener(heading),
      blockQuote: opener(blockQuote),
      characterEscape: onenterdata,
      characterReference: onenterdata,
      codeFenced: opener(codeFlow),
      codeFencedFenceInfo: buffer,
      codeFencedFenceMeta: buffer,
      codeIndented: opener(codeFlow, buffer),
      codeText: opener(codeText, buffer),
      codeTextData: onenterdata,
      data: onenterdata,
      codeFlowValue: onenterdata,
      definition: opener(definition),
      definitionDestinationString: buffer,
      definitionLabelString: buffer,
      definitionTitleString: buffer,
      emphasis: opener(emphasis),
      hardBreakEscape: opener(hardBreak),
      hardBreakTrailing: opener(hardBreak),
      htmlFlow: opener(html, buffer),
      htmlFlowData: onenterdata,
      htmlText: opener(html, buffer),
      htmlTextData: onenterdata,
      image: opener(image),
      label: buffer,
      link: opener(link),
      listItem: opener(listItem),
      listItemValue: onenterlistitemvalue,
      listOrdered: opener(list, onenterlistordered),
      listUnordered: opener(list),
      paragraph: opener(paragraph),
      reference: onenterreference,
      referenceString: buffer,
      resourceDestinationString: buffer,
      resourceTitleString: buffer,
      setextHeading: opener(heading),
      strong: opener(strong),
      thematicBreak: opener(thematicBreak),
    },
    exit: {
      atxHeading: closer(),
      atxHeadingSequence: onexitatxheadingsequence,
      autolink: closer(),
      autolinkEmail: onexitautolinkemail,
      autolinkProtocol: onexitautolinkprotocol,
      blockQuote: closer(),
      characterEscapeValue: onexitdata,
      characterReferenceMarkerHexadecimal: onexitcharacterreferencemarker,
      characterReferenceMarkerNumeric: onexitcharacterreferencemarker,
      characterReferenceValue: onexitcharacterreferencevalue,
      characterReference: onexitcharacterreference,
      codeFenced: closer(onexitcodefenced),
      codeFencedFence: onexitcodefencedfence,
      codeFencedFenceInfo: resumeInto('lang'),
      codeFencedFenceMeta: resumeInto('meta'),
      codeFlowValue: onexitdata,
      codeIndented: closer(onexitcodeindented),
      codeText: closer(resumeInto('value')),
      codeTextData: onexitdata,
      data: onexitdata,
      definition: closer(),
      definitionDestinationString: resumeInto('url'),
      definitionLabelString: onexitdefinitionlabelstring,
      definitionTitleString: resumeInto('title'),
      emphasis: closer(),
      hardBreakEscape: closer(onexithardbreak),
      hardBreakTrailing: closer(onexithardbreak),
      htmlFlow: closer(resumeInto('value')),
      htmlFlowData: onexitdata,
      htmlText: closer(resumeInto('value')),
      htmlTextData: onexitdata,
      image: closer(settleReference),
      label: onexitlabel,
      labelText: onexitlabeltext,
      lineEnding: onexitlineending,
      link: closer(settleReference),
      listItem: closer(),
      listOrdered: closer(),
      listUnordered: closer(),
      paragraph: closer(),
      referenceString: onexitreferencestring,
      resourceDestinationString: resumeInto('url'),
      resourceTitleString: resumeInto('title'),
      resource: onexitresource,
      setextHeading: closer(onexitsetextheading),
      setextHeadingLineSequence: onexitsetextheadinglinesequence,
      setextHeadingText: onexitsetextheadingtext,
      strong: closer(),
      thematicBreak: closer(),
    },
  };
  configure(config, extensions);
  return compile;

  function compile(events: Event[]): Root {
    let tree: Root = { type: 'root', children: [], position: undefined };
    const context = {
      stack: [tree],
      tokenStack: [],
      config,
      enter,
      exit,
      buffer,
      resume,
      data: {} as CompileData,
      sliceSerialize: undefined as unknown as CompileContext['sliceSerialize'],
    } as CompileContext;
    // Add `listItem` tokens and infer spread. Each list is prepared while it is last in
    // `prepared`, so nothing shifts. (A text without lists keeps its events as they are.)
    let index = events.findIndex(isList);
    if (index !== -1) {
      const listStack: number[] = [];
      const prepared = events.slice(0, index);
      for (; index < events.length; index++) {
        const event = events[index]!;
        prepared.push(event);
        if (isList(event)) {
          if (event[0] === 'enter') listStack.push(prepared.length - 1);
          else prepareList(prepared, listStack.pop()!);
        }
      }
      events = prepared;
    }
    const { enter: onEnter, exit: onExit, beforeEnter, afterExit } = config;
    index = -1;
    while (++index < events.length) {
      const [kind, token, tokenizer] = events[index]!;
      context.sliceSerialize = tokenizer.sliceSerialize;
      if (kind === 'enter') {
        if (beforeEnter.length > 0) callListeners(beforeEnter, context, token);
        const handle = onEnter[token.type];
        if (handle !== undefined && own.call(onEnter, token.type)) handle.call(context, token);
      } else {
        const handle = onExit[token.type];
        if (handle !== undefined && own.call(onExit, token.type)) handle.call(context, token);
        if (afterExit.length > 0) callListeners(afterExit, context, token);
      }
    }
    // Handle tokens still being open.
    if (context.tokenStack.length > 0) {
      const tail = context.tokenStack[context.tokenStack.length - 1]!;
      (tail[1] || defaultOnError).call(context, undefined, tail[0]);
    }
    // Figure out `root` position.
    const origin = { line: 1, column: 1, offset: 0 };
    tree.position = {
      start: point(events.length > 0 ? events[0]![1].start : origin),
      end: point(events.length > 0 ? events[events.length - 2]![1].end : origin),
    };
    for (const transform of config.transforms) tree = transform(tree) || tree;
    return tree;
  }

  function callListeners(listeners: Handle[], context: CompileContext, token: Token): void {
    for (const listener of listeners) listener.call(context, token);
  }

  /** `events` ends with the list to prepare; `start` is the index of its enter event. */
  function prepareList(events: Event[], start: number): void {
    const end = events.length - 1;
    let index = start - 1;
    let containerBalance = -1;
    let listSpread = false;
    let listItem: Token | undefined;
    let lineIndex: number | undefined;
    let firstBlankLineIndex: number | undefined;
    let atMarker: boolean | undefined;
    // `listItem` events to insert before the event at `at`, in walk order; merged in after the
    // walk, as inserting while walking would shift the rest of the list once per item.
    const insertions: Array<{ at: number; event: Event }> = [];
    while (++index <= end) {
      const event = events[index]!;
      switch (event[1].type) {
        case 'listUnordered':
        case 'listOrdered':
        case 'blockQuote': {
          if (event[0] === 'enter') containerBalance++;
          else containerBalance--;
          atMarker = undefined;
          break;
        }
        case 'lineEndingBlank': {
          if (event[0] === 'enter') {
            if (listItem && !atMarker && !containerBalance && !firstBlankLineIndex) firstBlankLineIndex = index;
            atMarker = undefined;
          }
          break;
        }
        case 'linePrefix':
        case 'listItemValue':
        case 'listItemMarker':
        case 'listItemPrefix':
        case 'listItemPrefixWhitespace':
          break;
        default:
          atMarker = undefined;
      }
      if (
        (!containerBalance && event[0] === 'enter' && event[1].type === 'listItemPrefix') ||
        (containerBalance === -1 && event[0] === 'exit' && (event[1].type === 'listUnordered' || event[1].type === 'listOrdered'))
      ) {
        if (listItem) {
          let tailIndex = index;
          lineIndex = undefined;
          while (tailIndex--) {
            const tailEvent = events[tailIndex]!;
            const type = tailEvent[1].type;
            if (type === 'lineEnding' || type === 'lineEndingBlank') {
              if (tailEvent[0] === 'exit') continue;
              if (lineIndex) {
                events[lineIndex]![1].type = 'lineEndingBlank';
                listSpread = true;
              }
              tailEvent[1].type = 'lineEnding';
              lineIndex = tailIndex;
            } else if (
              type === 'linePrefix' ||
              type === 'blockQuotePrefix' ||
              type === 'blockQuotePrefixWhitespace' ||
              type === 'blockQuoteMarker' ||
              type === 'listItemIndent'
            ) {
              // Empty.
            } else {
              break;
            }
          }
          if (firstBlankLineIndex && (!lineIndex || firstBlankLineIndex < lineIndex)) listItem._spread = true;
          // Fix position.
          listItem.end = Object.assign({}, lineIndex ? events[lineIndex]![1].start : event[1].end);
          insertions.push({ at: lineIndex || index, event: ['exit', listItem, event[2]] });
        }
        // Create a new list item.
        if (event[1].type === 'listItemPrefix') {
          const item: Token = { type: 'listItem', _spread: false, start: Object.assign({}, event[1].start), end: undefined as unknown as Token['end'] };
          listItem = item;
          insertions.push({ at: index, event: ['enter', item, event[2]] });
          firstBlankLineIndex = undefined;
          atMarker = true;
        }
      }
    }
    // The list is at the end of `events`: take it off, then push it back with the insertions
    // merged in. Nothing follows the list, so nothing shifts.
    const listEvents = events.splice(start);
    let insertion = 0;
    for (index = 0; index < listEvents.length; index++) {
      while (insertion < insertions.length && insertions[insertion]!.at === start + index) events.push(insertions[insertion++]!.event);
      events.push(listEvents[index]!);
    }
    events[start]![1]._spread = listSpread;
  }

  function opener(create: (token: Token) => Nodes, and?: Handle): Handle {
    return function open(this: CompileContext, token: Token) {
      enter.call(this, create(token), token);
      if (and) and.call(this, token);
    };
  }

  function buffer(this: CompileContext): undefined {
    this.stack.push({ type: 'fragment', children: [] });
  }

  function enter(this: CompileContext, node: Nodes, token: Token, errorHandler?: OnEnterError | null): undefined {
    const parent = this.stack[this.stack.length - 1] as Parent;
    parent.children.push(node as never);
    this.stack.push(node);
    this.tokenStack.push([token, errorHandler || undefined]);
    node.position = { start: point(token.start), end: undefined as unknown as Point };
  }

  function closer(and?: Handle): Handle {
    return function close(this: CompileContext, token: Token) {
      if (and) and.call(this, token);
      exit.call(this, token);
    };
  }

  function exit(this: CompileContext, token: Token, onExitError?: OnExitError | null): undefined {
    const node = this.stack.pop() as Building;
    const open = this.tokenStack.pop();
    if (!open) throw new Error(`Cannot close \`${token.type}\` (${stringifyPosition({ start: token.start, end: token.end })}): it’s not open`);
    if (open[0].type !== token.type) {
      if (onExitError) onExitError.call(this, token, open[0]);
      else (open[1] || defaultOnError).call(this, token, open[0]);
    }
    node.position.end = point(token.end);
  }

  function resume(this: CompileContext): string {
    return textOf(this.stack.pop());
  }

  // Handlers.

  function current(context: CompileContext): Building {
    return context.stack[context.stack.length - 1] as Building;
  }

  /** A handle that sets the current node's `field` to the text buffered since `buffer()`. */
  function resumeInto(field: string): Handle {
    return function resumed(this: CompileContext) {
      const data = this.resume();
      current(this)[field] = data;
    };
  }

  function onenterlistordered(this: CompileContext): undefined {
    this.data.expectingFirstListItemValue = true;
  }

  function onenterlistitemvalue(this: CompileContext, token: Token): undefined {
    if (this.data.expectingFirstListItemValue) {
      const ancestor = this.stack[this.stack.length - 2] as List;
      ancestor.start = Number.parseInt(this.sliceSerialize(token), 10);
      this.data.expectingFirstListItemValue = undefined;
    }
  }

  function onexitcodefencedfence(this: CompileContext): undefined {
    // Exit if this is the closing fence.
    if (this.data.flowCodeInside) return;
    this.buffer();
    this.data.flowCodeInside = true;
  }

  function onexitcodefenced(this: CompileContext): undefined {
    const data = this.resume();
    current(this).value = data.replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, '');
    this.data.flowCodeInside = undefined;
  }

  function onexitcodeindented(this: CompileContext): undefined {
    const data = this.resume();
    current(this).value = data.replace(/(\r?\n|\r)$/g, '');
  }

  function onexitdefinitionlabelstring(this: CompileContext, token: Token): undefined {
    const label = this.resume();
    const node = current(this);
    node.label = label;
    node.identifier = normalizeIdentifier(this.sliceSerialize(token)).toLowerCase();
  }

  function onexitatxheadingsequence(this: CompileContext, token: Token): undefined {
    const node = current(this);
    if (!node.depth) node.depth = this.sliceSerialize(token).length;
  }

  function onexitsetextheadingtext(this: CompileContext): undefined {
    this.data.setextHeadingSlurpLineEnding = true;
  }

  function onexitsetextheadinglinesequence(this: CompileContext, token: Token): undefined {
    current(this).depth = this.sliceSerialize(token).codePointAt(0) === 61 ? 1 : 2;
  }

  function onexitsetextheading(this: CompileContext): undefined {
    this.data.setextHeadingSlurpLineEnding = undefined;
  }

  function onenterdata(this: CompileContext, token: Token): undefined {
    const siblings = (this.stack[this.stack.length - 1] as Parent).children as Nodes[];
    let tail = siblings[siblings.length - 1];
    if (tail?.type !== 'text') {
      // Add a new text node.
      tail = text();
      tail.position = { start: point(token.start), end: undefined as unknown as Point };
      siblings.push(tail);
    }
    this.stack.push(tail);
  }

  function onexitdata(this: CompileContext, token: Token): undefined {
    const tail = this.stack.pop() as Text & Building;
    tail.value += this.sliceSerialize(token);
    tail.position.end = point(token.end);
  }

  function onexitlineending(this: CompileContext, token: Token): undefined {
    const context = current(this) as Parent & Building;
    // If we’re at a hard break, include the line ending in there.
    if (this.data.atHardBreak) {
      const tail = context.children[context.children.length - 1] as Building;
      tail.position.end = point(token.end);
      this.data.atHardBreak = undefined;
      return;
    }
    if (!this.data.setextHeadingSlurpLineEnding && config.canContainEols.includes(context.type)) {
      onenterdata.call(this, token);
      onexitdata.call(this, token);
    }
  }

  function onexithardbreak(this: CompileContext): undefined {
    this.data.atHardBreak = true;
  }

  /** Links and images carry `identifier` and `label` until it is known whether they are references. */
  function settleReference(this: CompileContext): undefined {
    const node = current(this);
    if (this.data.inReference) {
      const referenceType = this.data.referenceType || 'shortcut';
      node.type += 'Reference';
      node.referenceType = referenceType;
      delete node.url;
      delete node.title;
    } else {
      delete node.identifier;
      delete node.label;
    }
    this.data.referenceType = undefined;
  }

  function onexitlabeltext(this: CompileContext, token: Token): undefined {
    const string = this.sliceSerialize(token);
    // Stashed on the node, as it might become a reference later.
    const ancestor = this.stack[this.stack.length - 2] as Building;
    ancestor.label = decodeString(string);
    ancestor.identifier = normalizeIdentifier(string).toLowerCase();
  }

  function onexitlabel(this: CompileContext): undefined {
    const fragment = current(this) as Parent & Building;
    const value = this.resume();
    const node = current(this);
    // Assume a reference.
    this.data.inReference = true;
    if (node.type === 'link') node.children = fragment.children as PhrasingContent[];
    else node.alt = value;
  }

  function onexitresource(this: CompileContext): undefined {
    this.data.inReference = undefined;
  }

  function onenterreference(this: CompileContext): undefined {
    this.data.referenceType = 'collapsed';
  }

  function onexitreferencestring(this: CompileContext, token: Token): undefined {
    const label = this.resume();
    const node = current(this);
    node.label = label;
    node.identifier = normalizeIdentifier(this.sliceSerialize(token)).toLowerCase();
    this.data.referenceType = 'full';
  }

  function onexitcharacterreferencemarker(this: CompileContext, token: Token): undefined {
    this.data.characterReferenceType = token.type as CompileData['characterReferenceType'];
  }

  function onexitcharacterreferencevalue(this: CompileContext, token: Token): undefined {
    const data = this.sliceSerialize(token);
    const type = this.data.characterReferenceType;
    let value: string | false;
    if (type) {
      value = decodeNumericCharacterReference(data, type === 'characterReferenceMarkerNumeric' ? 10 : 16);
      this.data.characterReferenceType = undefined;
    } else {
      value = decodeNamedCharacterReference(data);
    }
    (current(this) as Text & Building).value += value;
  }

  function onexitcharacterreference(this: CompileContext, token: Token): undefined {
    const tail = this.stack.pop() as Building;
    tail.position.end = point(token.end);
  }

  function onexitautolinkprotocol(this: CompileContext, token: Token): undefined {
    onexitdata.call(this, token);
    current(this).url = this.sliceSerialize(token);
  }

  function onexitautolinkemail(this: CompileContext, token: Token): undefined {
    onexitdata.call(this, token);
    current(this).url = `mailto:${this.sliceSerialize(token)}`;
  }

  // Creaters. Each node declares `position` (undefined until `enter` sets it) as its last
  // property, so a node type keeps one hidden class from construction on.

  function blockQuote(): Blockquote {
    return { type: 'blockquote', children: [], position: undefined };
  }
  function codeFlow(): Code {
    return { type: 'code', lang: null, meta: null, value: '', position: undefined };
  }
  function codeText(): InlineCode {
    return { type: 'inlineCode', value: '', position: undefined };
  }
  function definition(): Definition {
    return { type: 'definition', identifier: '', label: null, title: null, url: '', position: undefined };
  }
  function emphasis(): Emphasis {
    return { type: 'emphasis', children: [], position: undefined };
  }
  function heading(): Heading {
    // `depth` is set when the heading's sequence or underline is read.
    return { type: 'heading', depth: 0 as Heading['depth'], children: [], position: undefined };
  }
  function hardBreak(): Break {
    return { type: 'break', position: undefined };
  }
  function html(): Html {
    return { type: 'html', value: '', position: undefined };
  }
  function image(): Image {
    return { type: 'image', title: null, url: '', alt: null, position: undefined };
  }
  function link(): Link {
    return { type: 'link', title: null, url: '', children: [], position: undefined };
  }
  function list(token: Token): List {
    return { type: 'list', ordered: token.type === 'listOrdered', start: null, spread: token._spread, children: [], position: undefined };
  }
  function listItem(token: Token): ListItem {
    return { type: 'listItem', spread: token._spread, checked: null, children: [], position: undefined };
  }
  function paragraph(): Paragraph {
    return { type: 'paragraph', children: [], position: undefined };
  }
  function strong(): Strong {
    return { type: 'strong', children: [], position: undefined };
  }
  function text(): Text {
    return { type: 'text', value: '', position: undefined };
  }
  function thematicBreak(): ThematicBreak {
    return { type: 'thematicBreak', position: undefined };
  }
}

function point(d: Point): Point {
  return { line: d.line, column: d.column, offset: d.offset };
}

function configure(combined: Config, extensions: Array<Extension | Extension[]>): void {
  for (const value of extensions) {
    if (Array.isArray(value)) configure(combined, value);
    else extension(combined, value);
  }
}

function extension(combined: Config, extension: Extension): void {
  if (extension.canContainEols) combined.canContainEols.push(...extension.canContainEols);
  if (extension.transforms) combined.transforms.push(...(extension.transforms as Transform[]));
  if (extension.afterExit) combined.afterExit.push(extension.afterExit);
  if (extension.beforeEnter) combined.beforeEnter.push(extension.beforeEnter);
  if (extension.enter) Object.assign(combined.enter, extension.enter as Handles);
  if (extension.exit) Object.assign(combined.exit, extension.exit as Handles);
}

function defaultOnError(this: unknown, left: Token | undefined, right: Token): undefined {
  const at = (token: Token) => stringifyPosition({ start: token.start, end: token.end });
  if (left) throw new Error(`Cannot close \`${left.type}\` (${at(left)}): a different token (\`${right.type}\`, ${at(right)}) is open`);
  throw new Error(`Cannot close document, a token (\`${right.type}\`, ${at(right)}) is still open`);
}
