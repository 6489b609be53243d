declare module 'fontkit' {
  /** A parsed font; pdfkit ≥ 0.20 accepts it in place of font bytes. */
  export interface Font {
    postscriptName: string;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
