/**
 * One fixture per residue rule: a synthetic page where the rule must fire (positive) and a body
 * sentence that only mentions the same words, which must stay (negative).
 */
import { describe, expect, it } from 'vitest';
import { cleanText, paragraphs } from './clean-helpers.js';

/** Title, two paragraphs, the line under test, three more paragraphs. */
const inBody = (line: string): string => `# The Velmora Channel Plan\n\n${paragraphs(2)}\n\n${line}\n\n${paragraphs(3, 2)}\n`;
/** The line under test after the article's last paragraph. */
const atEnd = (line: string): string => `# The Velmora Channel Plan\n\n${paragraphs(5)}\n\n${line}\n`;

describe('line rules inside the article', () => {
  const cases: Array<[rule: string, residue: string, keep: string]> = [
    ['navigation', 'Skip to main content', 'Officials said they would skip to the main content of the bill at the next session of the council.'],
    ['share-bar', 'Mail   Facebook   Twitter / X   LinkedIn', 'Fishers share photos of the channel on Facebook and LinkedIn to document the damage to the shore.'],
    ['share-bar', 'Download (pdf - 2.1 MB)', 'Farmers can download the full tender documents from the council website, the mayor said.'],
    ['share-bar', 'Link Copied', 'The report copied a link between dredging and fish stocks from an earlier survey of the bay.'],
    ['read-time', '9 min read', 'Residents said it takes about nine minutes to read the whole notice posted at the harbour gate.'],
    ['cookie-notice', 'We use cookies to ensure that we give you the best experience on our website.', 'The bakery near the harbour sells cookies to dock workers on the early shift every morning.'],
    ['newsletter-promo', 'Sign up to receive the Harbour Brief in your inbox every weekday.', 'Dock workers had to sign up for the new safety course before the dredging work could begin.'],
    ['newsletter-promo', 'Subscribe', 'Many cooperatives subscribe to the port bulletin, which has covered the dispute since it began.'],
    ['subscription-promo', 'My Port: Follow topics and authors. Exclusively for subscribers. Subscribe Now | Log In', 'Subscribers to the cooperative scheme receive a share of the compensation paid by the council.'],
    ['comments', 'Please follow our comment guidelines, stay on topic, and be civil.', 'The council will follow the guidelines of the national water agency when it reviews the plan.'],
    ['event-promo', 'Online Event Thu, March 5, 2026 • 10:00 am ET What the channel means for grain', 'An online event held by the cooperatives in March drew several hundred participants from the coast.'],
    ['error-template', 'ERROR MESSAGE HEADING ERROR MESSAGE CONTENT', 'The error in the first survey was traced to a faulty sonar reading in the northern basin last year.'],
    ['widget-text', 'Your feedback will be used to help improve Google Translate', 'Residents said their feedback on the plan had been ignored by the regional council for months.'],
    ['photo-credit', 'Ana Ruiz/AFP/Getty Images', 'A photographer for the agency, Ana Ruiz, said the shore had changed visibly since the works began.'],
    ['separator', '◆', 'The plan marks a turning point for the port and its three hundred workers, the mayor said.'],
    ['contact', 'Phone: 555 010 7788', 'Residents can phone the harbour office with complaints about noise from the dredgers at night.'],
  ];
  for (const [rule, residue, keep] of cases) {
    it(`${rule}: drops "${residue.slice(0, 40)}"`, () => {
      const page = cleanText(inBody(residue));
      expect(page.ruleOf(residue)).toBe(rule);
      expect(page.bodyText).not.toContain(residue);
      expect(page.result.residue.some((r) => r.rule === rule)).toBe(true);
    });
    it(`${rule}: keeps a body sentence that mentions it`, () => {
      const page = cleanText(inBody(keep));
      expect(page.ruleOf(keep)).toBe('body');
    });
  }
});

describe('rules after the article', () => {
  const cases: Array<[rule: string, residue: string]> = [
    ['author-bio', 'Mara Velasquez is a senior fellow at the Institute for Coastal Studies. ❖'],
    ['disclaimer', 'The views expressed here are those of the author and do not necessarily reflect the views of the institute.'],
    ['copyright', '© 2026 Institute for Coastal Studies. All rights reserved.'],
    ['license', 'This work is licensed under Creative Commons Attribution 4.0 International.'],
    ['credit-line', 'Reporting by Ana Ruiz and Tomas Berg; Editing by Lea Kim'],
    ['credit-line', '(Reporting by Ana Ruiz; Additional reporting by Tomas Berg; Editing by Lea Kim)'],
  ];
  for (const [rule, residue] of cases) {
    it(`${rule}: drops the closing line`, () => {
      const page = cleanText(atEnd(residue));
      expect(page.ruleOf(residue.slice(0, 30))).toBe(rule);
      expect(page.bodyText).not.toContain(residue.slice(0, 30));
    });
  }
  it('author-bio: a body sentence "X is a fellow at" in the middle stays', () => {
    const line = 'Mara Velasquez is a senior fellow at the institute and has studied the channel since the first survey in the bay.';
    expect(cleanText(inBody(line)).ruleOf('Mara Velasquez')).toBe('body');
  });
  it('credit-line: authors come from "Reporting by"', () => {
    const page = cleanText(atEnd('Reporting by Ana Ruiz and Tomas Berg; Editing by Lea Kim'));
    expect(page.result.meta.authors.map((a) => a.name)).toEqual(['Ana Ruiz', 'Tomas Berg']);
  });
  it('credit-line: in parentheses, as wire stories print it', () => {
    const page = cleanText(atEnd('(Reporting by Ana Ruiz; Writing by Tomas Berg; Editing by Lea Kim)'));
    expect(page.result.meta.authors.map((a) => a.name)).toEqual(['Ana Ruiz', 'Tomas Berg']);
  });
  it('page-footer: everything after the end marker is dropped', () => {
    const page = cleanText(atEnd('© 2026 Coastal Institute\n\nAbout Us\n\nCareers\n\nThe institute was founded in 1961 and employs forty researchers in three offices.'));
    expect(page.ruleOf('About Us')).toBe('navigation');
    expect(page.ruleOf('The institute was founded')).toBe('page-footer');
  });
});

describe('furniture with meta', () => {
  it('translations: "Also available in" + language links → meta, residue', () => {
    const src = `# The Velmora Channel Plan\n\nAlso available in\n\n[العربية](/ar/analysis/velmora) /\n\n[Français](/fr/analysis/velmora)\n\n${paragraphs(4)}\n`;
    const page = cleanText(src);
    expect(page.result.meta.translations).toEqual([
      { language: 'ar', title: 'العربية', url: '/ar/analysis/velmora' },
      { language: 'fr', title: 'Français', url: '/fr/analysis/velmora' },
    ]);
    expect(page.ruleOf('Also available in')).toBe('translations');
    expect(page.ruleOf('Français')).toBe('translations');
  });
  it('translations: a sentence about languages stays', () => {
    const line = 'The plan is also available in Arabic and French at the harbour office, a spokesperson said.';
    expect(cleanText(inBody(line)).ruleOf(line)).toBe('body');
  });
  it('author-box: marker, name link, bio → authors with url and bio', () => {
    const src = `# The Velmora Channel Plan\n\nABOUT THE AUTHORS\n\n[Mara Velasquez](/experts/mara-velasquez)\n\nMara Velasquez is a senior fellow at the Coastal Institute.\n\n${paragraphs(4)}\n`;
    const page = cleanText(src);
    expect(page.result.meta.authors).toEqual([
      { name: 'Mara Velasquez', url: '/experts/mara-velasquez', bio: 'Mara Velasquez is a senior fellow at the Coastal Institute.' },
    ]);
    expect(page.ruleOf('ABOUT THE AUTHORS')).toBe('author-box');
  });
  it('tag-list: TOPICS / REGIONS markers → topics and regions', () => {
    const page = cleanText(atEnd('TOPICS\n\nPorts & Shipping [(/topics/ports)](#)\n\n[Fisheries (/topics/fisheries)](/topics/fisheries)\n\nREGIONS & COUNTRIES\n\n[Chile](/regions/chile)'));
    expect(page.result.meta.topics).toEqual(['Ports & Shipping', 'Fisheries']);
    expect(page.result.meta.regions).toEqual(['Chile']);
    expect(page.bodyText).not.toContain('Fisheries');
    expect(page.ruleOf('TOPICS')).toBe('tag-list');
  });
  it('tag-list: a space-separated tag line, split with "&" kept together', () => {
    const page = cleanText(inBody('Conflict Europe & Eurasia Human Rights Energy Security Ukraine'));
    expect(page.result.meta.topics).toEqual(['Conflict', 'Human Rights', 'Energy Security']);
    expect(page.result.meta.regions).toEqual(['Europe & Eurasia', 'Ukraine']);
  });
  it('tag-list: a title-case headline is not a tag line', () => {
    const line = 'Why The Harbour Plan Will Not Save The Northern Mills';
    expect(cleanText(inBody(line)).ruleOf(line)).not.toBe('tag-list');
  });
  it('tag-list: "Read More On a | b | c"', () => {
    const page = cleanText(atEnd('Read More On  Fisheries | Chile | Ports'));
    expect(page.result.meta.regions).toEqual(['Chile']);
    expect(page.result.meta.topics).toEqual(['Fisheries', 'Ports']);
  });
  it('related-list: RECOMMENDED cards → related with date, authors, url', () => {
    const page = cleanText(
      atEnd(
        'RECOMMENDED\n\nBRIEF ANALYSIS\n\n[Grain Routes After the Drought](#)\n\nFeb 11, 2022\n\n◆\nTomas Berg\n\n[\\(/analysis/grain-routes\\)](#)\n\nCOMMENTARY\n\n[A Second Look at Coastal Dredging](#)\n\nMar 2, 2022\n\n◆\nLea Kim',
      ),
    );
    expect(page.result.meta.related).toEqual([
      { title: 'Grain Routes After the Drought', date: '2022-02-11', authors: ['Tomas Berg'], url: '/analysis/grain-routes' },
      { title: 'A Second Look at Coastal Dredging', date: '2022-03-02', authors: ['Lea Kim'] },
    ]);
    expect(page.bodyText).not.toContain('Grain Routes');
  });
  it('related-list: list items that are one link each are cards, however they are cased', () => {
    const src = `# The Velmora Channel Plan\n\n${paragraphs(4)}\n\n### Related\n\n- [Fuel subsidies in the Sahel](/a)\n- [Mali's new transit rules](/b)\n- [Why the corridor matters](/c)\n`;
    const page = cleanText(src);
    expect(page.result.meta.related.map((r) => [r.title, r.url])).toEqual([
      ['Fuel subsidies in the Sahel', '/a'],
      ["Mali's new transit rules", '/b'],
      ['Why the corridor matters', '/c'],
    ]);
  });
  it('related-list: an inline "Topics: a, b" line after the cards is the page\'s tags', () => {
    const src = `# The Velmora Channel Plan\n\n${paragraphs(4)}\n\nRelated\n\n- [Why the cap never bit](https://example.org/a)\n- [Pipelines at 50](https://example.org/b)\n\nTopics: Energy, European Union\n`;
    const page = cleanText(src);
    expect(page.result.meta.related.map((r) => r.title)).toEqual(['Why the cap never bit', 'Pipelines at 50']);
    expect(page.result.meta.topics).toEqual(['Energy', 'European Union']);
    expect(page.ruleOf('Topics:')).toBe('tag-list');
  });
  it('related-list: "**Title** _by Author_" bullets in the body', () => {
    const page = cleanText(inBody('* **How Ports Shape Inland Trade** _by Ana Ruiz_\n* **The Limits of Dredging** _by Tomas Berg and Lea Kim_'));
    expect(page.result.meta.related.map((r) => r.title)).toEqual(['How Ports Shape Inland Trade', 'The Limits of Dredging']);
    expect(page.result.meta.related[1]!.authors).toEqual(['Tomas Berg', 'Lea Kim']);
  });
  it('promo-card: a label, headline and dek set into the article', () => {
    const page = cleanText(inBody('Commentary\nWhat the Dredging Means for Anglers\nThe cooperatives face a long fight over compensation.'));
    expect(page.ruleOf('What the Dredging Means')).toBe('promo-card');
    expect(page.ruleOf('The cooperatives face a long fight')).toBe('promo-card');
  });
  it('promo-card: "Program … Learn More" boxes', () => {
    const page = cleanText(`# The Velmora Channel Plan\n\nProgram\nCoastal Futures\nThe Coastal Futures Program studies ports, fisheries and the communities that depend on them.\nLearn More\n\n${paragraphs(4)}`);
    expect(page.ruleOf('The Coastal Futures Program')).toBe('promo-card');
  });
  it('embedded-json: a data blob → authors, topics, regions', () => {
    const page = cleanText(`# The Velmora Channel Plan\n\n{\n  "authors": ["Ana Ruiz"],\n  "regions": ["Chile"],\n  "topics": ["Fisheries"]\n}\n\n${paragraphs(4)}`);
    expect(page.result.meta.authors.map((a) => a.name)).toEqual(['Ana Ruiz']);
    expect(page.result.meta.regions).toEqual(['Chile']);
    expect(page.result.meta.topics).toEqual(['Fisheries']);
    expect(page.ruleOf('"authors"')).toBe('embedded-json');
  });
});

describe('duplicates, quizzes and inline noise', () => {
  it('duplicate: the second copy of a paragraph goes, the first stays', () => {
    const p = 'The channel will be closed to traffic for six weeks while the dredgers work on the outer bar.';
    const page = cleanText(inBody(`${p}\n\nThe cooperatives disagree.\n\n${p}`));
    const idx = page.units.map((u, i) => [u.text, i] as const).filter(([t]) => t === p).map(([, i]) => i);
    expect(page.result.decisions[idx[0]!]!.role).toBe('body');
    expect(page.result.decisions[idx[1]!]!.rule).toBe('duplicate');
  });
  it('duplicate: short repeated phrases are not duplicates', () => {
    const page = cleanText(inBody('He agreed.\n\nShe agreed.\n\nHe agreed.'));
    expect(page.body.filter((t) => t === 'He agreed.')).toHaveLength(2);
  });
  it('quiz: question, lettered options and the answer with its explanation', () => {
    const page = cleanText(
      inBody('Which port handled the most grain last year?\n\nA. Velmora\n\nB. Ostrin\n\nC. Palda\n\nB. Ostrin\n\nOstrin overtook Velmora after the drought closed the inland canal.'),
    );
    for (const t of ['Which port handled', 'A. Velmora', 'C. Palda', 'Ostrin overtook']) expect(page.ruleOf(t)).toBe('quiz');
  });
  it('link-noise: ", opens new tab" glued into a sentence is a drop range', () => {
    const page = cleanText(inBody('Shipping firm Nordlast (NRD.OL), opens new tab said it would move two routes to the new channel next year.'));
    const d = page.decisionOf('Nordlast');
    expect(d.role).toBe('body');
    expect(d.drop?.[0]?.rule).toBe('link-noise');
    expect(page.bodyText).not.toContain('opens new tab');
  });
  it('sign-off: a trailing "—Name" after the last sentence is dropped', () => {
    const page = cleanText(inBody('The council will vote on the plan next month, officials said._—Ana Ruiz_'));
    expect(page.decisionOf('The council will vote').drop?.[0]?.rule).toBe('sign-off');
  });
});

describe('captions', () => {
  it('image-caption: a map caption is a caption, not body', () => {
    const page = cleanText(inBody('Port authority map showing the planned channel and the spawning grounds along the northern shore.'));
    expect(page.decisionOf('Port authority map').role).toBe('caption');
  });
  it('image-caption: a caption with "(Photo by … via Getty Images)"', () => {
    const page = cleanText(inBody('Dredgers at work in the outer harbour on May 3, 2026. (Photo by Ana Ruiz via Getty Images)'));
    expect(page.decisionOf('Dredgers at work').role).toBe('caption');
  });
  it('image-caption: the line before a credit line, and the credit is residue', () => {
    const page = cleanText(inBody('Fishers mend nets on the northern quay as the dredgers arrive.\nAna Ruiz/AFP/Getty Images'));
    expect(page.decisionOf('Fishers mend nets').role).toBe('caption');
    expect(page.ruleOf('Ana Ruiz/AFP')).toBe('photo-credit');
  });
  it('a sentence about a map is body', () => {
    const line = 'The council published a map last year, but it did not show the spawning grounds that the fishers had marked.';
    expect(cleanText(inBody(line)).decisionOf('The council published a map').role).toBe('body');
  });
});

describe('markdown sections named like furniture', () => {
  it('"## Issues" with a short bullet list inside the article stays body', () => {
    const page = cleanText(`# The Velmora Channel Plan\n\n${paragraphs(2)}\n\n## Issues\n\n- Water scarcity\n- Migration pressure\n\n${paragraphs(4, 2)}`);
    expect(page.decisionOf('Issues')).toMatchObject({ role: 'heading' });
    expect(page.ruleOf('Water scarcity')).toBe('body');
    expect(page.result.meta.topics).toEqual([]);
  });
  it('"## Related" followed by prose inside the article stays body', () => {
    const page = cleanText(`# The Velmora Channel Plan\n\n${paragraphs(2)}\n\n## Related\n\n${paragraphs(4, 2)}`);
    expect(page.ruleOf('Related')).toBe('heading');
  });
});

describe('the head of a clean page', () => {
  it('a short key-points list before the first paragraph stays', () => {
    const page = cleanText(`# The Velmora Channel Plan\n\n- Deeper channel by 2030\n- Compensation unresolved\n\n${paragraphs(4)}`);
    expect(page.ruleOf('Deeper channel by 2030')).toBe('body');
  });
  it('a genre label, date and reading time on one line give kind and date', () => {
    for (const line of ['*Commentary* · 4 February 2026', 'Analysis | February 4, 2026 | 6 min read', 'Commentary — 4 Feb 2026']) {
      const page = cleanText(`# The Velmora Channel Plan\n\n${line}\n\n${paragraphs(4)}`);
      expect(page.result.meta.published, line).toBe('2026-02-04');
      expect(page.result.meta.kind, line).toBe(line.includes('Analysis') ? 'Analysis' : 'Commentary');
      expect(page.ruleOf(line.replace(/\*/g, '').slice(0, 10)), line).toBe('date-line');
    }
    // A line with other words than those parts is no header cluster.
    const other = cleanText(`# The Velmora Channel Plan\n\nCommentary · Harbour desk · 4 February 2026\n\n${paragraphs(4)}`);
    expect(other.result.meta.kind).toBe('');
  });
  it('menu words before the title go', () => {
    const page = cleanText(`Home\nResearch\nExperts\n\n# The Velmora Channel Plan\n\n${paragraphs(4)}`);
    expect(page.ruleOf('Home')).toBe('navigation');
    expect(page.ruleOf('Experts')).toBe('navigation');
  });
});

describe('news-site chrome', () => {
  const cases: Array<[rule: string, residue: string, keep: string]> = [
    ['advertisement', 'Advertisement', 'Advertisement revenue at the port authority fell by a third after the dredging plan was announced.'],
    ['cookie-notice', 'Accept all', 'The cooperatives did not accept all of the council terms, and talks continued into the night.'],
    ['share-bar', 'Follow us on Twitter', 'Residents follow the debate closely, and many posted on Twitter about the vote on Tuesday night.'],
    ['syndication-note', 'This article was originally published by the Coastal Review.', 'The coastal review board published its findings on the spawning grounds in a long report last year.'],
    ['learn-more', 'Continue reading', 'Engineers will continue reading the sonar data before they decide where the channel should run.'],
    ['related-list', 'Related: Why the Grain Trade Is Moving South Again', 'A related problem is that the grain trade has been moving south again, the bank said in its report.'],
  ];
  for (const [rule, residue, keep] of cases) {
    it(`${rule}: drops "${residue}"`, () => {
      expect(cleanText(inBody(residue)).ruleOf(residue)).toBe(rule);
    });
    it(`${rule}: keeps "${keep.slice(0, 40)}…"`, () => {
      expect(cleanText(inBody(keep)).ruleOf(keep)).toBe('body');
    });
  }
  it('"Written by" bylines and "date | N min read" lines', () => {
    const page = cleanText(`# The Velmora Channel Plan\n\nWritten by Ana Ruiz and Tomas Berg\n\nMarch 3, 2024 | 6 min read\n\n${paragraphs(4)}`);
    expect(page.result.meta.authors.map((a) => a.name)).toEqual(['Ana Ruiz', 'Tomas Berg']);
    expect(page.result.meta.published).toBe('2024-03-03');
  });
});

describe('the end of the article', () => {
  it('a bio-like paragraph early in the article does not end it', () => {
    const page = cleanText(`# The Velmora Channel Plan\n\n${paragraphs(3)}\n\nMara Velasquez is a senior fellow at the Coastal Institute.\n\n${paragraphs(5, 3)}`);
    expect(page.ruleOf('Analysts at the provincial')).toBe('body');
    expect(page.ruleOf('Critics counter')).toBe('body');
  });
  it('translations named in a phrase ("Read in Arabic")', () => {
    const page = cleanText(`# The Velmora Channel Plan\n\nAlso available in\n\n[Read in Arabic](/ar/velmora)\n\n${paragraphs(4)}`);
    expect(page.result.meta.translations.map((t) => t.language)).toEqual(['ar']);
  });
});

describe('images', () => {
  it('a logo or an icon is chrome; a photo with alt text is an illustration', () => {
    const src = `# The Velmora Channel Plan\n\n${paragraphs(2)}\n\n![Harbour Ledger logo](/logo.svg)\n\n![Dredgers at work in the outer harbour](/dredgers.jpg)\n\n${paragraphs(3, 2)}`;
    const page = cleanText(src);
    const units = page.units.map((u, i) => [u, page.result.decisions[i]!] as const);
    const decide = (t: string) => units.find(([u]) => u.text.includes(t))?.[1];
    expect(decide('logo')).toMatchObject({ role: 'residue', rule: 'page-image' });
    expect(decide('Dredgers at work')).toMatchObject({ role: 'caption' });
  });
});

describe('translations marker without language links', () => {
  it('"Translations" as a word in the article stays', () => {
    const page = cleanText(`# The Velmora Channel Plan\n\n${paragraphs(2)}\n\nTranslations\n\n${paragraphs(3, 2)}`);
    expect(page.ruleOf('Translations')).toBe('body');
  });
});
