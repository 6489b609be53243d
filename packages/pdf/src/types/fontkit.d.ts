declare module 'fontkit' {
  /** A parsed font; pdfkit ≥ 0.20 accepts it in place of font bytes. */
  export interface Font {
    postscriptName: string;
    /** `features`: tags to apply, or tags mapped to on/off over the script's defaults. */
    layout(text: string, features?: string[] | Record<string, boolean>, ...rest: unknown[]): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
