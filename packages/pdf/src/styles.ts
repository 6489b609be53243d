import type { FontRole } from './fonts.js';

/** How one kind of block looks. Sizes in points. */
export interface TextStyle {
  font: FontRole;
  size: number;
  /** Hex colour, or a theme slot. */
  color: string | 'primary' | 'accent' | 'muted';
  lineGap: number;
  spaceBefore: number;
  spaceAfter: number;
  /** Left indent in points. */
  indent?: number;
}

/**
 * The style map, keyed by block type and role (pdfkit's docs/generate.js habit). Layout code asks
 * for a style by name; nothing else hard-codes a size or a face.
 */
export const STYLES = {
  title: { font: 'sans-bold', size: 20, color: 'primary', lineGap: 2, spaceBefore: 0, spaceAfter: 6 },
  h1: { font: 'sans-bold', size: 16, color: 'primary', lineGap: 2, spaceBefore: 14, spaceAfter: 6 },
  h2: { font: 'sans-bold', size: 12.5, color: 'primary', lineGap: 1, spaceBefore: 14, spaceAfter: 5 },
  h3: { font: 'sans-bold', size: 10.5, color: 'accent', lineGap: 1, spaceBefore: 9, spaceAfter: 3 },
  paragraph: { font: 'serif', size: 10, color: '#1a1a1a', lineGap: 2.5, spaceBefore: 0, spaceAfter: 6 },
  summary: { font: 'serif', size: 10.5, color: '#1a1a1a', lineGap: 3, spaceBefore: 0, spaceAfter: 8 },
  byline: { font: 'sans', size: 9, color: 'muted', lineGap: 1.5, spaceBefore: 0, spaceAfter: 2 },
  translation: { font: 'sans', size: 9.5, color: '#1a1a1a', lineGap: 2, spaceBefore: 0, spaceAfter: 2 },
  listItem: { font: 'serif', size: 9.5, color: '#1a1a1a', lineGap: 2, spaceBefore: 0, spaceAfter: 4, indent: 12 },
  note: { font: 'sans-italic', size: 8.5, color: 'muted', lineGap: 1.5, spaceBefore: 0, spaceAfter: 6 },
  quote: { font: 'serif-italic', size: 10, color: '#1a1a1a', lineGap: 2.5, spaceBefore: 2, spaceAfter: 1, indent: 14 },
  quoteSpeaker: { font: 'sans', size: 8.5, color: 'muted', lineGap: 1, spaceBefore: 0, spaceAfter: 8, indent: 14 },
  tableHeader: { font: 'sans-bold', size: 8.5, color: '#ffffff', lineGap: 1, spaceBefore: 0, spaceAfter: 0 },
  tableCell: { font: 'sans', size: 8.5, color: '#1a1a1a', lineGap: 1, spaceBefore: 0, spaceAfter: 0 },
  caption: { font: 'sans-italic', size: 8, color: 'muted', lineGap: 1, spaceBefore: 2, spaceAfter: 10 },
  outline: { font: 'sans', size: 9, color: '#1a1a1a', lineGap: 1.5, spaceBefore: 0, spaceAfter: 2, indent: 0 },
  link: { font: 'sans', size: 8.5, color: 'primary', lineGap: 1.5, spaceBefore: 0, spaceAfter: 3 },
  tocEntry: { font: 'sans', size: 10, color: '#1a1a1a', lineGap: 0, spaceBefore: 0, spaceAfter: 5 },
  tocSub: { font: 'sans', size: 8.5, color: 'muted', lineGap: 0, spaceBefore: 0, spaceAfter: 4, indent: 14 },
  runningHeader: { font: 'sans', size: 7.5, color: 'muted', lineGap: 0, spaceBefore: 0, spaceAfter: 0 },
  footer: { font: 'sans', size: 7.5, color: 'muted', lineGap: 0, spaceBefore: 0, spaceAfter: 0 },
  coverOrg: { font: 'sans-bold', size: 11, color: '#ffffff', lineGap: 0, spaceBefore: 0, spaceAfter: 0 },
  coverTitle: { font: 'sans-bold', size: 30, color: 'primary', lineGap: 4, spaceBefore: 0, spaceAfter: 10 },
  coverSubtitle: { font: 'serif', size: 15, color: '#333333', lineGap: 3, spaceBefore: 0, spaceAfter: 18 },
  coverMeta: { font: 'sans', size: 11, color: 'muted', lineGap: 2, spaceBefore: 0, spaceAfter: 4 },
} as const satisfies Record<string, TextStyle>;

export type StyleName = keyof typeof STYLES;

/** Colours a pack file may set. */
export interface ThemeColours {
  primary: string;
  accent: string;
  muted: string;
  /** Table header band, rules. */
  rule: string;
  /** Alternate table rows. */
  zebra: string;
}

export const DEFAULT_COLOURS: ThemeColours = {
  primary: '#1f3a5f',
  accent: '#a23b2a',
  muted: '#5f6770',
  rule: '#1f3a5f',
  zebra: '#f1f3f6',
};

export const resolveColour = (colour: string, theme: ThemeColours): string =>
  colour === 'primary' || colour === 'accent' || colour === 'muted' ? theme[colour] : colour;
