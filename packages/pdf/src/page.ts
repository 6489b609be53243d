/** The page geometry the layout draws on, apart from it (no renderer needed to know a column's width). */

export type PageSize = 'A4' | 'Letter';

/** Page margins, in points. */
export const MARGIN = { top: 64, bottom: 62, left: 58, right: 58 };
const PAGE_WIDTH: Record<PageSize, number> = { A4: 595.28, Letter: 612 };

/** Width of the text column of a page size, in points. */
export const textWidth = (size: PageSize): number => PAGE_WIDTH[size] - MARGIN.left - MARGIN.right;
