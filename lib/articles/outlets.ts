/**
 * Outlet names. A generic table of well-known news sites (registrable domain → display name);
 * any other site is shown by its cleaned host name. The names also let the text-based
 * self-reference detection recognise an outlet ("…, told CGTN").
 */
const OUTLETS_BY_DOMAIN: Record<string, string> = {
  "toutiao.com": "Toutiao",
  "cgtn.com": "CGTN",
  "globaltimes.cn": "Global Times",
  "xinhuanet.com": "Xinhua",
  "news.cn": "Xinhua",
  "chinadaily.com.cn": "China Daily",
  "people.com.cn": "People's Daily",
  "ecns.cn": "China News Service",
  "scmp.com": "South China Morning Post",
  "sixthtone.com": "Sixth Tone",
  "tass.com": "TASS",
  "tass.ru": "TASS",
  "ria.ru": "RIA Novosti",
  "rt.com": "RT",
  "kommersant.ru": "Kommersant",
  "svpressa.ru": "Svobodnaya Pressa",
  "rbc.ru": "RBC",
  "reuters.com": "Reuters",
  "apnews.com": "AP",
  "afp.com": "AFP",
  "bloomberg.com": "Bloomberg",
  "bbc.com": "BBC",
  "bbc.co.uk": "BBC",
  "theguardian.com": "The Guardian",
  "ft.com": "Financial Times",
  "economist.com": "The Economist",
  "telegraph.co.uk": "The Telegraph",
  "nytimes.com": "The New York Times",
  "washingtonpost.com": "The Washington Post",
  "wsj.com": "The Wall Street Journal",
  "cnn.com": "CNN",
  "cbsnews.com": "CBS News",
  "nbcnews.com": "NBC News",
  "abcnews.go.com": "ABC News",
  "foxnews.com": "Fox News",
  "npr.org": "NPR",
  "politico.com": "Politico",
  "politico.eu": "Politico Europe",
  "axios.com": "Axios",
  "aljazeera.com": "Al Jazeera",
  "dw.com": "DW",
  "france24.com": "France 24",
  "euronews.com": "Euronews",
  "lemonde.fr": "Le Monde",
  "lefigaro.fr": "Le Figaro",
  "spiegel.de": "Der Spiegel",
  "faz.net": "Frankfurter Allgemeine Zeitung",
  "sueddeutsche.de": "Süddeutsche Zeitung",
  "zeit.de": "Die Zeit",
  "elpais.com": "El País",
  "elmundo.es": "El Mundo",
  "kyivindependent.com": "The Kyiv Independent",
  "japantimes.co.jp": "The Japan Times",
  "nhk.or.jp": "NHK",
  "yonhapnews.co.kr": "Yonhap",
  "timesofindia.indiatimes.com": "The Times of India",
  "thehindu.com": "The Hindu",
};

const KNOWN_NAMES = new Map(Object.values(OUTLETS_BY_DOMAIN).map((name) => [nameKey(name), name]));

// Last words that mark a proper name as a news organisation ("Global Times", "Daily Mail").
const MEDIA_WORDS = new Set([
  "times",
  "news",
  "post",
  "daily",
  "journal",
  "herald",
  "press",
  "tribune",
  "gazette",
  "telegraph",
  "guardian",
  "observer",
  "chronicle",
  "standard",
  "express",
  "mirror",
  "monitor",
  "today",
  "insider",
  "agency",
  "network",
  "tv",
  "television",
  "radio",
  "broadcasting",
  "magazine",
  "review",
  "wire",
]);

const HOST_PREFIXES = /^(?:www\d?|m|mobile|amp)\./;

/** The outlet of an article URL: a known name, else the host without "www.". Null for non-URLs. */
export function outletFromUrl(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  if (!host) return null;
  for (let domain = host; domain.includes("."); domain = domain.slice(domain.indexOf(".") + 1)) {
    const known = OUTLETS_BY_DOMAIN[domain];
    if (known) return known;
  }
  return host.replace(HOST_PREFIXES, "");
}

/**
 * The display name when `name` looks like a news organisation: a known outlet (with or without
 * a leading "The") or a proper name ending in a media word. Null otherwise.
 */
export function outletName(name: string): string | null {
  const known = KNOWN_NAMES.get(nameKey(name));
  if (known) return known;
  const words = name.replace(/^the\s+/i, "").split(" ");
  const last = words.at(-1)?.toLowerCase() ?? "";
  return words.length >= 2 && MEDIA_WORDS.has(last) ? words.join(" ") : null;
}

// Words a newspaper's title ends with that say less on their own ("Argus Leader", "Morning Star"):
// read as a house's name only where a byline puts one.
const NEWSPAPER_WORDS = new Set([
  "leader",
  "register",
  "courier",
  "record",
  "sentinel",
  "dispatch",
  "bulletin",
  "examiner",
  "inquirer",
  "enquirer",
  "star",
  "sun",
  "citizen",
  "democrat",
  "independent",
  "advocate",
  "beacon",
  "ledger",
  "globe",
]);

/** A newspaper's name, as a byline prints the house after the writer ("… Sioux Falls Argus Leader"). */
export function newspaperName(name: string): string | null {
  const words = name.split(" ");
  return outletName(name) ?? (words.length >= 2 && NEWSPAPER_WORDS.has(words.at(-1)?.toLowerCase() ?? "") ? name : null);
}

function nameKey(name: string): string {
  return name.toLowerCase().replace(/^the\s+/, "");
}
