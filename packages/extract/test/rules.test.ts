/**
 * One block per rule, positive and negative cases, on sentences written for these tests.
 */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { createExtractor, type InlineSpan, type SentenceAnalysis } from '../src/index.js';

const PUBLISHED = '2024-03-14'; // a Thursday
function analyze(text: string, published: string | null = PUBLISHED): SentenceAnalysis {
  return createExtractor({ published }).analyze(text);
}
function of<T extends InlineSpan['type']>(a: SentenceAnalysis, type: T) {
  return a.inlines.filter((n): n is Extract<InlineSpan, { type: T }> => n.type === type);
}
const figure = (text: string) => of(analyze(text), 'figure');
const date = (text: string, published: string | null = PUBLISHED) => of(analyze(text, published), 'date');
const quote = (text: string) => of(analyze(text), 'quote');
const entity = (text: string) => of(analyze(text), 'entity');

it('pins the public exports', () => {
  expect(Object.keys(api).sort()).toEqual(['createExtractor']);
});

describe('figures: numbers', () => {
  it('reads separators, decimals, signs and scales', () => {
    expect(figure('The port handled 14,250 containers.')[0]).toMatchObject({ value: 14250, kind: 'count', subject: 'containers' });
    expect(figure('Output grew 2.75 percent.')[0]).toMatchObject({ value: 2.75, unit: '%', kind: 'percent' });
    expect(figure('The index moved -3.5% overnight.')[0]).toMatchObject({ value: -3.5, unit: '%' });
    expect(figure('Some 1.2 million voters stayed home.')[0]).toMatchObject({ value: 1.2e6, approximate: true, subject: 'voters' });
    expect(figure('The town has 48\u202F300 residents.')[0]).toMatchObject({ value: 48300, subject: 'residents' });
  });
  it('reads spelled-out numbers', () => {
    expect(figure('Forty-two delegations attended.')[0]).toMatchObject({ value: 42, subject: 'delegations' });
    expect(figure('It lasted two and a half years.')[0]).toMatchObject({ value: 2.5, unit: 'year', kind: 'measure' });
    expect(figure('A dozen mayors signed it.')[0]).toMatchObject({ value: 12, subject: 'mayors' });
    expect(figure('They hired three hundred and twenty staff.')[0]).toMatchObject({ value: 320, subject: 'staff' });
  });
  it('leaves pronoun "one" and small anaphoric numbers alone', () => {
    expect(figure('One might ask why the two ministers met.')).toEqual([]);
    expect(figure('She was one of the founders.')).toEqual([]);
  });
  it('takes no figures from names, codes, times or footnote markers', () => {
    expect(figure('The G20 backed Resolution 2334 and the F-16 deal.')).toEqual([]);
    expect(figure('Version 2.0 of the plan shipped at 9:30 a.m. on schedule.')).toEqual([]);
    expect(figure('Growth slowed sharply.14 Exports fell.')).toEqual([]);
    expect(figure('See Article 5 and Figure 3.')).toEqual([]);
  });
  it('reads vague quantities with no value', () => {
    expect(figure('Thousands of workers marched.')[0]).toMatchObject({ value: null, approximate: true, subject: 'workers' });
    expect(figure('It cost tens of billions of euros.')[0]).toMatchObject({ value: null, unit: 'EUR', kind: 'money' });
  });
});

describe('figures: money', () => {
  it.each([
    ['They raised $3.5 billion.', 'USD', 3.5e9],
    ['They raised US$40 million.', 'USD', 40e6],
    ['It cost €250,000.', 'EUR', 250000],
    ['It cost £1.2bn.', 'GBP', 1.2e9],
    ['It cost ¥500 million.', 'JPY', 500e6],
    ['A loan of USD 5 million was agreed.', 'USD', 5e6],
    ['A grant of 300 million euros was agreed.', 'EUR', 300e6],
    ['Receipts fell by 7 billion hryvnias.', 'UAH', 7e9],
    ['Reserves lost 40 billion rubles.', 'RUB', 40e9],
    ['Costs reached 2 million dollars.', 'USD', 2e6],
  ])('%s', (text, unit, value) => {
    expect(figure(text)[0]).toMatchObject({ kind: 'money', unit, value });
  });
  it('keeps bounds exact and approximators approximate', () => {
    expect(figure('Aid totaled more than $90 million.')[0]).toMatchObject({ text: '$90 million', approximate: false });
    expect(figure('Aid totaled about $90 million.')[0]).toMatchObject({ text: 'about $90 million', approximate: true });
  });
});

describe('figures: percent, measures, ranges, rates, fractions, ordinals', () => {
  it('reads percent forms', () => {
    expect(figure('Turnout was 61 per cent.')[0]).toMatchObject({ value: 61, unit: '%' });
    expect(figure('Rates rose 0.5 percentage points.')[0]).toMatchObject({ value: 0.5, unit: 'pp', kind: 'percent' });
    expect(figure('About 40% of voters agreed.')[0]).toMatchObject({ value: 40, subject: 'voters', approximate: true });
  });
  it('reads measures and hyphenated compounds', () => {
    expect(figure('They built a twenty-mile-long wall.')[0]).toMatchObject({ value: 20, unit: 'mi', subject: 'wall' });
    expect(figure('The plant adds 450 MW of capacity.')[0]).toMatchObject({ value: 450, unit: 'MW', kind: 'measure' });
    expect(figure('Exports reached 1.1 million barrels per day.')[0]).toMatchObject({ value: 1.1e6, unit: 'bbl/d' });
    expect(figure('Farms lost 30,000 tonnes of grain.')[0]).toMatchObject({ value: 30000, unit: 't', subject: 'grain' });
    expect(figure('The dispute has lasted two decades.')[0]).toMatchObject({ value: 2, unit: 'decade', subject: null });
  });
  it('reads ranges', () => {
    expect(figure('Between 200 and 300 troops left.')[0]).toMatchObject({ value: 200, valueMax: 300 });
    expect(figure('Prices rose 10–15%.')[0]).toMatchObject({ value: 10, valueMax: 15, unit: '%' });
    expect(figure('The cut went from 2% to 1.5%.').map((f) => f.valueMax)).toEqual([null, null]);
    expect(figure('A cold spring could add eight to ten bcm.')[0]).toMatchObject({ text: 'eight to ten bcm', value: 8, valueMax: 10, unit: 'bcm' });
    expect(figure('They want 5 to 10 billion dollars.')[0]).toMatchObject({ value: 5e9, valueMax: 1e10, unit: 'USD' });
    expect(figure('It takes 2 to 3 weeks.')[0]).toMatchObject({ value: 2, valueMax: 3, unit: 'week' });
  });
  it('reads "X to Y" after a word of change as two figures', () => {
    expect(figure('Conflicts rose from 410 to 1,150.').map((f) => [f.value, f.valueMax])).toEqual([[410, null], [1150, null]]);
    expect(figure('Output rose 5 to 10 percent.').map((f) => f.valueMax)).toEqual([null, null]);
  });
  it('reads spelled ranges with one scale word', () => {
    expect(figure('Between two and three million people fled.')[0]).toMatchObject({ value: 2e6, valueMax: 3e6, subject: 'people' });
    expect(figure('Between one million and two million people fled.')[0]).toMatchObject({ value: 1e6, valueMax: 2e6 });
    expect(figure('Two hundred and fifty troops left.')[0]).toMatchObject({ value: 250 });
    expect(figure('One million two hundred thousand people fled.')[0]).toMatchObject({ value: 1.2e6 });
  });
  it('reads rates', () => {
    expect(figure('Crews fired 400 shells a day.')[0]).toMatchObject({ value: 400, unit: '/day', subject: 'shells' });
    expect(figure('Wages rose 5% per year before the war.')[0]).toMatchObject({ text: '5% per year', unit: '%/year' });
    expect(figure('Guards earn $40 a day on average.')[0]).toMatchObject({ text: '$40 a day', unit: 'USD/day' });
  });
  it('reads a glued "m" as million before people counted, as metres before a dimension', () => {
    expect(figure('Aid rose while 3.5m people fled.')[0]).toMatchObject({ text: '3.5m people', value: 3.5e6, subject: 'people' });
    expect(figure('The tower is 400m tall.')[0]).toMatchObject({ text: '400m', value: 400, unit: 'm', kind: 'measure' });
    expect(figure('It cost $400m last year.')[0]).toMatchObject({ value: 4e8, unit: 'USD' });
  });
  it('takes no figure from a place in a document', () => {
    expect(figure('Cases fell 40 per cent, as noted on page 12 and in footnote 4.').map((f) => f.text)).toEqual(['40 per cent']);
  });
  it('reads "a year" before a word of time as when, not how often', () => {
    expect(figure('Exports reached 700,000 bpd a year earlier.')[0]).toMatchObject({ text: '700,000 bpd', unit: 'bbl/d' });
    expect(figure('Imports fell 3% a year later.')[0]).toMatchObject({ text: '3%', unit: '%' });
    // The figure stays beside the date "a year ago".
    expect(figure('Prices rose 5% a year ago.')[0]).toMatchObject({ text: '5%', value: 5, unit: '%' });
  });
  it('reads fractions as percent', () => {
    expect(figure('Nearly two-thirds of members agreed.')[0]).toMatchObject({ value: 66.7, approximate: true, subject: 'members' });
    expect(figure('Three in four households cut spending.')[0]).toMatchObject({ value: 75, unit: '%' });
    expect(figure('Half of the budget went to defence.')[0]).toMatchObject({ value: 50 });
    expect(figure('That was the smaller half of the job.')).toEqual([]);
  });
  it('reads informative ordinals, not "first" or names', () => {
    expect(figure('She won a third term.')[0]).toMatchObject({ kind: 'ordinal', value: 3, subject: 'term' });
    expect(figure('It is the second-largest port.')[0]).toMatchObject({ kind: 'ordinal', value: 2 });
    expect(figure('The country ranked 14th.')[0]).toMatchObject({ kind: 'ordinal', value: 14 });
    expect(figure('For the first time, the 5th Brigade moved.')).toEqual([]);
  });
});

describe('dates', () => {
  it('reads spans of months as intervals', () => {
    expect(date('Prices rose between October and December.')[0]).toMatchObject({ text: 'October and December', value: '2023-10/2023-12', precision: 'month' });
    expect(date('From March to May 2025 output fell.')[0]).toMatchObject({ value: '2025-03/2025-05' });
    expect(date('Between November 2024 and February 2025 it rained.')[0]).toMatchObject({ value: '2024-11/2025-02' });
    // A verb is no month: "from may to" is not read.
    expect(date('Costs from may to rise.').length).toBe(0);
  });
  it('without a publication date, a day and month is no date and its day no figure', () => {
    for (const text of ['On Sept 18 output fell.', 'The ministry published its plan on 3 March.', 'They met on Jan. 5, officials said.']) {
      const a = analyze(text, null);
      expect(of(a, 'date'), text).toEqual([]);
      expect(of(a, 'figure'), text).toEqual([]);
    }
  });
  it('reads absolute dates with precision', () => {
    expect(date('It began on March 3, 2021.')[0]).toMatchObject({ value: '2021-03-03', precision: 'day' });
    expect(date('It began in August 2019.')[0]).toMatchObject({ value: '2019-08', precision: 'month' });
    expect(date('It began on 4 July 2020.')[0]).toMatchObject({ value: '2020-07-04' });
    expect(date('It began on Sept. 9, 2001.')[0]).toMatchObject({ value: '2001-09-09' });
    expect(date('Prices rose in 2016.')[0]).toMatchObject({ value: '2016', precision: 'year' });
    expect(date('Since 2012, nothing changed.')[0]).toMatchObject({ text: 'Since 2012', value: '2012' });
  });
  it('reads intervals, decades and parts of years', () => {
    expect(date('The boom of 2003-2007 ended.')[0]).toMatchObject({ value: '2003/2007', precision: 'year' });
    expect(date('In the 1980s, it grew.')[0]).toMatchObject({ value: '1980/1989' });
    expect(date('It ends by mid-2027.')[0]).toMatchObject({ value: '2027', precision: 'year' });
    expect(date('Sales fell in the third quarter of 2023.')[0]).toMatchObject({ value: '2023-07/2023-09' });
  });
  it('infers the year of a bare month or day from the publication date', () => {
    expect(date('Talks resume on April 2.')[0]!.value).toBe('2024-04-02');
    expect(date('Talks stalled in November.')[0]!.value).toBe('2023-11');
    expect(date('Talks resumed this June.')[0]!.value).toBe('2024-06');
  });
  it('resolves relative dates', () => {
    expect(date('Prices rose last month.')[0]).toMatchObject({ value: '2024-02', precision: 'month' });
    expect(date('Prices rose last year.')[0]).toMatchObject({ value: '2023', precision: 'year' });
    expect(date('They meet next week.')[0]).toMatchObject({ value: '2024-03-18/2024-03-24', precision: 'day' });
    expect(date('They met on Monday.')[0]).toMatchObject({ value: '2024-03-11' });
    expect(date('They met on Thursday.')[0]).toMatchObject({ value: '2024-03-14' });
    expect(date('They met yesterday.')[0]).toMatchObject({ value: '2024-03-13' });
    expect(date('Prices rose a year ago.')[0]).toMatchObject({ value: '2023-03', precision: 'month' });
  });
  it('skips relative dates when the publication date is unknown', () => {
    expect(date('Prices rose last month.', null)).toEqual([]);
  });
  it('does not read verbs, modals, names or quantities as dates', () => {
    expect(date('The march toward peace may take years.')).toEqual([]);
    expect(date('Vision 2030 targets 2000 troops.')).toEqual([]);
    expect(date('Next week’s meeting matters.')).toEqual([]);
    expect(date('It cost $2019 in fees.')).toEqual([]);
  });
  it('leaves years to dates, never figures', () => {
    const a = analyze('In 2019, exports rose 4%.');
    expect(of(a, 'figure').map((f) => f.value)).toEqual([4]);
  });
});

describe('quotes and speakers', () => {
  it('reads "X said" after, "said X" and "X declared that" before', () => {
    expect(quote('“We will not retreat,” Maria Okonjo said.')[0]).toMatchObject({ text: 'We will not retreat', speaker: 'Maria Okonjo' });
    expect(quote('"Costs are rising fast," said Tomas Berg, a trade analyst.')[0]!.speaker).toBe('Tomas Berg');
    expect(quote('Finance minister Lena Haas declared that "the deficit is under control."')[0]!.speaker).toBe('Lena Haas');
    expect(quote('According to the central bank, «inflation has peaked» this spring.')[0]!.speaker).toBe('central bank');
  });
  it('gives both parts of an interrupted quotation the speaker', () => {
    const q = quote('“This is a start,” Okafor told Reuters, “but not the end of the matter.”');
    expect(q.map((x) => x.speaker)).toEqual(['Okafor', 'Okafor']);
  });
  it('resolves pronouns to the last person named', () => {
    const ex = createExtractor({ published: PUBLISHED });
    ex.analyze('Central bank governor Ana Ruiz spoke in Lima.');
    const a = ex.analyze('“Rates will stay high,” she added.');
    expect(of(a, 'quote')[0]!.speaker).toBe('Ana Ruiz');
    expect([a.kind, a.source]).toEqual(['attributed', 'Ana Ruiz']);
  });
  it('skips short scare quotes and quoted titles without a speaker', () => {
    expect(quote('The so-called "peace dividend" never came.')).toEqual([]);
    expect(quote('They launched the “Green Growth Compact” in May.')).toEqual([]);
  });
  it('treats a Q&A turn as the speaker’s quotation', () => {
    const a = createExtractor({ published: PUBLISHED }).analyze('We expect a slow recovery.', { speaker: 'Jan Novak' });
    expect(of(a, 'quote')[0]).toMatchObject({ speaker: 'Jan Novak', text: 'We expect a slow recovery.' });
    expect(a.source).toBe('Jan Novak');
  });
});

describe('claim kinds', () => {
  it('attributes with a source, and the same source to the previous one', () => {
    const ex = createExtractor({ published: PUBLISHED });
    const first = ex.analyze('Inflation will ease, according to a report issued by the Bank of Ghana.');
    expect([first.kind, first.source]).toEqual(['attributed', 'Bank of Ghana']);
    expect(ex.analyze('The same source noted that wages lag.').source).toBe('Bank of Ghana');
    expect(analyze('Economists argue that the plan is too slow.').source).toBe('Economists');
    expect(analyze('Costs rose, according to a brief issued by the Council on Foreign Affairs.').source).toBe(
      'Council on Foreign Affairs',
    );
    expect(analyze('Peruvian President Ana Soto said the vote was fair.').source).toBe('Ana Soto');
  });
  it('reads forecasts and recommendations with their hedges', () => {
    expect(analyze('The deficit will likely widen.')).toMatchObject({ kind: 'forecast', hedge: 'will, likely' });
    expect(analyze('Exports may recover in spring.')).toMatchObject({ kind: 'forecast', hedge: 'may' });
    expect(analyze('The government should cut spending.')).toMatchObject({ kind: 'recommendation', hedge: 'should' });
    expect(analyze('It is essential that donors act.')).toMatchObject({ kind: 'recommendation' });
  });
  it('does not take nouns or the month for modals', () => {
    expect(analyze('Political will is lacking.').kind).toBe('statement');
    expect(analyze('Talks began in May.').kind).toBe('statement');
    expect(analyze('Credibility requires stability.').kind).toBe('statement');
    expect(analyze('The study found high costs.').kind).toBe('statement');
  });
});

describe('entities', () => {
  it('maps countries, aliases and demonyms to canonical names', () => {
    const names = entity('Tunisian and British officials met U.S. envoys in the Netherlands.').map((e) => e.name);
    expect(names).toEqual(['Tunisia', 'United Kingdom', 'United States', 'Netherlands']);
  });
  it('finds regions and organisations', () => {
    const e = entity('NATO and the IMF discussed the Middle East.');
    expect(e.map((x) => [x.name, x.kind])).toEqual([
      ['NATO', 'organization'],
      ['International Monetary Fund', 'organization'],
      ['Middle East', 'place'],
    ]);
  });
  it('takes a place inside a company or watchdog name as part of the name', () => {
    expect(entity('An analyst at Gulf Maritime Partners in Abu Dhabi agreed.').map((x) => [x.name, x.kind])).toEqual([
      ['Gulf Maritime Partners', 'organization'],
      ['Abu Dhabi', 'place'],
    ]);
    expect(entity('Human Rights Watch and the Sahel Land Observatory disagreed.').map((x) => x.name)).toEqual(['Human Rights Watch', 'Sahel Land Observatory']);
    expect(entity('First Quantum Minerals cut its forecast.').map((x) => [x.name, x.kind])).toEqual([['First Quantum Minerals', 'organization']]);
    expect(entity('The US Treasury said so.').map((x) => [x.name, x.kind])).toEqual([['US Treasury', 'organization']]);
  });
  it('knows regional and UN bodies by acronym and either spelling; a document\'s own definition wins', () => {
    expect(entity('Governments must coordinate escorts with ECOWAS.').map((x) => x.name)).toEqual(['Economic Community of West African States']);
    expect(entity('The World Food Program and the WFP agreed.').map((x) => x.name)).toEqual(['World Food Programme', 'World Food Programme']);
    const ex = createExtractor({ published: PUBLISHED });
    ex.analyze('The Institute of Economic Affairs (IEA) published a paper.');
    expect(of(ex.analyze('The IEA said taxes should fall.'), 'entity')[0]).toMatchObject({ name: 'Institute of Economic Affairs' });
  });
  it('expands acronyms defined in the document', () => {
    const ex = createExtractor({ published: PUBLISHED });
    ex.analyze('The Kurdistan Workers Alliance (KWA) met.');
    expect(of(ex.analyze('The KWA refused.'), 'entity')[0]).toMatchObject({ name: 'Kurdistan Workers Alliance', kind: 'organization' });
  });
  it('finds people after titles and resolves surnames', () => {
    const ex = createExtractor({ published: PUBLISHED });
    expect(of(ex.analyze('President Elena Marquez spoke.'), 'entity')[0]).toMatchObject({ name: 'Elena Marquez', kind: 'person' });
    expect(of(ex.analyze('Marquez left early.'), 'entity')[0]).toMatchObject({ name: 'Elena Marquez', kind: 'person' });
  });
  it('does not read a capital inside a person’s name as a place', () => {
    expect(entity('Tom Kingston, a professor, said so.').map((e) => e.kind)).toEqual(['person']);
  });
});

describe('entities: boundaries', () => {
  it('splits a name joined by "and"/"in" to a known place', () => {
    const e = entity('Delegates met at the World Economic Forum in Davos and the Regional Government and Baghdad agreed.');
    expect(e.map((x) => x.name)).toEqual(['World Economic Forum', 'Davos', 'Regional Government', 'Baghdad']);
  });
  it('reads no place in a currency prefix', () => {
    expect(entity('Aid rose to US$3bn and HK$2bn.')).toEqual([]);
    expect(entity('The US said so.').map((x) => x.name)).toEqual(['United States']);
  });
  it('ends a name before a connector and a weekday or month', () => {
    expect(entity('He told the European Parliament on Tuesday that it would work.').map((x) => x.name)).toEqual(['European Parliament']);
    expect(entity('Officials are gathering in Washington on November 14.').map((x) => x.name)).toEqual(['Washington']);
    expect(entity('The Council of Europe in March agreed.').map((x) => x.name)).toEqual(['Council of Europe']);
    expect(entity('The Council on Foreign Relations met.').map((x) => x.name)).toEqual(['Council on Foreign Relations']);
  });
  it('splits where the known name on either side has more than one word', () => {
    expect(entity('Saudi Arabia and the United Arab Emirates pledged money.').map((x) => x.name)).toEqual(['Saudi Arabia', 'United Arab Emirates']);
    expect(entity('Officials in South Africa and New Zealand agreed.').map((x) => x.name)).toEqual(['South Africa', 'New Zealand']);
    expect(entity('Bosnia and Herzegovina joined.').map((x) => x.name)).toEqual(['Bosnia and Herzegovina']);
  });
  it('takes demonyms of member states first and never a weekday for a person', () => {
    expect(entity('French troops left on Thursday, Haddad said.').map((x) => [x.name, x.kind])).toEqual([
      ['France', 'place'],
      ['Haddad', 'person'],
    ]);
  });
  it('cuts a headline at the organisation word and drops leading sentence words', () => {
    expect(entity('The Youth Coalition Wins Again').map((x) => x.name)).toEqual(['Youth Coalition']);
    expect(entity('According to the National Grain Board (NGB), stocks fell.').map((x) => x.name)).toEqual([
      'National Grain Board',
      'National Grain Board',
    ]);
  });
});

describe('sources: pronoun "it"', () => {
  it('reads "…, it said" as the sentence’s own subject', () => {
    const a = analyze('Global miner Nordvale lost about 10% of its output in January, it said.');
    expect([a.kind, a.source]).toEqual(['attributed', 'Nordvale']);
  });
  it('names the subject without its article', () => {
    const a = analyze('The International Monetary Fund approved the loan, citing growth, which it now forecasts at 2.3%.');
    expect(a.source).toBe('International Monetary Fund');
  });
});

describe('news forms', () => {
  it('reads an age in apposition as no figure and keeps the speaker', () => {
    const a = analyze('John Sato, 54, said the plant would close.');
    expect(of(a, 'figure')).toEqual([]);
    expect(a.source).toBe('John Sato');
  });
  it('reads a percent range written with both signs', () => {
    expect(figure('Rates moved to a range of 5.25%-5.5%.')[0]).toMatchObject({ value: 5.25, valueMax: 5.5, unit: '%' });
  });
  it('reads a year after an article as a date and cites the author of a report', () => {
    const a = analyze('A 2019 report by the Rand Institute found that costs doubled.');
    expect(of(a, 'date').map((d) => d.value)).toEqual(['2019']);
    expect(of(a, 'figure')).toEqual([]);
    expect(a.source).toBe('Rand Institute');
  });
  it('does not cite a share of respondents as a source', () => {
    expect(analyze('Nearly 40 percent of respondents said they would vote.').source).toBeNull();
  });
});

describe('subjects of counts', () => {
  it('stops at the plural head noun', () => {
    expect(figure('Some 6.5 million Syrians remain displaced.')[0]).toMatchObject({ subject: 'Syrians', text: 'Some 6.5 million Syrians' });
    expect(figure('About 2.2 million people face famine.')[0]!.subject).toBe('people');
    expect(figure('Most of the 193 UN member states voted.')[0]!.subject).toBe('UN member states');
    expect(figure('Police detained 40 ISIS suspects overnight.')[0]!.subject).toBe('ISIS suspects');
  });
  it('maps a cited organisation to its canonical name', () => {
    expect(analyze('The U.N. estimates that 2.2 million people face famine.').source).toBe('United Nations');
  });
});

describe('naming verbs', () => {
  it('credits a quotation a few words after "called"', () => {
    const q = quote('Opposition leader Dana Ivers called the budget “a betrayal of working families.”');
    expect(q[0]!.speaker).toBe('Dana Ivers');
  });
  it('does not read a phone call as a citation', () => {
    expect(analyze('The minister called the embassy on Monday.').kind).toBe('statement');
  });
});

describe('documents that quote', () => {
  it('credits a quotation to the document that "identifies" or "defines" it', () => {
    // The year before a name dates the document and is left out of the source.
    expect(quote('The 1951 Refugee Convention defines a refugee as “someone unable to return home.”')[0]!.speaker).toBe(
      'Refugee Convention',
    );
    expect(analyze('She reads novels at night.').kind).toBe('statement');
  });
});

describe('notes, prices per unit and people of organisations', () => {
  it('reads a year with a glued footnote marker as a date and a sentence-opening digit as a note number', () => {
    const a = analyze('Its share fell from 24% in 2000.3 Most plants closed.');
    expect(of(a, 'date').map((d) => d.value)).toEqual(['2000']);
    expect(of(a, 'figure').map((f) => f.value)).toEqual([24]);
    expect(figure('4 Ministry of Energy, annual report.')).toEqual([]);
  });
  it('appends the priced unit to the currency', () => {
    expect(figure('Consumers pay an extra €0.3 per megawatt-hour.')[0]).toMatchObject({ unit: 'EUR/MWh', value: 0.3 });
  });
  it('cites the person, not the body, in "said Captain X of the Y Administration"', () => {
    expect(quote('"We are ready," said Captain Ola Berg of the Coastal Administration.')[0]!.speaker).toBe('Ola Berg');
    expect(quote('"Counts differ," said Dr. Ana Lima, a hydrologist.')[0]!.speaker).toBe('Ana Lima');
  });
  it('drops a known town after "in" from a source', () => {
    expect(analyze('Rain fell by 20%, according to the climate centre in Niamey.').source).toBe('climate centre');
  });
});

it('reads "according to X’s latest report" as X', () => {
  expect(analyze('Debt will rise, according to the IMF’s latest report.').source).toBe('International Monetary Fund');
  expect(analyze('Costs will fall, according to the Polar Institute’s own estimate.').source).toBe('Polar Institute');
});

it('keeps "since" in the text of any date it opens', () => {
  expect(date('Prices have doubled since February 2022.')[0]).toMatchObject({ text: 'since February 2022', value: '2022-02' });
});
