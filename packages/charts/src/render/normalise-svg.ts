/**
 * Post-processing of cairo's SVG: deterministic ids and shorter numbers.
 *
 * cairo numbers some ids from process-wide counters (`<g id="surface26">` on the second chart,
 * `surface11` on the first), so the same chart would differ between runs. Every id of cairo's
 * families is renumbered in order of first appearance; references (`#surface1`, `url(#clip2)`) are
 * renamed with them.
 *
 * Text comes out as glyph outlines with six decimals per coordinate; two decimals (1/100 pt) are
 * beyond what print or screen show and make the SVG — and the PDF work of parsing it — smaller.
 */
const CAIRO_ID = /\b(surface|clip|mask|pattern|image|source|linear|radial|filter)(\d+)\b/g;
const LONG_DECIMAL = /-?\d+\.\d{3,}/g;

export function normaliseSvg(svg: string): string {
  const maps = new Map<string, Map<string, number>>();
  return svg
    .replace(CAIRO_ID, (_match, prefix: string, n: string) => {
      let map = maps.get(prefix);
      if (!map) {
        map = new Map();
        maps.set(prefix, map);
      }
      let id = map.get(n);
      if (id === undefined) {
        id = map.size + 1;
        map.set(n, id);
      }
      return `${prefix}${id}`;
    })
    .replace(LONG_DECIMAL, (num) => {
      const rounded = Number(num).toFixed(2).replace(/\.?0+$/, '');
      return rounded === '-0' ? '0' : rounded;
    });
}
