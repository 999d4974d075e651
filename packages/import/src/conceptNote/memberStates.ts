/**
 * UN Member States and the two observer States, as [name used in UN running text, formal name,
 * ...other names]. Co-hosts are mostly States, and concept notes name them formally ("the
 * Islamic Republic of Pakistan") where a chair's summary lists them by short name ("Pakistan").
 *
 * The first name is the UN short name (UNTERM), except for the five States whose short name is
 * an inverted list form ("Iran (Islamic Republic of)"): for those the running-text form is used,
 * as UN documents do in prose. Formal and former names ("Turkey", "Swaziland") map to the first
 * name; names marked "=" are common short forms, recognised but kept as the author wrote them.
 */
const STATES: readonly (readonly string[])[] = [
  ['Afghanistan', 'Islamic Republic of Afghanistan'],
  ['Albania', 'Republic of Albania'],
  ['Algeria', "People's Democratic Republic of Algeria"],
  ['Andorra', 'Principality of Andorra'],
  ['Angola', 'Republic of Angola'],
  ['Antigua and Barbuda'],
  ['Argentina', 'Argentine Republic'],
  ['Armenia', 'Republic of Armenia'],
  ['Australia', 'Commonwealth of Australia'],
  ['Austria', 'Republic of Austria'],
  ['Azerbaijan', 'Republic of Azerbaijan'],
  ['Bahamas', 'Commonwealth of the Bahamas'],
  ['Bahrain', 'Kingdom of Bahrain'],
  ['Bangladesh', "People's Republic of Bangladesh"],
  ['Barbados'],
  ['Belarus', 'Republic of Belarus'],
  ['Belgium', 'Kingdom of Belgium'],
  ['Belize'],
  ['Benin', 'Republic of Benin'],
  ['Bhutan', 'Kingdom of Bhutan'],
  ['Plurinational State of Bolivia', 'Bolivia (Plurinational State of)', '=Bolivia'],
  ['Bosnia and Herzegovina'],
  ['Botswana', 'Republic of Botswana'],
  ['Brazil', 'Federative Republic of Brazil'],
  ['Brunei Darussalam', 'Nation of Brunei, Abode of Peace'],
  ['Bulgaria', 'Republic of Bulgaria'],
  ['Burkina Faso'],
  ['Burundi', 'Republic of Burundi'],
  ['Cabo Verde', 'Republic of Cabo Verde', 'Cape Verde'],
  ['Cambodia', 'Kingdom of Cambodia'],
  ['Cameroon', 'Republic of Cameroon'],
  ['Canada'],
  ['Central African Republic'],
  ['Chad', 'Republic of Chad'],
  ['Chile', 'Republic of Chile'],
  ['China', "People's Republic of China"],
  ['Colombia', 'Republic of Colombia'],
  ['Comoros', 'Union of the Comoros'],
  ['Congo', 'Republic of the Congo'],
  ['Costa Rica', 'Republic of Costa Rica'],
  ["Côte d'Ivoire", "Republic of Côte d'Ivoire", 'Ivory Coast'],
  ['Croatia', 'Republic of Croatia'],
  ['Cuba', 'Republic of Cuba'],
  ['Cyprus', 'Republic of Cyprus'],
  ['Czechia', 'Czech Republic'],
  ["Democratic People's Republic of Korea"],
  ['Democratic Republic of the Congo'],
  ['Denmark', 'Kingdom of Denmark'],
  ['Djibouti', 'Republic of Djibouti'],
  ['Dominica', 'Commonwealth of Dominica'],
  ['Dominican Republic'],
  ['Ecuador', 'Republic of Ecuador'],
  ['Egypt', 'Arab Republic of Egypt'],
  ['El Salvador', 'Republic of El Salvador'],
  ['Equatorial Guinea', 'Republic of Equatorial Guinea'],
  ['Eritrea', 'State of Eritrea'],
  ['Estonia', 'Republic of Estonia'],
  ['Eswatini', 'Kingdom of Eswatini', 'Swaziland'],
  ['Ethiopia', 'Federal Democratic Republic of Ethiopia'],
  ['Fiji', 'Republic of Fiji'],
  ['Finland', 'Republic of Finland'],
  ['France', 'French Republic'],
  ['Gabon', 'Gabonese Republic'],
  ['Gambia', 'Republic of the Gambia'],
  ['Georgia'],
  ['Germany', 'Federal Republic of Germany'],
  ['Ghana', 'Republic of Ghana'],
  ['Greece', 'Hellenic Republic'],
  ['Grenada'],
  ['Guatemala', 'Republic of Guatemala'],
  ['Guinea', 'Republic of Guinea'],
  ['Guinea-Bissau', 'Republic of Guinea-Bissau'],
  ['Guyana', 'Co-operative Republic of Guyana', 'Cooperative Republic of Guyana'],
  ['Haiti', 'Republic of Haiti'],
  ['Holy See'],
  ['Honduras', 'Republic of Honduras'],
  ['Hungary'],
  ['Iceland'],
  ['India', 'Republic of India'],
  ['Indonesia', 'Republic of Indonesia'],
  ['Islamic Republic of Iran', 'Iran (Islamic Republic of)', '=Iran'],
  ['Iraq', 'Republic of Iraq'],
  ['Ireland'],
  ['Israel', 'State of Israel'],
  ['Italy', 'Italian Republic'],
  ['Jamaica'],
  ['Japan'],
  ['Jordan', 'Hashemite Kingdom of Jordan'],
  ['Kazakhstan', 'Republic of Kazakhstan'],
  ['Kenya', 'Republic of Kenya'],
  ['Kiribati', 'Republic of Kiribati'],
  ['Kuwait', 'State of Kuwait'],
  ['Kyrgyzstan', 'Kyrgyz Republic'],
  ["Lao People's Democratic Republic", '=Lao PDR'],
  ['Latvia', 'Republic of Latvia'],
  ['Lebanon', 'Lebanese Republic'],
  ['Lesotho', 'Kingdom of Lesotho'],
  ['Liberia', 'Republic of Liberia'],
  ['Libya', 'State of Libya'],
  ['Liechtenstein', 'Principality of Liechtenstein'],
  ['Lithuania', 'Republic of Lithuania'],
  ['Luxembourg', 'Grand Duchy of Luxembourg'],
  ['Madagascar', 'Republic of Madagascar'],
  ['Malawi', 'Republic of Malawi'],
  ['Malaysia'],
  ['Maldives', 'Republic of Maldives'],
  ['Mali', 'Republic of Mali'],
  ['Malta', 'Republic of Malta'],
  ['Marshall Islands', 'Republic of the Marshall Islands'],
  ['Mauritania', 'Islamic Republic of Mauritania'],
  ['Mauritius', 'Republic of Mauritius'],
  ['Mexico', 'United Mexican States'],
  ['Federated States of Micronesia', 'Micronesia (Federated States of)', '=Micronesia'],
  ['Monaco', 'Principality of Monaco'],
  ['Mongolia'],
  ['Montenegro'],
  ['Morocco', 'Kingdom of Morocco'],
  ['Mozambique', 'Republic of Mozambique'],
  ['Myanmar', 'Republic of the Union of Myanmar', 'Burma'],
  ['Namibia', 'Republic of Namibia'],
  ['Nauru', 'Republic of Nauru'],
  ['Nepal', 'Federal Democratic Republic of Nepal'],
  ['Kingdom of the Netherlands', 'Netherlands (Kingdom of the)', '=Netherlands'],
  ['New Zealand'],
  ['Nicaragua', 'Republic of Nicaragua'],
  ['Niger', 'Republic of the Niger'],
  ['Nigeria', 'Federal Republic of Nigeria'],
  ['North Macedonia', 'Republic of North Macedonia'],
  ['Norway', 'Kingdom of Norway'],
  ['Oman', 'Sultanate of Oman'],
  ['Pakistan', 'Islamic Republic of Pakistan'],
  ['Palau', 'Republic of Palau'],
  ['Panama', 'Republic of Panama'],
  ['Papua New Guinea', 'Independent State of Papua New Guinea'],
  ['Paraguay', 'Republic of Paraguay'],
  ['Peru', 'Republic of Peru'],
  ['Philippines', 'Republic of the Philippines'],
  ['Poland', 'Republic of Poland'],
  ['Portugal', 'Portuguese Republic'],
  ['Qatar', 'State of Qatar'],
  ['Republic of Korea', 'Korea, Republic of', 'South Korea'],
  ['Republic of Moldova', '=Moldova'],
  ['Romania'],
  ['Russian Federation', '=Russia'],
  ['Rwanda', 'Republic of Rwanda'],
  ['Saint Kitts and Nevis', 'Federation of Saint Kitts and Nevis'],
  ['Saint Lucia'],
  ['Saint Vincent and the Grenadines'],
  ['Samoa', 'Independent State of Samoa'],
  ['San Marino', 'Republic of San Marino'],
  ['Sao Tome and Principe', 'Democratic Republic of Sao Tome and Principe'],
  ['Saudi Arabia', 'Kingdom of Saudi Arabia'],
  ['Senegal', 'Republic of Senegal'],
  ['Serbia', 'Republic of Serbia'],
  ['Seychelles', 'Republic of Seychelles'],
  ['Sierra Leone', 'Republic of Sierra Leone'],
  ['Singapore', 'Republic of Singapore'],
  ['Slovakia', 'Slovak Republic'],
  ['Slovenia', 'Republic of Slovenia'],
  ['Solomon Islands'],
  ['Somalia', 'Federal Republic of Somalia'],
  ['South Africa', 'Republic of South Africa'],
  ['South Sudan', 'Republic of South Sudan'],
  ['Spain', 'Kingdom of Spain'],
  ['Sri Lanka', 'Democratic Socialist Republic of Sri Lanka'],
  ['State of Palestine', 'Palestine'],
  ['Sudan', 'Republic of the Sudan'],
  ['Suriname', 'Republic of Suriname'],
  ['Sweden', 'Kingdom of Sweden'],
  ['Switzerland', 'Swiss Confederation'],
  ['Syrian Arab Republic', '=Syria'],
  ['Tajikistan', 'Republic of Tajikistan'],
  ['Thailand', 'Kingdom of Thailand'],
  ['Timor-Leste', 'Democratic Republic of Timor-Leste'],
  ['Togo', 'Togolese Republic'],
  ['Tonga', 'Kingdom of Tonga'],
  ['Trinidad and Tobago', 'Republic of Trinidad and Tobago'],
  ['Tunisia', 'Republic of Tunisia'],
  ['Türkiye', 'Republic of Türkiye', 'Turkey', 'Republic of Turkey'],
  ['Turkmenistan'],
  ['Tuvalu'],
  ['Uganda', 'Republic of Uganda'],
  ['Ukraine'],
  ['United Arab Emirates'],
  ['United Kingdom of Great Britain and Northern Ireland', '=United Kingdom'],
  ['United Republic of Tanzania', '=Tanzania'],
  ['United States of America', '=United States'],
  ['Uruguay', 'Eastern Republic of Uruguay', 'Oriental Republic of Uruguay'],
  ['Uzbekistan', 'Republic of Uzbekistan'],
  ['Vanuatu', 'Republic of Vanuatu'],
  ['Bolivarian Republic of Venezuela', 'Venezuela (Bolivarian Republic of)', '=Venezuela'],
  ['Viet Nam', 'Socialist Republic of Viet Nam', 'Vietnam'],
  ['Yemen', 'Republic of Yemen'],
  ['Zambia', 'Republic of Zambia'],
  ['Zimbabwe', 'Republic of Zimbabwe'],
];

/**
 * A comparison key that ignores case, accents, the apostrophe's shape and a leading "the":
 * "the Republic of Cote d’Ivoire" and "Republic of Côte d'Ivoire" are the same State.
 * One output character per input UTF-16 unit, so offsets in the key are offsets in the text.
 */
export function foldForMatching(text: string): string {
  let out = '';
  for (const unit of text) {
    const base = unit.normalize('NFD')[0] ?? unit;
    const folded = /[’‘`´]/.test(base) ? "'" : base.toLowerCase();
    out += folded.length === unit.length ? folded : unit;
  }
  return out;
}

function key(name: string): string {
  return foldForMatching(name)
    .replace(/\s+/g, ' ')
    .replace(/^the /, '')
    .replace(/[.,;:]+$/, '')
    .trim();
}

// Names kept as written, and names replaced by the short name.
const AS_WRITTEN = new Set<string>();
const OTHER_NAMES = new Map<string, string>();
for (const [short, ...others] of STATES) {
  AS_WRITTEN.add(key(short!));
  for (const other of others) {
    if (other.startsWith('=')) AS_WRITTEN.add(key(other.slice(1)));
    else OTHER_NAMES.set(key(other), short!);
  }
}

/** Every known name containing " and ", folded, longest first: lists must not be split inside them. */
export const STATE_NAMES_WITH_AND: readonly string[] = [...AS_WRITTEN, ...OTHER_NAMES.keys()]
  .filter((name) => name.includes(' and '))
  .sort((a, b) => b.length - a.length);

/**
 * The name a chair's summary would use for a State written as `name`: a short name as written
 * (so the author's accents survive: "São Tomé and Príncipe"), a formal or former name as the
 * short name ("the Islamic Republic of Pakistan" → "Pakistan"). Undefined when `name` is not
 * a State we know (an organization, a fictional country).
 */
export function stateName(name: string): string | undefined {
  const k = key(name);
  if (AS_WRITTEN.has(k)) return name.trim().replace(/^the\s+/i, '');
  return OTHER_NAMES.get(k);
}
