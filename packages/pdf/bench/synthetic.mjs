/**
 * Synthetic briefs for the bench: fictional text, varied by a seed (deterministic), shaped like a
 * parsed think-tank article: a lead and 5–8 sections, claims of every kind with figures, dates,
 * quotes, entities and links.
 */
const PLACES = ['Kyiv', 'Baghdad', 'Berlin', 'Nairobi', 'Jakarta', 'Lima', 'Oslo', 'Tunis'];
const ORGS = ['World Bank', 'European Commission', 'Energy Ministry', 'United Nations', 'IMF'];
const PEOPLE = ['Amira Haddad', 'Jonas Berg', 'Olena Kravets', 'Tomas Lind', 'Sara Okafor'];
const SUBJECTS = ['substations', 'households', 'schools', 'transformers', 'refugees', 'tonnes of grain'];

function rng(seed) {
  let s = (seed * 2654435761) % 2 ** 32 || 1;
  return () => {
    s = (s * 1664525 + 1013904223) % 2 ** 32;
    return s / 2 ** 32;
  };
}

export function syntheticBrief(seed) {
  const r = rng(seed + 1);
  const pick = (list) => list[Math.floor(r() * list.length)];
  let line = 20;
  let c = 0;
  let f = 0;
  let q = 0;
  let d = 0;
  let e = 0;
  const pos = (l, col = 1) => ({ start: { line: l, column: col, offset: l * 90 + col }, end: { line: l, column: col + 20, offset: l * 90 + col + 20 } });
  const inline = (text, sentence, node) => {
    const at = sentence.indexOf(text);
    return { ...node, text, range: [at, at + text.length], position: pos(line, at + 1) };
  };
  const claim = () => {
    line += 1;
    c++;
    const place = pick(PLACES);
    const org = pick(ORGS);
    const n = Math.round(r() * 5000) + 10;
    const subject = pick(SUBJECTS);
    const kind = pick(['statement', 'statement', 'attributed', 'forecast', 'recommendation']);
    const year = 2015 + Math.floor(r() * 10);
    const money = Math.round(r() * 900) + 5;
    let text;
    const children = [];
    if (kind === 'forecast') text = `Officials in ${place} expect ${n} ${subject} to be affected by ${year}, and costs are likely to reach $${money} million.`;
    else if (kind === 'recommendation') text = `The ${org} should fund ${n} ${subject} in ${place} before ${year}.`;
    else if (kind === 'attributed') {
      const speaker = pick(PEOPLE);
      text = `"We counted ${n} ${subject} in ${place}," said ${speaker} of the ${org} in ${year}.`;
      children.push(inline(`We counted ${n} ${subject} in ${place}`, text, { type: 'quote', id: `q${++q}`, speaker }));
    } else text = `About ${Math.round(r() * 90) + 5}% of ${subject} in ${place} were repaired in ${year}, the ${org} reported after spending $${money} million.`;
    const numberText = kind === 'statement' ? `About ${text.match(/About (\d+)%/)?.[1]}%` : String(n);
    if (kind === 'statement') {
      children.push(inline(numberText, text, { type: 'figure', id: `f${++f}`, value: Number(numberText.match(/\d+/)[0]), unit: '%', kind: 'percent', approximate: true, valueMax: null, subject }));
    } else {
      children.push(inline(`${n} ${subject}`, text, { type: 'figure', id: `f${++f}`, value: n, unit: null, kind: 'count', approximate: false, valueMax: null, subject }));
    }
    if (text.includes(`$${money} million`)) {
      children.push(inline(`$${money} million`, text, { type: 'figure', id: `f${++f}`, value: money * 1e6, unit: 'USD', kind: 'money', approximate: false, valueMax: null, subject: null }));
    }
    children.push(inline(String(year), text, { type: 'date', id: `d${++d}`, value: String(year), precision: 'year' }));
    children.push(inline(place, text, { type: 'entity', id: `e${++e}`, name: place, kind: 'place' }));
    if (text.includes(org)) children.push(inline(org, text, { type: 'entity', id: `e${++e}`, name: org, kind: 'organization' }));
    children.sort((a, b) => a.range[0] - b.range[0]);
    return {
      type: 'claim', id: `c${c}`, kind, text,
      source: kind === 'attributed' ? children.find((x) => x.type === 'quote').speaker : null,
      hedge: kind === 'forecast' ? 'likely' : kind === 'recommendation' ? 'should' : null,
      children, position: pos(line),
    };
  };
  const sections = [];
  const count = 5 + Math.floor(r() * 4);
  for (let s = 0; s <= count; s++) {
    line += 2;
    const paragraphs = [];
    for (let p = 0; p < 2 + Math.floor(r() * 2); p++) paragraphs.push({ type: 'paragraph', children: [claim(), claim(), claim()] });
    sections.push({ type: 'section', id: `s${s}`, depth: s === 0 ? 0 : 2, heading: s === 0 ? null : `Part ${s}: ${pick(PLACES)} and the ${pick(ORGS)}`, position: pos(line), children: paragraphs });
  }
  return {
    type: 'brief',
    id: `synthetic-${String(seed).padStart(3, '0')}`,
    meta: {
      title: `Synthetic brief ${seed}: repairs in ${pick(PLACES)} and what the ${pick(ORGS)} can do`,
      summary: 'A generated brief for measuring render speed. It has a lead, several sections and claims of every kind.',
      authors: [{ name: pick(PEOPLE) }],
      published: `20${String(15 + (seed % 10)).padStart(2, '0')}-0${(seed % 9) + 1}-1${seed % 10}`,
      updated: null,
      publisher: 'Synthetic Institute',
      sourceUrl: `https://example.org/synthetic/${seed}`,
      language: 'en',
      kind: 'Analysis',
      translations: seed % 3 === 0 ? [{ language: 'ar', title: 'تقرير اصطناعي عن إصلاح الشبكة', url: 'https://example.org/ar' }] : [],
      topics: ['energy'],
      regions: [pick(PLACES)],
      related: [],
    },
    children: sections,
  };
}
