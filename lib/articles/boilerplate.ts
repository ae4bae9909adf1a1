import { wordCount } from "./text";
import type { RemovalReason } from "./types";

/**
 * Page furniture that ends up in copied articles. Each rule is a generic signal (a phrase that
 * only furniture uses, or a shape such as "ends with /AGENCY"), limited to short lines so that a
 * body paragraph mentioning cookies or photos is never dropped. Rules are tried in order.
 */
interface Rule {
  reason: RemovalReason;
  /** Longest line, in words, the rule may remove. */
  maxWords: number;
  test: (line: string) => boolean;
}

const matches = (pattern: RegExp) => (line: string) => pattern.test(line);

const ADVERTISEMENT_LABEL =
  /^(?:advertisement|advertising|sponsored(?: content)?|ad|promoted|scroll to continue with content)(?:\s*[·|•-]\s*scroll to continue(?: with content)?)?$|^(?:(?:the )?(?:story|article) continues below|continue reading (?:below|after (?:the )?(?:ad|advertisement)))(?: (?:this |the )?(?:ad|advert|advertisement))?$/i;
const ADVERTISEMENT_WORDS = 5;

const RATING_PROMPT =
  /thumbs[ -]?(?:up|down)|👍|👎|express your (?:opinion|views?) by|was this (?:article |story |page )?(?:helpful|useful)|rate this (?:article|story)/i;
const SHARE_PROMPT = /^(?:share(?: this)?(?: article| story| post| page)?(?: (?:on|via|to) \S+)?|tweet|email this|print this|copy link)\s*[:!]?$/i;

/** A sentence asking readers to rate or share; stripped from disclaimers it is glued to. */
export const PROMPT_SENTENCE = new RegExp(`${RATING_PROMPT.source}|share this (?:article|story|post)`, "i");

const COOKIE = /\bcookies?\b/i;
const READER_ADDRESS = /\b(?:you|your|we|our)\b/i;
const COOKIE_CONSENT = /\b(?:agree|accept|consent|brows(?:e|ing)|continu(?:e|ing) to|settings|preferences|use of|we use|policy)\b/i;

const SOCIAL_NAMES = "facebook|twitter|x|linkedin|whatsapp|telegram|weibo|wechat|reddit|e-?mail|print|pinterest|vk|copy link|messenger|line";
const SOCIAL_ONLY = new RegExp(`^(?:(?:${SOCIAL_NAMES})[\\s,|•·/]*){2,}$`, "i");

// Case-sensitive: the agency is a capitalised name after " /".
const AGENCY_SUFFIX = /\s\/\s?\p{Lu}\p{L}*(?: \p{Lu}\p{L}*){0,2}\.?$/u;
const PHOTO_SUFFIX = /\[photos?(?:\/[^\]]*)?\]$|\((?:photo|photograph|image|picture)\b[^)]*\)\.?$/i;
// A photographer's credit ending a caption: "… REUTERS/Jane Doe", "… Sputnik/Jane Doe/Pool via REUTERS",
// "[File: Jane Doe/Agency via AP]": an agency in capitals and a name on either side of a slash, and no full stop.
const PHOTOGRAPHER_SUFFIX = /(?:\b\p{Lu}{2,}(?:-\p{Lu}{2,})?\/\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)+|\/[\p{L}'’. -]+ via \p{Lu}{2,}\b)[\])]?$/u;
// "Read also", "Related", "See also": a label over links to other stories, in the languages with word lists.
const RELATED_LABEL =
  "(?:read more|read also|also read|related(?: articles| stories| news| content| coverage)?|see also|recommended(?: for you)?|more on this(?: story)?|you may also like|more from \\w+" +
  "|more on (?:this|the same) (?:topic|subject)|on the same (?:topic|subject)|sur le même (?:sujet|thème)|sobre el mismo tema|sobre o mesmo (?:assunto|tema)|sullo stesso (?:argomento|tema)|zum gleichen thema" +
  "|(?:à )?lire aussi|voir aussi|lee también|lea también|leia também|veja também|lesen sie auch|mehr zum thema|leggi anche|czytaj (?:też|także)|zobacz (?:też|także)" +
  "|читайте (?:также|також)|см\\. также|дивіться також)";

/** A line that is only a label over links to other stories ("READ ALSO", "Related:"): the line under it is one of them. */
export function isRelatedLabel(line: string): boolean {
  return RELATED_LABEL_ONLY.test(line.trim());
}

const RELATED_LABEL_ONLY = new RegExp(`^${RELATED_LABEL}\\s*[:>»|-]?$`, "i");
const RELATED_LABEL_OPENING = new RegExp(`^${RELATED_LABEL}\\s*[:>»|-]?\\s*`, "i");

/** How many characters a related label opening the line takes ("Read also: …", "Читайте такжеВ …" glued to its link), else 0. */
export function relatedLabelLength(line: string): number {
  return RELATED_LABEL_OPENING.exec(line)?.[0].length ?? 0;
}

const RULES: readonly Rule[] = [
  // Banners address the reader ("you agree", "our use of cookies"); articles about cookie law do not.
  {
    reason: "consent",
    maxWords: 80,
    test: (line) => COOKIE.test(line) && READER_ADDRESS.test(line) && COOKIE_CONSENT.test(line),
  },
  {
    reason: "consent",
    maxWords: 5,
    test: matches(/^(?:accept|reject|allow|decline|refuse)(?: all)?(?: cookies)?$|^manage (?:cookie )?(?:preferences|settings|consent)$/i),
  },
  {
    reason: "navigation",
    maxWords: 6,
    test: matches(
      /^(?:choose|select|change|switch)(?: your| the)? (?:language|edition|region|country|site)\b|^(?:skip to (?:the )?(?:main )?(?:content|navigation|site index|search|footer|menu)\s*)+$|^(?:home|menu|search|sign in|log in|login|register|back to top|top|next|previous|more|close)$|^home\s*[>›»/|]/i,
    ),
  },
  // Three or more short items separated by bars or bullets: a menu or a language list.
  { reason: "navigation", maxWords: 15, test: matches(/^[^|•·]{1,25}(?:\s[|•·]\s[^|•·]{1,25}){2,}$/) },
  {
    reason: "licence/hotline",
    maxWords: 20,
    test: matches(/(?:\bhotline\b|\bhot line\b|举报|热线|\blicen[cs]e\b|许可证|\bICP\b|备案|公网安备)[^\d]{0,40}\d[\d -]{4,}/i),
  },
  { reason: "copyright", maxWords: 30, test: matches(/^(?:copyright\b|©|\(c\) \d)|\ball rights reserved\b/i) },
  {
    reason: "comment form",
    maxWords: 20,
    test: matches(
      /^(?:leave a (?:reply|comment)|add a comment|post a comment|write a comment|cancel reply|post comment|submit comment|comments?(?: \(\d+\))?|\d+ comments?|view comments|show comments|join the (?:conversation|discussion))$|your email address will not be published|required fields are marked|^save my name, email/i,
    ),
  },
  { reason: "rating prompt", maxWords: 40, test: matches(RATING_PROMPT) },
  { reason: "share prompt", maxWords: 8, test: matches(SHARE_PROMPT) },
  { reason: "share prompt", maxWords: 12, test: matches(SOCIAL_ONLY) },
  {
    reason: "subscription prompt",
    maxWords: 20,
    test: matches(
      /^(?:subscribe\b|sign up (?:for|to)\b|get our \w+ newsletter|(?:our |the )?newsletter\b|follow us on\b)|^(?:become an? (?:member|patron|supporter|subscriber)|support us|donate(?: now| today)?)[.!]?$/i,
    ),
  },
  { reason: "related link", maxWords: 25, test: matches(new RegExp(`^${RELATED_LABEL}\\s*(?:[:>»|-]|$)`, "i")) },
  {
    reason: "advertisement",
    maxWords: ADVERTISEMENT_WORDS,
    test: matches(ADVERTISEMENT_LABEL),
  },
  // Credits before captions: a caption line naming a stock agency is a credit.
  {
    reason: "credit",
    maxWords: 30,
    test: matches(
      /^\(?(?:photos?|images?|pictures?|photograph|illustration|graphics?|video)(?: credits?)?\s*[:/]|^\(?(?:photo|image|video) (?:by|courtesy of)\b|^credits?\s*:/i,
    ),
  },
  {
    reason: "credit",
    maxWords: 40,
    test: matches(
      /\b(?:shutterstock|getty ?images|istock(?:photo)?|alamy|depositphotos|dreamstime|unsplash|pexels|adobe stock)\b|\bby \S+\.(?:com|net|org)\b/i,
    ),
  },
  {
    reason: "caption",
    maxWords: 80,
    test: matches(
      /^(?:an? |this )?(?:file|undated|handout|aerial) (?:photo|picture|image)\b|^(?:photo|picture) (?:taken|shows)\b|^(?:a )?screenshot\b|^in this (?:photo|picture|image)\b/i,
    ),
  },
  // Agency suffix ("… Osaka, June 28, 2019. /VCG", "[Photo/Agencies]", "(Photo: AP)", "… REUTERS/Jane Doe").
  {
    reason: "caption",
    maxWords: 80,
    test: (line) => AGENCY_SUFFIX.test(line) || PHOTO_SUFFIX.test(line) || PHOTOGRAPHER_SUFFIX.test(line),
  },
  { reason: "caption", maxWords: 60, test: matches(/\b(?:photo|drawing|portrait|digital|stock|file) illustration\b/i) },
  // A credit the copy glued to its caption: "… (file photo)Image: Jane Doe/Agency".
  { reason: "credit", maxWords: 40, test: matches(/(?:\)|\p{Ll})(?:Image|Photo|Picture)s?:\s/u) },
  // The print edition's note: "A version of this article appears in print on …".
  { reason: "credit", maxWords: 60, test: matches(/^(?:a version of )?this (?:article|story) (?:appears|appeared) in print\b/i) },
  // A printed page's running footer or header copied from a PDF: "… Press Release No. 512 Page 1 of 2", "- 3 -".
  { reason: "page furniture", maxWords: 20, test: matches(/(?:^|\s)page \d{1,4}(?: (?:of|\/) \d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i) },
  // A gallery's caption numbered by its picture: "[1/2] …", "Item 1 of 2 …", "Photo 3 of 12 …".
  { reason: "caption", maxWords: 80, test: matches(/^(?:\[\d{1,3}\s*\/\s*\d{1,3}\]|(?:item|image|photo|picture|slide)\s+\d{1,3}\s+of\s+\d{1,3}\b)/i) },
];

/**
 * An advertisement's label ("Advertisement", "Story continues below advertisement"): pages print one
 * between paragraphs, as often as between every two.
 */
export function isAdvertisementLabel(line: string): boolean {
  // The one pattern, not the whole list of rules: the classifier asks it of every line of a page.
  return wordCount(line) <= ADVERTISEMENT_WORDS && ADVERTISEMENT_LABEL.test(line.trim());
}

/** The boilerplate reason for a line, or null when the line may be body text. */
export function classifyBoilerplate(line: string): RemovalReason | null {
  const words = wordCount(line);
  for (const rule of RULES) {
    if (words <= rule.maxWords && rule.test(line)) return rule.reason;
  }
  return null;
}
