import { describe, expect, it } from "vitest";
import { prepareImport } from "@/lib/articles/prepare";
import { copiedArabicPage } from "@/tests/support/copied-pages";

// Made-up copied pages in the shapes news sites print their headers, datelines and credits in,
// read as the import reads a copied page.
const MENU = ["Skip to content", "World", "Politics", "Business", "Opinion", "Subscribe", "Sign in"];
const HEADLINE = "Border crossing to reopen after ministers strike deal on grain transit";
const BODY = [
  "Foreign ministers from the two neighbouring states agreed on Wednesday to reopen the border crossing that has been closed since the autumn, a joint statement said after six hours of talks in the capital.",
  "The crossing carried most of the region's grain exports before it shut, and traders on both sides had warned that warehouses were full and that farmers could not pay for the spring planting without it.",
  "Officials said customs teams would return to the posts within a fortnight, and that a joint commission would meet every month to settle the disputes over transit fees that led to the closure.",
  "Opposition lawmakers in both parliaments criticised the deal as too vague, saying it left the question of the fees to a commission that had failed twice before to agree on anything at all.",
];
const FOOTER = ["About us", "Contact us", "Privacy policy", "© 2025 Northgate Media Group. All rights reserved."];

const FRENCH_BODY = [
  "Les ministres des affaires étrangères des deux pays voisins se sont mis d'accord mercredi pour rouvrir le poste-frontière fermé depuis l'automne, selon une déclaration commune publiée après six heures de discussions.",
  "Le passage acheminait la plupart des exportations de céréales de la région avant sa fermeture, et les négociants des deux côtés avaient averti que les entrepôts étaient pleins et que les agriculteurs ne pourraient pas payer les semis.",
  "Les douaniers doivent reprendre leur poste d'ici quinze jours, et une commission mixte se réunira chaque mois pour régler les différends sur les droits de transit.",
];
const SPANISH_BODY = [
  "Los ministros de Exteriores de los dos países vecinos acordaron el miércoles reabrir el paso fronterizo cerrado desde el otoño, según un comunicado conjunto difundido tras seis horas de conversaciones en la capital.",
  "Por el paso salía la mayor parte de las exportaciones de cereal de la región antes del cierre, y los comerciantes de ambos lados habían advertido de que los almacenes estaban llenos y de que los agricultores no podrían pagar la siembra.",
  "Los aduaneros volverán a sus puestos en quince días, y una comisión mixta se reunirá cada mes para resolver las disputas sobre las tasas de tránsito.",
];
const PORTUGUESE_BODY = [
  "Os ministros das Relações Exteriores dos dois países vizinhos concordaram na quarta-feira em reabrir a passagem de fronteira fechada desde o outono, segundo um comunicado conjunto divulgado depois de seis horas de conversas.",
  "A passagem escoava a maior parte das exportações de cereais da região antes do fechamento, e os comerciantes dos dois lados tinham avisado que os armazéns estavam cheios e que os agricultores não podiam pagar a semeadura.",
  "Os funcionários da alfândega devem voltar aos postos dentro de duas semanas, e uma comissão conjunta vai se reunir todos os meses para resolver as disputas sobre as taxas de trânsito.",
];
const ITALIAN_BODY = [
  "I ministri degli Esteri dei due paesi vicini hanno concordato mercoledì di riaprire il valico di frontiera chiuso dall'autunno, secondo una dichiarazione congiunta diffusa dopo sei ore di colloqui nella capitale.",
  "Prima della chiusura il valico trasportava la maggior parte delle esportazioni di cereali della regione, e i commercianti di entrambe le parti avevano avvertito che i magazzini erano pieni e che gli agricoltori non potevano pagare la semina.",
  "I doganieri torneranno ai loro posti entro due settimane, e una commissione mista si riunirà ogni mese per risolvere le controversie sulle tasse di transito.",
];
const GERMAN_BODY = [
  "Die Außenminister der beiden Nachbarstaaten haben sich am Mittwoch darauf geeinigt, den seit dem Herbst geschlossenen Grenzübergang wieder zu öffnen, wie es in einer gemeinsamen Erklärung hieß.",
  "Über den Übergang liefen vor der Schließung die meisten Getreideexporte der Region, und Händler auf beiden Seiten hatten gewarnt, dass die Lager voll seien und die Bauern die Aussaat nicht bezahlen könnten.",
  "Die Zollbeamten sollen innerhalb von zwei Wochen an die Posten zurückkehren, und eine gemeinsame Kommission soll jeden Monat über die Streitigkeiten um die Transitgebühren beraten.",
];

const RUSSIAN_MENU = ["Главная", "Политика", "В мире", "Экономика", "Спорт"];
const RUSSIAN_BODY = [
  "Министры иностранных дел двух соседних государств договорились в среду вновь открыть пограничный переход, закрытый с осени, говорится в совместном заявлении после шестичасовых переговоров.",
  "Через переход до его закрытия шла большая часть экспорта зерна из региона, и торговцы с обеих сторон предупреждали, что склады переполнены.",
  "Таможенники вернутся на посты в течение двух недель, а совместная комиссия будет собираться каждый месяц, чтобы решать споры о транзитных сборах.",
];
const GREEK_BODY = [
  "Οι υπουργοί Εξωτερικών των δύο γειτονικών χωρών συμφώνησαν την Τετάρτη να ανοίξει ξανά η συνοριακή διάβαση που είναι κλειστή από το φθινόπωρο, σύμφωνα με κοινή ανακοίνωση.",
  "Από τη διάβαση περνούσε το μεγαλύτερο μέρος των εξαγωγών σιτηρών της περιοχής πριν κλείσει, και οι έμποροι και των δύο πλευρών είχαν προειδοποιήσει ότι οι αποθήκες ήταν γεμάτες.",
  "Οι τελωνειακοί θα επιστρέψουν στις θέσεις τους μέσα σε δύο εβδομάδες, και μια μικτή επιτροπή θα συνεδριάζει κάθε μήνα για να λύνει τις διαφορές για τα τέλη διέλευσης.",
];
const HEBREW_BODY = [
  "שרי החוץ של שתי המדינות השכנות הסכימו ביום רביעי לפתוח מחדש את מעבר הגבול שסגור מאז הסתיו, כך נמסר בהודעה משותפת לאחר שש שעות של שיחות בבירה.",
  "דרך המעבר עברו רוב יצוא התבואה של האזור לפני שנסגר, והסוחרים משני הצדדים הזהירו כי המחסנים מלאים וכי החקלאים לא יוכלו לשלם על הזריעה באביב.",
  "פקידי המכס יחזרו לעמדותיהם בתוך שבועיים, וועדה משותפת תתכנס מדי חודש כדי ליישב את המחלוקות על דמי המעבר שהובילו לסגירה.",
];

function read(...parts: (string | string[])[]) {
  const prepared = prepareImport({ bytes: new TextEncoder().encode(parts.flat().join("\n")), filename: "page.txt", format: "text" });
  if (!prepared.ok) throw new Error(prepared.error);
  return prepared.article;
}

/** The usual page: menu, headline, the header lines given, the article, the footer. */
function withHeader(...header: string[]) {
  return read(MENU, HEADLINE, header, BODY, FOOTER);
}

describe("publication date of a copied page, in the forms news sites print it", () => {
  it("reads a month's name in a language chrono has no parser for: Arabic (two names, either region's, Arabic-Indic digits), Greek, Hebrew", () => {
    const arabic = read(copiedArabicPage("Kelmar"));
    expect(arabic.publishedAt).toBe("2025-05-19");
    // The date line is header, not the article's first paragraph.
    expect(arabic.lines.find((line) => line.text === "الاثنين، 19 مايو/أيار 2025")).toMatchObject({ kept: false, reason: "dateline" });
    expect(read(copiedArabicPage("Kelmar", "18 شباط 2025 - 14:05")).publishedAt).toBe("2025-02-18");
    const easternDigits = read(copiedArabicPage("Kelmar", "الاثنين ١٩ مايو ٢٠٢٥"));
    expect([easternDigits.publishedAt, easternDigits.title]).toEqual(["2025-05-19", "بوتين وترامب يجريان اتصالا هاتفيا"]);
    expect(easternDigits.lines.find((line) => line.text === "الاثنين ١٩ مايو ٢٠٢٥")).toMatchObject({ kept: false, reason: "dateline" });
    const greekHeadline = "Ανοίγει ξανά η συνοριακή διάβαση";
    const greek = read(["Αρχική", "Ειδήσεις", "Πολιτική"], greekHeadline, "Τετάρτη, 5 Μαρτίου 2025", GREEK_BODY);
    expect([greek.language, greek.publishedAt, greek.title]).toEqual(["el", "2025-03-05", greekHeadline]);
    const hebrew = read(["ראשי", "חדשות", "פוליטיקה"], "מעבר הגבול ייפתח מחדש", "5 במרץ 2025", HEBREW_BODY);
    expect([hebrew.language, hebrew.publishedAt, hebrew.title]).toEqual(["he", "2025-03-05", "מעבר הגבול ייפתח מחדש"]);
  });

  it("reads a month's short name between dots, and does not take that date line for the headline", () => {
    const title = "Ministros concordam em reabrir a passagem de fronteira";
    const article = read(["Início", "Mundo", "Política"], title, "21.dez.2018 às 12h55", PORTUGUESE_BODY, FOOTER);
    expect([article.title, article.publishedAt]).toEqual([title, "2018-12-21"]);
  });

  it("reads a dotted date with its time day first, as every site writing dots means it", () => {
    expect(withHeader("05.03.2025 14:03").publishedAt).toBe("2025-03-05");
    expect(withHeader("05.03.2025, 14:03").publishedAt).toBe("2025-03-05");
  });

  it("reads a slashed date day first on an English page whose other slashed dates are written day first, month first otherwise", () => {
    const british = read(MENU, HEADLINE, "03/05/2025 14:03", BODY, "Corrected 21/05/2025: the commission meets monthly, not weekly.", FOOTER);
    expect(british.publishedAt).toBe("2025-05-03");
    const american = read(MENU, HEADLINE, "03/05/2025 14:03", BODY, FOOTER);
    expect(american.publishedAt).toBe("2025-03-05");
    const mixed = read(MENU, HEADLINE, "03/05/2025 14:03", BODY, "Corrected 21/05/2025 and 05/22/2025.", FOOTER);
    expect(mixed.publishedAt).toBe("2025-03-05");
  });

  it("reads an ambiguous slashed date as the page writes its other dates with the month's name", () => {
    const british = read(MENU, HEADLINE, "03/05/2025 14:03", BODY, "The commission first met on 21 May and meets again on 4 June.", FOOTER);
    expect(british.publishedAt).toBe("2025-05-03");
    const american = read(MENU, HEADLINE, "03/05/2025 14:03", BODY, "The commission first met on May 21 and meets again on June 4.", FOOTER);
    expect(american.publishedAt).toBe("2025-03-05");
    // A slashed date that can only be read one way outweighs how the month's names are written.
    const stated = read(MENU, HEADLINE, "03/05/2025 14:03", BODY, "The commission first met on 21 May.", "Corrected 05/22/2025.", FOOTER);
    expect(stated.publishedAt).toBe("2025-03-05");
  });

  it("reads a slashed date day first on a page in a language that writes it so", () => {
    const article = read(
      ["Accueil", "International", "Économie"],
      "Le poste-frontière va rouvrir après un accord entre les ministres",
      "Par Marie Dupont",
      "Publié le 05/03/2025 à 14h03, mis à jour le 06/03/2025 à 09h12",
      FRENCH_BODY,
      "© 2025 Éditions du Nord",
    );
    expect(article.publishedAt).toBe("2025-03-05");
  });

  it("reads a date whose month a neighbouring language's names only in part ('mar' of 'março')", () => {
    const article = read(
      ["Início", "Mundo"],
      "Passagem de fronteira vai reabrir após acordo entre ministros",
      "Por Ana Souza",
      "5 de março de 2025 às 14:03",
      PORTUGUESE_BODY,
      "© 2025 Editora Norte",
    );
    expect(article.publishedAt).toBe("2025-03-05");
  });

  it("takes the stated day beside a relative time, not the relative time", () => {
    expect(withHeader("2 hours ago | March 5, 2025").publishedAt).toBe("2025-03-05");
  });

  it("reads the date of a wire dateline opening the first paragraph, its year from the copyright line", () => {
    const article = read(MENU, HEADLINE, `MOSCOW, March 5 (Reuters) - ${BODY[0]}`, BODY.slice(1), FOOTER);
    expect(article.publishedAt).toBe("2025-03-05");
    expect(article.author).toBe("Reuters");
  });

  it("takes the year of a date without one from the copyright line, unless its weekday falls in another year", () => {
    expect(withHeader("Wednesday, March 5").publishedAt).toBe("2025-03-05");
    // An archived story under this year's footer: 18 November was a Monday in 2024, not in 2025.
    expect(withHeader("Monday, November 18").publishedAt).toBe("2024-11-18");
    // A footer left at an older year: 5 March was a Wednesday in 2025, the nearest year that fits.
    expect(read(MENU, HEADLINE, "Wednesday, March 5", BODY, "© 2023 Northgate Media Group").publishedAt).toBe("2025-03-05");
  });

  it("reads the published stamp of a line that gives the update after a slash, under the article's first paragraph", () => {
    const stamp = "Mar. 5, 2025, 10:00 PM UTC / Updated Mar. 6, 2025, 12:43 PM UTC";
    const article = read(MENU, HEADLINE, BODY[0], "Get more news on", stamp, "By Jane Doe and John Roe", BODY.slice(1), FOOTER);
    expect([article.title, article.publishedAt, article.publishedTime]).toEqual([HEADLINE, "2025-03-05", "22:00+00:00"]);
  });

  it("reads a dateline that credits its agency between slashes", () => {
    const article = read(MENU, HEADLINE, `MOSCOW, March 5. /TASS/. ${BODY[0]}`, BODY.slice(1), FOOTER);
    expect(article.publishedAt).toBe("2025-03-05");
    expect(article.author).toBe("TASS");
  });

  it("reads a newspaper dateline with its year in the first paragraph", () => {
    const article = read(MENU, HEADLINE, "By Jane Doe", `KYIV, Ukraine, March 5, 2025 — ${BODY[0]}`, BODY.slice(1), FOOTER);
    expect(article.publishedAt).toBe("2025-03-05");
    expect(article.author).toBe("Jane Doe");
  });

  it("reads an agency dateline closed with '.-' and a month abbreviated in the page's language", () => {
    const article = read(
      ["Inicio", "Internacional", "Economía"],
      "El paso fronterizo reabrirá tras el acuerdo de los ministros",
      `Madrid, 5 mar (EFE).- ${SPANISH_BODY[0]}`,
      SPANISH_BODY.slice(1),
      "© 2025 Ediciones del Norte",
    );
    expect(article.publishedAt).toBe("2025-03-05");
    expect(article.author).toBe("EFE");
  });

  it("does not take the date of a related story's title above the headline", () => {
    const article = read(
      MENU,
      "Related",
      "Ministers to meet on grain corridor next week",
      "February 27, 2025",
      HEADLINE,
      "By Jane Doe",
      "March 5, 2025",
      BODY,
      FOOTER,
    );
    expect(article.title).toBe(HEADLINE);
    expect(article.publishedAt).toBe("2025-03-05");
  });

  it("does not date the page by a caption inside the article when the header gives only a relative time", () => {
    const article = read(MENU, HEADLINE, "By Jane Doe", "Updated 3 hours ago", BODY[0], "Ministers at the talks, February 3, 2025", BODY.slice(1), FOOTER);
    expect(article.publishedAt).toBeNull();
  });

  it("removes the header's date line with the update it gives in brackets, in Russian as in English", () => {
    const russian = read(
      RUSSIAN_MENU,
      "Пограничный переход откроют после переговоров министров",
      "18:55 18.03.2025 (обновлено: 20:12 18.03.2025)",
      RUSSIAN_BODY,
    );
    expect(russian.publishedAt).toBe("2025-03-18");
    expect(russian.paragraphs).toEqual(RUSSIAN_BODY);
    const english = withHeader("March 5, 2025 (updated March 6, 2025)");
    expect(english.publishedAt).toBe("2025-03-05");
    expect(english.paragraphs[0]).toBe(BODY[0]);
  });

  it("reads a blog platform's stamp with the weekday between the day and the year", () => {
    expect(withHeader("Mar 05 Wed 2025 14:03").publishedAt).toBe("2025-03-05");
    expect(withHeader("Mar 5 Wed, 2025").publishedAt).toBe("2025-03-05");
  });

  it("reads the header over an article that is a table rather than prose (a championship's standings)", () => {
    const drivers = [
      "Anna Kowal",
      "Mark Trent",
      "Lena Ortiz",
      "Jonas Berg",
      "Pia Sandoval",
      "Omar Haddad",
      "Rui Costa",
      "Ivo Petrov",
      "Tom Meyer",
      "Sam Okafor",
    ];
    const standings = [
      "Pos. Piloto Pontos Vitórias Poles Top 5 Top 10",
      ...drivers.map((name, i) => `${i + 1} ${name} ${5040 - 37 * i} ${(7 * i) % 8} ${(3 * i) % 5} ${17 - i} ${27 - i}`),
    ];
    const page = read(
      ["Início", "Notícias", "Resultados", "Pilotos", "Equipes", "Calendário", "Fórum"],
      "Classificação do campeonato",
      "sexta-feira, 22 de outubro de 2010 às 20:13",
      "Share this on WhatsApp",
      "Nesta página você encontra sempre a classificação do campeonato depois da última corrida!",
      "Coloque a página nos seus favoritos e venha sempre conferir a classificação!",
      standings,
      ["Quem somos", "Contato", "Política de privacidade", "© 2010 Pista Semanal. Todos os direitos reservados."],
    );
    expect([page.title, page.publishedAt]).toEqual(["Classificação do campeonato", "2010-10-22"]);
    expect(page.paragraphs).toContain("1 Anna Kowal 5040 0 0 17 27");
  });
});

describe("byline of a copied page, in the forms news sites print it", () => {
  it("reads a byline in capitals with its agency after it, and does not take it for the headline", () => {
    const article = withHeader("By JANE DOE Associated Press", "March 5, 2025");
    expect(article.title).toBe(HEADLINE);
    expect(article.author).toBe("Jane Doe");
    expect(withHeader("By JANE DOE, Associated Press", "March 5, 2025").author).toBe("Jane Doe");
  });

  it("is a name with the link to the writer's page after it, glued to it or not, with no date beside it", () => {
    expect(withHeader("Jane DoeView More Articles", "Related: Ferry routes close for a second day").author).toBe("Jane Doe");
    expect(withHeader("Jane Doe More stories", "Related: Ferry routes close for a second day").author).toBe("Jane Doe");
    expect(withHeader("More stories", "Related: Ferry routes close for a second day").author).toBeNull();
  });

  it("is a blog's writer named over the button to follow them and the date with its reading time", () => {
    const article = withHeader("Jane Doe", "Follow", "Mar 5, 2025 · 6 min read");
    expect([article.author, article.publishedAt, article.title]).toEqual(["Jane Doe", "2025-03-05", HEADLINE]);
    expect(withHeader("Jane Doe", "Follow", "March 5, 2025").author).toBe("Jane Doe");
    expect(withHeader("Jane Doe", "Mar 5, 2025 · 6 min read").author).toBe("Jane Doe");
  });

  it("is the writer named over their desk's role, not the house the copy glued to the date under it", () => {
    expect(withHeader("Jane Doe", "Transport Editor", "Harbour HeraldMarch 5, 2025").author).toBe("Jane Doe");
    expect(withHeader("Jane Doe", "Transport Editor", "March 5, 2025").author).toBe("Jane Doe");
  });

  it("is the reporter named over the agency's credit the copy glued to the date, not the agency", () => {
    expect(withHeader("JANE DOE", "Associated PressMarch 5, 2025").author).toBe("Jane Doe");
    expect(withHeader("Jane Doe", "Associated Press | March 5, 2025").author).toBe("Jane Doe");
    expect(withHeader("Associated PressMarch 5, 2025").author).toBe("Associated Press");
  });

  it("reads the name before a sentence describing the writer, and without each one's part in brackets or the photographer", () => {
    const described = "By Jane Doe, a deputy editor and author of the Harbour Letter newsletter. She has covered trade for over a decade at two papers.";
    expect(withHeader(described, "March 5, 2025").author).toBe("Jane Doe");
    expect(withHeader("by Jane Doe (reporting) and John Roe (photography)", "March 5, 2025").author).toBe("Jane Doe");
  });

  it("reads a name the copy glued to the day of the date after it, and a counter glued to the year", () => {
    const article = withHeader("by Jane Doe5 Mar 2025312");
    expect([article.author, article.publishedAt]).toEqual(["Jane Doe", "2025-03-05"]);
  });

  it("reads the credit of a long header line that also gives the house, the date and its update", () => {
    const header = "Harbour Herald | 05.03.2025 à 13h36 • Mis à jour le 06.03.2025 à 20h13 | Par Jeanne Dupont (avec Jean Martin et Marie Durand)";
    const article = read(MENU, HEADLINE, header, FRENCH_BODY, FOOTER);
    expect([article.author, article.publishedAt]).toEqual(["Jeanne Dupont", "2025-03-05"]);
  });

  it("reads a byline set off by a mark before it", () => {
    const article = withHeader("// By Jane Doe • March 5, 2025");
    expect([article.author, article.publishedAt]).toEqual(["Jane Doe", "2025-03-05"]);
  });

  it("never credits the agency of a photo or a house's name cut in two", () => {
    const caption = "Ministers at the border post on Wednesday. | Foto: Reuters";
    expect(read(MENU, HEADLINE, "March 5, 2025", BODY[0], caption, BODY.slice(1), FOOTER).author).toBeNull();
    expect(withHeader("By The Harbour Daily News", "March 5, 2025").author).not.toBe("The Harbour");
  });

  it("drops an agency in brackets after the name, and credits the agency a byline names alone", () => {
    expect(withHeader("By Jane Doe (Reuters)", "November 19, 2019").author).toBe("Jane Doe");
    expect(withHeader("By The Associated Press", "November 19, 2019").author).toBe("Associated Press");
  });

  it("reads two writers named with their newspaper after them over the date, and does not take them for the headline", () => {
    const article = withHeader("Jane Doe and John Q. Roe Harbour Daily Herald", "Published 10:02 AM EST Nov 19, 2019");
    expect([article.title, article.author, article.publishedAt]).toEqual([HEADLINE, "Jane Doe, John Q. Roe", "2019-11-19"]);
    const couple = "Jane Doe and John Roe Agree On Harbour Deal";
    expect(read(MENU, couple, "Published 10:02 AM EST Nov 19, 2019", BODY, FOOTER).title).toBe(couple);
  });

  it("reads three writers listed in one byline", () => {
    expect(withHeader("By Jane Doe, John Roe and Max Major", "November 19, 2019").author).toBe("Jane Doe, John Roe, Max Major");
  });

  it("shows a name set in capitals in its usual case", () => {
    expect(withHeader("BY JANE DOE", "March 5, 2025").author).toBe("Jane Doe");
    expect(withHeader("By JANE DOE | March 5, 2025").author).toBe("Jane Doe");
  });

  it("leaves out the place the writer filed from", () => {
    expect(withHeader("Jane Doe in Brussels", "Wed 5 Mar 2025 14.03 GMT").author).toBe("Jane Doe");
    const article = withHeader("By Jane Doe in Moscow", "March 5, 2025");
    expect(article.title).toBe(HEADLINE);
    expect(article.author).toBe("Jane Doe");
  });

  it("takes the writer before the agency named after the name", () => {
    expect(withHeader("Jane Doe, Reuters", "March 5, 2025").author).toBe("Jane Doe");
  });

  it("reads two writers named on their own line, and does not take them for the headline", () => {
    const article = withHeader("Jane Doe and John Roe", "March 5, 2025");
    expect(article.title).toBe(HEADLINE);
    expect(article.author).toBe("Jane Doe, John Roe");
  });

  it("reads a name with the writer's role after a comma", () => {
    const article = withHeader("Jane Doe, Foreign Affairs Editor", "March 5, 2025");
    expect(article.title).toBe(HEADLINE);
    expect(article.author).toBe("Jane Doe");
  });

  it("reads a capitalised 'By' ending a date line", () => {
    expect(withHeader("Published March 5, 2025 By Jane Doe").author).toBe("Jane Doe");
  });

  it("reads a byline naming the house it writes for with a capital 'For', and does not take it for the headline", () => {
    const article = withHeader("By Jane Doe For The Harbour Herald", "PUBLISHED: 14:03 GMT, 5 March 2025 | UPDATED: 09:12 GMT, 6 March 2025");
    expect(article.title).toBe(HEADLINE);
    expect(article.author).toBe("Jane Doe");
    expect(article.publishedAt).toBe("2025-03-05");
  });

  it("reads a bare name beside a posting time spelled out, which dates nothing", () => {
    const article = withHeader("Jane Doe", "a day ago");
    expect(article.author).toBe("Jane Doe");
    expect(article.publishedAt).toBeNull();
  });

  it("reads an author label without its colon", () => {
    expect(withHeader("Date 05.03.2025", "Author Jane Doe").author).toBe("Jane Doe");
  });

  it("reads a name with its social handle after it", () => {
    expect(withHeader("Jane Doe @janedoe", "March 5, 2025").author).toBe("Jane Doe");
  });

  it("reads an Italian byline", () => {
    const article = read(
      ["Home", "Esteri"],
      "Il valico di frontiera riaprirà dopo l'accordo tra i ministri",
      "di Marco Rossi",
      "5 marzo 2025 14:03",
      ITALIAN_BODY,
      "© 2025 Editrice Nord",
    );
    expect(article.author).toBe("Marco Rossi");
  });

  it("reads two writers joined by the page's own word for 'and'", () => {
    const german = read(
      ["Startseite", "Politik", "Wirtschaft"],
      "Grenzübergang soll nach Einigung der Minister wieder öffnen",
      "Von Hans Weber und Erika Muster",
      "05.03.2025",
      GERMAN_BODY,
      "© 2025 Nordtor Verlag",
    );
    expect(german.title).toBe("Grenzübergang soll nach Einigung der Minister wieder öffnen");
    expect(german.author).toBe("Hans Weber, Erika Muster");
    const spanish = read(
      ["Inicio", "Internacional", "Economía"],
      "El paso fronterizo reabrirá tras el acuerdo de los ministros",
      "Por Ana Ruiz y Luis Gómez",
      "05/03/2025 14:03",
      SPANISH_BODY,
      "© 2025 Ediciones del Norte",
    );
    expect(spanish.author).toBe("Ana Ruiz, Luis Gómez");
    expect(spanish.publishedAt).toBe("2025-03-05");
  });

  it("takes a wire story's reporters from its tail when no one else is credited, never its editors", () => {
    const article = read(
      MENU,
      HEADLINE,
      "March 5, 2025",
      `MOSCOW, March 5 - ${BODY[0]}`,
      BODY.slice(1),
      "(Reporting by Jane Doe in Moscow and Max Mustermann in Kyiv; Editing by John Roe)",
      FOOTER,
    );
    expect(article.author).toBe("Jane Doe, Max Mustermann");
    // A republished wire story credits its agency, which stays the author.
    const republished = read(
      MENU,
      HEADLINE,
      "March 5, 2025",
      `MOSCOW (Reuters) - ${BODY[0]}`,
      BODY.slice(1),
      "Reporting by Jane Doe; Editing by John Roe",
      FOOTER,
    );
    expect(republished.author).toBe("Reuters");
  });
  it("credits the house a staff byline names, never the agency of a photograph's credit", () => {
    const article = withHeader("Ministers shake hands after the talks [File: Jane Roe/Northgate via AP]", "By Harbour Herald Staff", "March 5, 2025");
    expect(article.author).toBe("Harbour Herald");
    expect(article.paragraphs.join(" ")).not.toContain("shake hands");
    expect(withHeader("Ministers shake hands after the talks. REUTERS/Jane Roe", "March 5, 2025").author).toBeNull();
    expect(withHeader("By Our Foreign Staff", "March 5, 2025").author).toBeNull();
    expect(read(MENU, HEADLINE, "By Harbour Times", "Published: Mar 5, 2025 10:42 PM", BODY, "Copyright by Harbour Times Editorial Board")).toMatchObject({
      author: "Harbour Times",
      outlet: "Harbour Times",
    });
  });

  it("reads a name over the house it writes for, below the share buttons", () => {
    expect(read(MENU, HEADLINE, "5 March 2025", "Share", "Save", "Jane Doe", "Harbour Herald News", BODY, FOOTER).author).toBe("Jane Doe");
  });

  it("reads a list of writers with their house after it", () => {
    expect(withHeader("By Jane Doe, John Roe and Max Major, CNN", "March 5, 2025").author).toBe("Jane Doe, John Roe, Max Major");
  });

  it("does not take an institution credited under the date, a picture's credit, for the writer", () => {
    expect(withHeader("March 5, 2025", "Northgate Press Service").author).toBeNull();
  });

  it("reads a name with its house run on after it without a comma", () => {
    expect(withHeader("By Jane Doe Harbour News", "March 5, 2025").author).toBe("Jane Doe");
  });

  it("does not take two words in a script without capitals over the date for a writer's name", () => {
    const korean = [
      "두 나라 외교장관은 수요일 가을부터 닫혀 있던 국경 검문소를 다시 열기로 합의했다고 공동 성명에서 밝혔다. 회담은 여섯 시간 동안 이어졌다.",
      "이 검문소는 폐쇄 전까지 지역 곡물 수출의 대부분을 처리했으며, 양측 상인들은 창고가 가득 찼다고 경고해 왔다.",
      "세관 직원들은 두 주 안에 근무지로 돌아갈 예정이며, 공동 위원회가 매달 만나 통과 요금 분쟁을 해결할 것이라고 관계자들은 말했다.",
    ];
    const article = read(["홈", "뉴스", "정치"], "국경 검문소 다시 연다", "외교장관 합의", "2025-03-05 10:00", korean);
    expect(article.author).toBeNull();
  });

  it("reads a byline labelled with the piece's kind, and does not take it for the headline", () => {
    const article = withHeader("Opinion by Jane Doe, former ambassador", "Updated 10:12 AM EDT, Wed March 19, 2025");
    expect([article.title, article.author]).toEqual([HEADLINE, "Jane Doe"]);
    expect(withHeader("Analysis by Jane Doe", "March 5, 2025").author).toBe("Jane Doe");
  });
});

describe("kind of a copied page", () => {
  it("is news when the page's menu lists its opinion and analysis sections", () => {
    const article = read(MENU, "Analysis", "Interview", "Sport", HEADLINE, "By Jane Doe", "March 5, 2025", BODY, FOOTER);
    expect(article.title).toBe(HEADLINE);
    expect(article.kind).toBe("NEWS");
  });

  it("is opinion under the section label that stands over its headline as a kicker", () => {
    const title = "Why the border deal will not survive the spring";
    const article = read(MENU, "Our journalism is free to read thanks to readers like you.", "Opinion", title, "By Jane Doe", "March 5, 2025", BODY, FOOTER);
    expect(article.title).toBe(title);
    expect(article.kind).toBe("OPINION");
  });
});

describe("headline of a copied page, in the forms news sites print it", () => {
  it("is a title with its section label before a bar, which still tells the article's kind", () => {
    const article = read(MENU, "Opinion | Why the border deal will not survive the spring", "By Jane Doe", "March 5, 2025", BODY, FOOTER);
    expect(article.titleProvisional).toBe(false);
    expect(article.title).toBe("Opinion | Why the border deal will not survive the spring");
    expect(article.kind).toBe("OPINION");
  });

  it("may open with a word buttons use ('Open', 'Close', 'Show'), while the short button itself is no headline", () => {
    const title = "Open season for grain traders as the border crossing reopens";
    const article = read(MENU, "Blog", "Wednesday, March 5, 2025", title, BODY, FOOTER);
    expect([article.title, article.titleProvisional]).toEqual([title, false]);
    expect(read(MENU, "By Jane Doe", "March 5, 2025", "Show more stories", BODY, FOOTER).titleProvisional).toBe(true);
  });

  it("is not a date line whose month no parser reads, and the page says which language it is in", () => {
    const article = read(copiedArabicPage("Kelmar", "الاثنين 21 ذو القعدة 1446 هـ"));
    expect(article.title).toBe("بوتين وترامب يجريان اتصالا هاتفيا");
    expect(article.language).toBe("ar");
    expect(article.publishedAt).toBeNull();
  });

  it("may hold a number and a year, in a shape no date has", () => {
    for (const headline of ["Top 10 films of 2024", "Windows 11 Review 2024"]) {
      expect(read(MENU, headline, "By Jane Doe", "March 5, 2025", BODY, FOOTER).title).toBe(headline);
    }
  });

  it("may end with a full stop, right over its date line, and a standfirst over the date stays the standfirst", () => {
    const title = "Border crossing reopens at last. Traders say it is too late.";
    const article = read(MENU, title, "Updated Nov 19, 2019, 9:41 AM", BODY, FOOTER);
    expect([article.title, article.titleProvisional, article.publishedAt]).toEqual([title, false, "2019-11-19"]);
    const standfirst = "Traders on both sides say the deal comes too late for this year's harvest.";
    expect(read(MENU, HEADLINE, standfirst, "Updated Nov 19, 2019, 9:41 AM", BODY, FOOTER).title).toBe(HEADLINE);
  });

  it("is not a line of code a technical post prints between its title and its text", () => {
    const title = "Counting lorries at the border crossing with plain SQL";
    const code = ["SELECT COUNT(*) OVER (PARTITION BY crossing)", "FROM border_log WHERE day >= now()"];
    const article = read(MENU, title, "Jane Doe", code, BODY, FOOTER);
    expect([article.title, article.titleProvisional]).toEqual([title, false]);
  });

  it("is not a sign-in prompt in title case above a headline in sentence case", () => {
    const article = read(MENU, "Sign in to Harbour Herald", HEADLINE, "By Jane Doe", "March 5, 2025", BODY, FOOTER);
    expect(article.title).toBe(HEADLINE);
  });
  it("is not the related story under a 'Read also' label, and may have a standfirst without a full stop under it", () => {
    const standfirst = "According to the joint statement the ministers called the talks long and difficult but in the end quite useful";
    const related = "Customs officers to return to their posts along the northern border";
    const article = read(MENU, "March 5, 14:05", HEADLINE, standfirst, "READ ALSO", related, BODY, FOOTER);
    expect(article.title).toBe(HEADLINE);
  });

  it("is not the audio player's prompt above the byline", () => {
    const standfirst = "Ministers agreed after six hours of talks to reopen the crossing within a fortnight.";
    const article = read(
      MENU,
      HEADLINE,
      standfirst,
      "Listen to this article · 6:12 min Learn more",
      "Share full article",
      "By Jane Doe",
      "March 5, 2025",
      BODY,
      FOOTER,
    );
    expect(article.title).toBe(HEADLINE);
  });

  it("is the title under a list of trending stories, not the list's last item", () => {
    const trending = [
      "Trending now",
      "Floods close mountain pass for third day running",
      "Port strike enters second week as talks stall",
      "Central bank holds rates steady amid inflation worries",
    ];
    expect(read(MENU, trending, HEADLINE, "By Jane Doe", "March 5, 2025", BODY, FOOTER).title).toBe(HEADLINE);
  });

  it("is the title over a standfirst without a full stop, not the standfirst over the byline", () => {
    const title = `${HEADLINE} after six hours of talks`;
    const standfirst = "Officials say customs teams will return within a fortnight, with a joint commission to settle the transit fees";
    expect(read(MENU, title, standfirst, "Jane Doe |05.03.2025 - Update : 05.03.2025", BODY, FOOTER).title).toBe(title);
  });

  it("is not a prompt to listen to the site's articles", () => {
    const teaser = ["close", "Video", "Ministers talk for over six hours", "Our correspondent reports on the talks.", "Politics"];
    const standfirst = "Officials say customs teams will return to the posts within a fortnight after six hours of talks";
    const header = ["Published March 5, 2025 3:05pm EDT", HEADLINE, standfirst, "By Jane Doe Harbour News", "close"];
    const article = read(MENU, teaser, header, "NEWYou can now listen to Harbour Herald articles!", BODY, FOOTER);
    expect(article.title).toBe(HEADLINE);
    expect(article.author).toBe("Jane Doe");
    expect(article.publishedAt).toBe("2025-03-05");
  });

  it("is not the writer's name over the place and date it was filed from", () => {
    const standfirst = "Los aduaneros volverán a sus puestos en quince días, según el comunicado";
    const article = read(
      MENU,
      "Los ministros acuerdan reabrir el paso fronterizo tras la crisis del grano",
      standfirst,
      "María R. Ruiz",
      "Kelmar - 5 mar 2025 - 21:03 CET",
      SPANISH_BODY,
      FOOTER,
    );
    expect(article.title).toBe("Los ministros acuerdan reabrir el paso fronterizo tras la crisis del grano");
    expect(article.author).toBe("María R. Ruiz");
  });

  it("is the long title the page repeats in its bar, its heading and its list of most read stories", () => {
    const share = ["Share on Facebook", "Share on Twitter", "Share via Email", "More Options", "Share on LinkedIn", "Resize Text", "Print Article", "Comments"];
    const mostRead = ["Most Read", HEADLINE, "Ferry timetable changes from Monday"];
    const article = read(MENU, "The Harbour Herald", HEADLINE, "Sign In", "World", HEADLINE, share, "By Jane Doe March 18 at 12:22 PM", BODY, mostRead, FOOTER);
    expect(article.title).toBe(HEADLINE);
  });

  it("is the title over the share buttons and the byline, not a photo gallery's title between the byline and the article", () => {
    const share = ["Share on Facebook", "Share on Twitter", "Share on Google Plus", "More Options", "Resize Text", "Print Article", "Comments"];
    const controls = ["1 of 24", "Full Screen", "Autoplay", "Close", "Skip Ad", "×"];
    const gallery = [...controls, "Traders wait at the crossing as customs teams prepare to return", "View Photos"];
    const caption = "Lorries queue at the Kelmar crossing on Wednesday, hours before the ministers announced the deal.";
    const article = read(MENU, "World", HEADLINE, share, "By Jane Doe March 18 at 12:22 PM Follow @janedoe", gallery, caption, BODY, FOOTER);
    expect(article.title).toBe(HEADLINE);
    expect(article.author).toBe("Jane Doe");
  });

  it("is not the last entry of the table of contents between the header and the article", () => {
    const sections = ["What the ministers agreed in the capital", "What the traders expect at the crossing", "What comes next for the grain trade"];
    const title = "How the border crossing will reopen, and what it means for the grain trade";
    const body = sections.flatMap((section, i) => [section, BODY[i], BODY[(i + 1) % BODY.length]]);
    const article = read(MENU, title, "On 3/5/2025 by @janedoe", "Contents", sections, body, FOOTER);
    expect(article.title).toBe(title);
    expect(article.publishedAt).toBe("2025-03-05");
  });

  it("may end with initials, and is never the skip links a copy glued together", () => {
    const title = "Burst pipes and manhole fires: how winter wreaks havoc under N.Y.C.";
    const article = read("Skip to contentSkip to site index", MENU.slice(1), title, "By Jane Doe", "Feb. 21, 2019", BODY, FOOTER);
    expect(article.title).toBe(title);
    expect(article.lines.find((line) => line.text === "Skip to contentSkip to site index")?.kept).toBe(false);
  });

  it("is the title over its dateline, not a button over a dated photo caption nor a teaser of the list on the same subject", () => {
    const title = "Un deuxième poste-frontière rouvrira la semaine prochaine";
    const buttons = ["Facebook :Facebook", "Twitter :Twitter", "Envoyer :Mail", "Imprimer cet articleImprimer", "Ouvrir en lecture zenMode zen"];
    const caption = "Des camions attendent au poste-frontière de Kelmar, le 5 mars 2025. (Photo Jeanne Martin. AFP)";
    const standfirst = "Les ministres ont annoncé la réouverture mercredi soir à l'issue de six heures de discussions.";
    const related = [
      "Sur le même sujet",
      "Reportage",
      "A Kelmar, les camions attendent toujours",
      "Par Paul Durand",
      "interview",
      "Douanes : «Nous serons prêts en quinze jours»",
      "Par Anne Petit",
    ];
    const article = read(MENU, title, "AFP 5 mars 2025 à 20:15 (Mis à jour : 5 mars 2025 à 21:02)", buttons, caption, standfirst, related, FRENCH_BODY, FOOTER);
    expect(article.title).toBe(title);
    expect(article.publishedAt).toBe("2025-03-05");
  });

  it("may be two short sentences when the page repeats it, but not a photo's caption repeated so", () => {
    const title = "Ministers strike a deal at last. The crossing reopens next week";
    const caption = "Traders at the crossing. Photograph: Jane Roe for the Herald";
    const article = read(MENU, title, "Share", "Facebook Twitter", caption, title, "Jane Doe", "2 hours ago", BODY.slice(0, 2), caption, BODY.slice(2), FOOTER);
    expect(article.title).toBe(title);
  });

  it("is not the house's credit shared with an agency, which names the outlet", () => {
    const standfirst = "Les douaniers doivent reprendre leur poste d'ici quinze jours, selon une déclaration commune.";
    const title = "Les ministres s'accordent pour rouvrir le poste-frontière après six heures de discussions";
    const article = read(MENU, title, standfirst, "Le Héraut avec AFP", "Publié le 5 mars 2025 à 20h15", FRENCH_BODY, "Le Héraut avec AFP", "Contribuer");
    expect(article.title).toBe(title);
    expect(article.outlet).toBe("Le Héraut");
  });
});

describe("outlet of a copied page, in the forms news sites print it", () => {
  it("is never a word of the account menu, the search button or the author box", () => {
    const account = ["My Account", "My details", "My newsletters", "Search Go"];
    const authorBox = ["About The Author", "Jane Doe covers trade and transport for the paper."];
    const article = read(MENU, account, HEADLINE, "By Jane Doe", "March 5, 2025", BODY, authorBox, "© 2025 Harbour Herald Ltd");
    expect(article.outlet).toBe("Harbour Herald");
  });

  it("is the site's address its copyright line gives in lower case", () => {
    expect(read(MENU, HEADLINE, "By Jane Doe", "March 5, 2025", BODY, "© 2025 harbourherald.com").outlet).toBe("harbourherald.com");
  });

  it("is the site a follow button names, without the button's state copied after it", () => {
    const page = (state: string) =>
      read(
        `Follow Harbour Herald ${state}`,
        MENU,
        HEADLINE,
        "By Jane Doe",
        "March 5, 2025",
        BODY,
        `Follow Harbour Herald ${state}`,
        "© 2025 Northgate Media Group",
      );
    expect(page("Followed").outlet).toBe("Harbour Herald");
    expect(page("Following").outlet).toBe("Harbour Herald");
  });

  it("is the site its sign-up and follow prompts name, over the parent company of the copyright line", () => {
    const article = read(
      MENU,
      HEADLINE,
      "By Jane Doe",
      "March 5, 2025",
      BODY,
      "Sign up for the Harbour Herald newsletter",
      "Follow the Harbour Herald on Twitter",
      "© 2025 Northgate Media Group",
    );
    expect(article.outlet).toBe("The Harbour Herald");
  });
  it("is the site its paywall and newsletter prompts name, over the owner of the copyright line", () => {
    const prompts = ["Subscribe now to access Harbour Sun.", "Get Harbour Sun delivered to your inbox"];
    const article = read(MENU, HEADLINE, "By Jane Doe", "March 5, 2025", BODY, prompts, "Copyright Northgate and Weekly Times. All times GMT");
    expect(article.outlet).toBe("Harbour Sun");
  });

  it("is the name a copyright line gives before the sign", () => {
    expect(read(MENU, HEADLINE, "By Jane Doe", "March 5, 2025", BODY, "About us", "Harbour Herald © 2000-2025").outlet).toBe("Harbour Herald");
  });

  it("is the name a copyright line gives after a company form written before it, without its quotes", () => {
    expect(
      read(RUSSIAN_MENU, "Пограничный переход откроют после переговоров министров", "18.03.2025", RUSSIAN_BODY, "© АО «Северный вестник». Все права защищены.")
        .outlet,
    ).toBe("Северный вестник");
  });

  it("is the name a copyright line gives before the footer's links the copy ran onto the same line", () => {
    const footer =
      "© Harbour Herald | Audited circulation | Terms of sale | Legal notices | Who we are | Group charter | Advertising | Index | Help (FAQ): web - subscriptions - paper - mobile";
    expect(read(MENU, "Jobs Newsletters", HEADLINE, "By Jane Doe", "March 5, 2025", BODY, footer).outlet).toBe("Harbour Herald");
  });

  it("is the name a copyright line gives before the range of its years", () => {
    expect(read(MENU, HEADLINE, "By Jane Doe", "March 5, 2025", BODY, "About", "© Harbour Herald 2016-2025").outlet).toBe("Harbour Herald");
  });

  it("is the company a copyright line names before its affiliates", () => {
    const footer = "© 2025 Harbour Herald Media Limited or its affiliated companies. All rights reserved.";
    expect(read(MENU, HEADLINE, "By Jane Doe", "March 5, 2025", BODY, footer).outlet).toBe("Harbour Herald Media");
  });

  it("is the site's address its byline gives as a part of its own", () => {
    const article = read(MENU, HEADLINE, "By Jane Doe in Kelmar | harbourherald.com.cn | Updated: 2025-03-05 07:35", BODY, "About us");
    expect(article.outlet).toBe("harbourherald.com.cn");
  });
});

describe("captions, credits and prompts of a copied page", () => {
  it("are removed when numbered as a gallery's or ending with a photographer's credit, while a sentence opening with a count stays", () => {
    const captions = [
      "Item 1 of 2 Ministers shake hands after the talks in the capital, March 5, 2025. Northgate/Jane Roe/Pool via REUTERS",
      "[1/2] Ministers shake hands after the talks in the capital, March 5, 2025",
      "Traders wait at the closed crossing, March 4, 2025. REUTERS/Jane Roe",
    ];
    const count = "1 of 2 traders at the crossing said they had stopped buying grain from farmers on the far side of the border this winter.";
    const article = read(MENU, HEADLINE, "By Jane Doe", "March 5, 2025", captions, BODY[0], count, BODY.slice(1), FOOTER);
    const body = article.paragraphs;
    expect(body).toEqual([BODY[0], count, ...BODY.slice(1)]);
    expect(article.removed.filter((line) => line.reason === "caption").map((line) => line.text)).toEqual(captions);
  });

  it("leave with an advertisement's label between every two paragraphs, which keep their article", () => {
    for (const label of ["Advertisement", "Story continues below advertisement"]) {
      const article = read(MENU, HEADLINE, "By Jane Doe", "March 5, 2025", ...BODY.map((paragraph) => [paragraph, label]), FOOTER);
      expect(article.paragraphs).toEqual(BODY);
      expect(article.removed.filter((line) => line.text === label)).toHaveLength(BODY.length);
    }
  });

  it("leave a bulleted list in the article whole, its items without digits", () => {
    const list = [
      "The agreement the ministers signed sets out:",
      "• customs teams back at the posts within a fortnight",
      "• a joint commission meeting every month",
      "• transit fees frozen until it agrees",
    ];
    const article = read(MENU, HEADLINE, "By Jane Doe", "March 5, 2025", BODY.slice(0, 2), list, BODY.slice(2), FOOTER);
    expect(article.paragraphs).toEqual([...BODY.slice(0, 2), ...list, ...BODY.slice(2)]);
  });

  it("leave an article told in one-sentence paragraphs whole, its first and last sentences with it", () => {
    const sentences = [
      "The border will reopen next week.",
      "Ministers agreed after six hours of talks.",
      "Grain traders welcomed the news on Wednesday.",
      "Customs teams will return within a fortnight.",
      "A joint commission will meet every month.",
      "Opposition lawmakers called the deal too vague.",
      "Farmers said the damage would last for years.",
      "Lorries could cross as early as Monday.",
    ];
    expect(read(MENU, HEADLINE, "By Jane Doe", "March 5, 2025", sentences, FOOTER).paragraphs).toEqual(sentences);
  });

  it("leave with a gallery's numbered slides, however long their captions", () => {
    const topics = ["ports", "grain", "rail", "fuel", "shipping", "customs"];
    const slides = topics.flatMap((topic, i) => [
      `${i + 1}/${topics.length} A week of ${topic}`,
      `Traders in the ${topic} business said on Monday that prices had risen for the third week in a row, and that the reopening of the border crossing would take months to bring them down again.`,
      "Getty",
    ]);
    const article = read(MENU, HEADLINE, "By Jane Doe", "March 5, 2025", BODY, "Business news in pictures", slides, FOOTER);
    expect(article.paragraphs).toEqual(BODY);
  });

  it("leave with the button asking readers to become members", () => {
    const article = read(MENU, HEADLINE, "By Jane Doe", "March 5, 2025", BODY.slice(0, 2), "Become a member", BODY.slice(2), FOOTER);
    expect(article.paragraphs).toEqual(BODY);
  });

  it("leave with a credit glued to its caption and with the print edition's note", () => {
    const caption = "Ministers after the talks (file photo)Image: Jane Roe/Northgate Pool/picture alliance";
    const note =
      "A version of this article appears in print on March 6, 2025, Section A, Page 1 of the national edition with the headline: Crossing to reopen.";
    const article = read(MENU, HEADLINE, "By Jane Doe", "March 5, 2025", caption, BODY, note, FOOTER);
    expect(article.paragraphs).toEqual(BODY);
  });
});

describe("links to other stories inside a copied article", () => {
  it("are related links with their 'Read more:' label, which a subheading in capitals after them is not", () => {
    const related = ["Read more:", "Harbour dredging to start in May as the port widens its channel", "Explainer: What the transit fees pay for"];
    const article = read(
      MENU,
      HEADLINE,
      "By Jane Doe",
      "March 5, 2025",
      BODY.slice(0, 2),
      "Advertisement · Scroll to continue",
      related,
      "WHAT COMES NEXT",
      BODY.slice(2),
      FOOTER,
    );
    const reasons = new Map(article.lines.map((line) => [line.text, line.kept ? "kept" : line.reason]));
    expect(related.map((text) => reasons.get(text))).toEqual(["related link", "related link", "related link"]);
    expect(reasons.get("Advertisement · Scroll to continue")).toBe("advertisement");
    expect(reasons.get("WHAT COMES NEXT")).not.toBe("related link");
    expect(article.paragraphs.slice(0, 2)).toEqual(BODY.slice(0, 2));
  });
});

describe("lists of other stories after a copied article", () => {
  // Each teaser is a title with its blurb, copied as one line: it reads like a paragraph.
  const teasers = [
    "Storm closes the coastal road for a week Engineers say the cliff above the road moved again overnight and must be made safe before any traffic returns.",
    "Library reopens after two years of repairs The reading rooms have new windows and heating, and the archive moves back from the warehouse next month.",
    "Ferry fares to rise in the spring The operator blames fuel and the new harbour dues, and says season tickets bought before April keep their price.",
    "School bus route changes from Monday Parents on the hill estate say the new stop is too far from the houses for the youngest children to walk to.",
  ];

  it("leave with their 'Most read' or 'Up next' heading, however much their teasers read like paragraphs", () => {
    for (const heading of ["Most read", "Most Popular Stories", "Up next"]) {
      const article = read(MENU, HEADLINE, "By Jane Doe", "March 5, 2025", BODY, heading, teasers, FOOTER);
      expect(article.paragraphs).toEqual(BODY);
    }
  });

  it("leave the article whole when such a heading stands above it, before the article is under way", () => {
    const article = read(MENU, HEADLINE, "By Jane Doe", "March 5, 2025", "Most read", BODY, FOOTER);
    expect(article.paragraphs).toEqual(BODY);
  });
});

describe("a press release copied from a PDF", () => {
  it("leaves its running page footers out of the body", () => {
    const footer = "Harbour Authority – Press Release No. 512 Page 1 of 2";
    const article = read(HEADLINE, "March 5, 2025", BODY.slice(0, 2), footer, BODY.slice(2), "Harbour Authority – Press Release No. 512 Page 2 of 2");
    expect(article.paragraphs).toEqual(BODY);
    expect(article.removed).toContainEqual({ text: footer, reason: "page furniture" });
  });
});
