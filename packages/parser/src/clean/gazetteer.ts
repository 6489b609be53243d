/**
 * Place names, to tell regions from topics in tag lists that a page does not label, and common
 * multi-word policy topics, to split tag lines that pages print with spaces only.
 */

const COUNTRIES = `Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|
Belarus|Belgium|Benin|Bhutan|Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|
Cameroon|Canada|Chad|Chile|China|Colombia|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|
Ecuador|Egypt|El Salvador|Eritrea|Estonia|Ethiopia|Finland|France|Gabon|Gaza|Georgia|Germany|Ghana|Greece|Guatemala|Guinea|Haiti|
Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kosovo|
Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Libya|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Mali|Malta|Mauritania|Mexico|
Moldova|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|
North Korea|North Macedonia|Norway|Oman|Pakistan|Palestine|Palestinian Territories|Panama|Paraguay|Peru|Philippines|Poland|
Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|Senegal|Serbia|Singapore|Slovakia|Slovenia|Somalia|South Africa|
South Korea|South Sudan|Spain|Sri Lanka|Sudan|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Tunisia|Turkey|
Türkiye|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|United States|U.S.|USA|Uruguay|Uzbekistan|
Venezuela|Vietnam|West Bank|Yemen|Zambia|Zimbabwe`;

const REGIONS = `Africa|North Africa|Sub-Saharan Africa|East Africa|West Africa|Horn of Africa|Sahel|Americas|Latin America|
South America|Central America|North America|Caribbean|Arctic|Antarctica|Asia|East Asia|South Asia|Southeast Asia|
Central Asia|Asia-Pacific|Asia Pacific|Indo-Pacific|Pacific|Europe|Eastern Europe|Western Europe|Central Europe|
Balkans|Baltics|Caucasus|Eurasia|Russia and Eurasia|Europe and Eurasia|Europe & Eurasia|Middle East|Middle East and North Africa|
MENA|Gulf|Persian Gulf|Gulf States|Levant|Maghreb|Mediterranean|Black Sea|Red Sea|Nordics|Scandinavia|European Union|EU`;

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
const PLACES = new Set(`${COUNTRIES}|${REGIONS}`.split('|').map(norm));
const PLACE_WORDS = new Set([...PLACES].flatMap((p) => p.split(' ')));

/** True when a tag names a country or region ("Iraq", "North Africa", "Europe & Eurasia"). */
export function isPlace(tag: string): boolean {
  const t = norm(tag);
  if (PLACES.has(t)) return true;
  // Compound region tags: every word is part of some place name ("Europe & Eurasia").
  const ws = t.split(/\s+|\s*&\s*/).filter((w) => w && w !== '&' && w !== 'and');
  return ws.length > 1 && ws.every((w) => PLACES.has(w));
}

/** Multi-word names to keep together when a tag line is separated by spaces only. */
const PHRASES = `Human Rights|Foreign Policy|Energy Security|National Security|Missile Defense|Infrastructure Protection|
Climate Change|Public Health|Civil Society|Arms Control|Nuclear Weapons|Cyber Security|Artificial Intelligence|
Trade Policy|Economic Policy|Defense Policy|Democracy and Governance|Military and Security|Terrorism and Extremism|
Rule of Law|Wars and Conflict|International Law|Global Health|Food Security|Water Security|Supply Chains|
Critical Minerals|Sanctions Policy|Monetary Policy|Fiscal Policy|Migration Policy|Refugees and Migration|
Intelligence Community|Space Security|Emerging Technology|Digital Policy|Nuclear Energy|Renewable Energy|Oil and Gas`
  .split('|')
  .map((p) => p.trim());
const PHRASE_SET = new Set([...PHRASES.map(norm), ...PLACES]);
const LONGEST = 5;

/**
 * Splits a space-separated tag line ("Conflict Europe & Eurasia Human Rights") into tags: `X & Y`
 * stays together, then the longest known phrase or place wins, else one word is one tag.
 */
export function splitTagLine(line: string): string[] {
  const tokens = line.trim().split(/\s+/);
  const tags: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    let taken = 1;
    for (let n = Math.min(LONGEST, tokens.length - i); n > 1; n--) {
      if (PHRASE_SET.has(norm(tokens.slice(i, i + n).join(' ')))) {
        taken = n;
        break;
      }
    }
    let tag = tokens.slice(i, i + taken).join(' ');
    i += taken;
    // "A & B": join around the ampersand, taking the longest known phrase on the right.
    while (tokens[i] === '&' && i + 1 < tokens.length) {
      let right = 1;
      for (let n = Math.min(LONGEST, tokens.length - i - 1); n > 1; n--) {
        if (PHRASE_SET.has(norm(tokens.slice(i + 1, i + 1 + n).join(' ')))) {
          right = n;
          break;
        }
      }
      tag = `${tag} & ${tokens.slice(i + 1, i + 1 + right).join(' ')}`;
      i += 1 + right;
    }
    tags.push(tag);
  }
  return tags;
}

/** Whether a single word could start a known multi-word place (for tag-line detection). */
export const isPlaceWord = (word: string): boolean => PLACE_WORDS.has(word.toLowerCase());
