/**
 * Places and well-known organisations, keyed by every surface form. Countries come from the
 * maintained `world-countries` package (common and official names, alternative spellings,
 * English demonyms, capitals); regions, a few major cities and well-known organisations are the
 * short documented lists below. Built once, on first use.
 */
import { createRequire } from 'node:module';
import type { EntityKind } from '@briefs/ast';

export interface GazetteerEntry {
  name: string;
  kind: EntityKind;
  /** Demonyms ("Turkish") and capitals are weaker: not taken inside a longer unknown name. */
  weak: 'demonym' | 'city' | null;
}

interface Country {
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  cca2: string;
  independent?: boolean;
  unMember?: boolean;
}

/** Aliases the data package leaves out, as English news writes them. */
const COUNTRY_ALIASES: Record<string, string> = {
  'U.S.': 'US',
  'U.S.A.': 'US',
  USA: 'US',
  US: 'US',
  America: 'US',
  'United States of America': 'US',
  'the United States': 'US',
  'U.K.': 'GB',
  UK: 'GB',
  Britain: 'GB',
  'Great Britain': 'GB',
  England: 'GB',
  Turkey: 'TR',
  'Czech Republic': 'CZ',
  'Democratic Republic of the Congo': 'CD',
  'the Democratic Republic of the Congo': 'CD',
  UAE: 'AE',
  'the Netherlands': 'NL',
  Holland: 'NL',
  PRC: 'CN',
  'South Korea': 'KR',
  'North Korea': 'KP',
  Palestinian: 'PS',
  Emirati: 'AE',
  Emirate: 'AE',
  Saudi: 'SA',
  Kyivan: 'UA',
};

/** Regions (with demonyms where English has one). Metonymy is not resolved: see README. */
const REGIONS: Record<string, string> = {
  Europe: 'Europe',
  European: 'Europe',
  'Eastern Europe': 'Eastern Europe',
  'Western Europe': 'Western Europe',
  'Central Europe': 'Central Europe',
  'Middle East': 'Middle East',
  'Middle Eastern': 'Middle East',
  Levant: 'Levant',
  'the Levant': 'Levant',
  'North Africa': 'North Africa',
  'North African': 'North Africa',
  'Sub-Saharan Africa': 'Sub-Saharan Africa',
  'West Africa': 'West Africa',
  'East Africa': 'East Africa',
  Africa: 'Africa',
  African: 'Africa',
  Asia: 'Asia',
  Asian: 'Asia',
  'Central Asia': 'Central Asia',
  'South Asia': 'South Asia',
  'Southeast Asia': 'Southeast Asia',
  'East Asia': 'East Asia',
  'Asia-Pacific': 'Asia-Pacific',
  'Indo-Pacific': 'Indo-Pacific',
  'Latin America': 'Latin America',
  'Latin American': 'Latin America',
  'South America': 'South America',
  'North America': 'North America',
  'Central America': 'Central America',
  Caribbean: 'Caribbean',
  Balkans: 'Balkans',
  Caucasus: 'Caucasus',
  Eurasia: 'Eurasia',
  Scandinavia: 'Scandinavia',
  Arctic: 'Arctic',
  Sahel: 'Sahel',
  'Horn of Africa': 'Horn of Africa',
  'Persian Gulf': 'Persian Gulf',
  Gulf: 'Persian Gulf',
  Arab: 'Arab world',
  'Arab world': 'Arab world',
  Maghreb: 'Maghreb',
  Donbas: 'Donbas',
  Donbass: 'Donbas',
  Crimea: 'Crimea',
  Donetsk: 'Donetsk',
  Luhansk: 'Luhansk',
  Zaporizhzhia: 'Zaporizhzhia',
  Kherson: 'Kherson',
  Kurdistan: 'Kurdistan',
  'Iraqi Kurdistan': 'Kurdistan',
  Gaza: 'Gaza',
  'Gaza Strip': 'Gaza',
  'West Bank': 'West Bank',
  'Golan Heights': 'Golan Heights',
  Xinjiang: 'Xinjiang',
  Tibet: 'Tibet',
  Kashmir: 'Kashmir',
  Siberia: 'Siberia',
  Bavaria: 'Bavaria',
  Idlib: 'Idlib',
};

/** Major cities beyond capitals (capitals come from the data package). */
const CITIES = [
  'The Hague',
  'Hague',
  'Washington',
  'Washington, D.C.',
  'New York',
  'Los Angeles',
  'Chicago',
  'San Francisco',
  'Istanbul',
  'Shanghai',
  'Hong Kong',
  'Dubai',
  'Mumbai',
  'Frankfurt',
  'Munich',
  'Hamburg',
  'Cologne',
  'Geneva',
  'Davos',
  'Odesa',
  'Odessa',
  'Kharkiv',
  'Lviv',
  'Dnipro',
  'Mariupol',
  'Aleppo',
  'Mosul',
  'Erbil',
  'Basra',
  'Raqqa',
  'Benghazi',
  'Gaza City',
  'Jerusalem',
  'Tel Aviv',
  'St. Petersburg',
  'Saint Petersburg',
  'Sydney',
  'Toronto',
  'Milan',
  'Barcelona',
  'Lagos',
  'Karachi',
  'Kandahar',
];

/** Well-known organisations by acronym and name (acronyms defined in a document are added to these). */
const ORGANIZATIONS: Record<string, string> = {
  UN: 'United Nations',
  'U.N.': 'United Nations',
  'United Nations': 'United Nations',
  NATO: 'NATO',
  EU: 'European Union',
  'European Union': 'European Union',
  IMF: 'International Monetary Fund',
  'International Monetary Fund': 'International Monetary Fund',
  'World Bank': 'World Bank',
  ISIS: 'Islamic State',
  ISIL: 'Islamic State',
  'Islamic State': 'Islamic State',
  Daesh: 'Islamic State',
  WHO: 'World Health Organization',
  'World Health Organization': 'World Health Organization',
  WTO: 'World Trade Organization',
  OPEC: 'OPEC',
  'OPEC+': 'OPEC+',
  G7: 'G7',
  G20: 'G20',
  OSCE: 'OSCE',
  ASEAN: 'ASEAN',
  'African Union': 'African Union',
  ICC: 'International Criminal Court',
  'International Criminal Court': 'International Criminal Court',
  UNHCR: 'UNHCR',
  UNICEF: 'UNICEF',
  ICRC: 'International Committee of the Red Cross',
  'Red Cross': 'Red Cross',
  IAEA: 'International Atomic Energy Agency',
  OECD: 'OECD',
  BRICS: 'BRICS',
  Hamas: 'Hamas',
  Hezbollah: 'Hezbollah',
  Taliban: 'Taliban',
  'al-Qaeda': 'al-Qaeda',
  'Al-Qaeda': 'al-Qaeda',
  Kremlin: 'Kremlin',
  'White House': 'White House',
  Pentagon: 'Pentagon',
  'State Department': 'U.S. Department of State',
  'European Commission': 'European Commission',
  'European Council': 'European Council',
  'European Parliament': 'European Parliament',
  'Security Council': 'UN Security Council',
  'UN Security Council': 'UN Security Council',
  'General Assembly': 'UN General Assembly',
  'UN General Assembly': 'UN General Assembly',
  'Federal Reserve': 'Federal Reserve',
  ECB: 'European Central Bank',
  'European Central Bank': 'European Central Bank',
  Reuters: 'Reuters',
  BBC: 'BBC',
  CNN: 'CNN',
  FBI: 'FBI',
  CIA: 'CIA',
  PKK: 'PKK',
  YPG: 'YPG',
  'Wagner Group': 'Wagner Group',
  SWIFT: 'SWIFT',
  Gazprom: 'Gazprom',
  Rosneft: 'Rosneft',
  ECOWAS: 'Economic Community of West African States',
  'Economic Community of West African States': 'Economic Community of West African States',
  SADC: 'Southern African Development Community',
  GCC: 'Gulf Cooperation Council',
  'Gulf Cooperation Council': 'Gulf Cooperation Council',
  SCO: 'Shanghai Cooperation Organisation',
  OAS: 'Organization of American States',
  APEC: 'APEC',
  Mercosur: 'Mercosur',
  WFP: 'World Food Programme',
  'World Food Programme': 'World Food Programme',
  'World Food Program': 'World Food Programme',
  FAO: 'Food and Agriculture Organization',
  UNDP: 'UN Development Programme',
  UNESCO: 'UNESCO',
  UNRWA: 'UNRWA',
  OCHA: 'UN Office for the Coordination of Humanitarian Affairs',
  IOM: 'International Organization for Migration',
  ILO: 'International Labour Organization',
  IEA: 'International Energy Agency',
  'International Energy Agency': 'International Energy Agency',
  IPCC: 'IPCC',
  EBRD: 'European Bank for Reconstruction and Development',
  Frontex: 'Frontex',
  Europol: 'Europol',
  Interpol: 'Interpol',
  'Amnesty International': 'Amnesty International',
  'Human Rights Watch': 'Human Rights Watch',
};

let cache: Map<string, GazetteerEntry> | null = null;
let firstWords: Set<string> | null = null;

/** The first words of the gazetteer's keys of several words ("European" of "European Council"). */
export function gazetteerFirstWords(): Set<string> {
  if (firstWords) return firstWords;
  firstWords = new Set();
  for (const key of gazetteer().keys()) if (/\s/.test(key)) firstWords.add(key.split(/\s+/)[0]!);
  return firstWords;
}

/** Surface form → entry. Keys are exact (case-sensitive) forms as they appear in text. */
export function gazetteer(): Map<string, GazetteerEntry> {
  if (cache) return cache;
  const map = new Map<string, GazetteerEntry>();
  const require = createRequire(import.meta.url);
  const countries = [...(require('world-countries') as Country[])];
  const byCode = new Map<string, string>();
  const put = (key: string, entry: GazetteerEntry) => {
    if (key.length < 2 || map.has(key)) return;
    map.set(key, entry);
  };
  // UN members first: "French" is France before the French Southern and Antarctic Lands.
  countries.sort((a, b) => Number(b.unMember ?? false) - Number(a.unMember ?? false));
  for (const country of countries) byCode.set(country.cca2, country.name.common);
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) {
    const name = byCode.get(code);
    if (name) put(alias, { name, kind: 'place', weak: /an$|ish$|ese$|i$/.test(alias) ? 'demonym' : null });
  }
  for (const [alias, name] of Object.entries(ORGANIZATIONS)) put(alias, { name, kind: 'organization', weak: null });
  for (const country of countries) {
    const name = country.name.common;
    put(name, { name, kind: 'place', weak: null });
    if (country.name.official.split(' ').length <= 6) put(country.name.official, { name, kind: 'place', weak: null });
    for (const alt of country.altSpellings) {
      // Two-letter codes ("IN", "IT", "NO") are ordinary words far too often.
      if (alt.length >= 3 && /^[\p{L}][\p{L} .'’-]+$/u.test(alt)) put(alt, { name, kind: 'place', weak: null });
    }
    const demonyms = country.demonyms?.eng;
    if (demonyms) {
      for (const d of new Set([demonyms.m, demonyms.f])) {
        for (const form of d.split(/,\s*/)) put(form, { name, kind: 'place', weak: 'demonym' });
      }
    }
  }
  for (const [alias, name] of Object.entries(REGIONS)) {
    put(alias, { name, kind: 'place', weak: /an$|ern$/.test(alias) || alias === 'Arab' ? 'demonym' : null });
  }
  for (const country of countries) {
    for (const capital of country.capital ?? []) put(capital, { name: capital, kind: 'place', weak: 'city' });
  }
  for (const city of CITIES) put(city, { name: city.replace(/^Odessa$/, 'Odesa'), kind: 'place', weak: 'city' });
  cache = map;
  return map;
}
