/** Web pages as an editor copies them from a browser (select all, copy), for import tests. */

const MENU = [
  "Home",
  "World",
  "Business",
  "Technology",
  "Science",
  "Health",
  "Sport",
  "Culture",
  "Travel",
  "Opinion",
  "Video",
  "Podcasts",
  "Newsletters",
  "Sign in",
  "Subscribe",
];

export function copiedNewsPage(word: string): string {
  return [
    ...MENU,
    `Tidal turbines in the ${word} strait deliver their first year of power`,
    "By Ines Carvalho",
    "12 March 2024",
    `The four tidal turbines anchored in the ${word} strait produced enough electricity last year for about 9,000 homes, the operator said on Tuesday, the first full year of data from the array.`,
    "Output was steadier than engineers had expected: the turbines turned on all but eleven days, and maintenance crews reached them by boat in every month except January.",
    "The operator plans to add six more turbines by 2026 if the regional government renews its support, a decision expected after the summer.",
    "Fishing groups, who had opposed the project, said catches near the array had not fallen, though they asked for the monitoring to continue.",
    "Most popular",
    "Storm closes ferry routes for a second day",
    "How a small town rebuilt its high street",
    "Five walks along the northern coast this spring",
    "Comments (3)",
    "Joan P.",
    "2 hours ago",
    "Good to see this working at last, we were told it never would.",
    "Reply",
    "Mark_77",
    "1 hour ago",
    "What happens to the turbines in a big winter storm?",
    "Reply",
    "© 2024 Coastal Courier. All rights reserved.",
  ].join("\n");
}

/** A section front: headlines and menus, no article. */
export function copiedHomePage(word: string): string {
  return [
    ...MENU,
    `Latest from ${word}`,
    "Storm closes ferry routes for a second day",
    "How a small town rebuilt its high street",
    "Five walks along the northern coast this spring",
    "Council approves new cycle lanes",
    "Local team wins regional final",
    "Markets close higher on energy stocks",
    "Weather: sunny spells, showers later",
    "More stories",
    "About us",
    "Contact",
    "Privacy policy",
    "© 2024 Coastal Courier",
  ].join("\n");
}

/** A ministry's readout of a call: a short item of two sentences under its title and date. */
export function copiedReadoutPage(word: string): string {
  return [
    "Ministry of Harbours",
    "News",
    "Press releases",
    "Speeches",
    "Office of the Spokesperson",
    "Search",
    `Minister's call with the Mayor of ${word}`,
    "Readout",
    "Office of the Spokesperson",
    "March 18, 2025",
    `The Minister spoke with the Mayor of ${word} on Tuesday about the dredging of the northern channel.`,
    "They agreed to meet again next month.",
    "Topics",
    "Harbours",
    "Publication date: March 18, 2025",
    "Contact",
    "Privacy policy",
  ].join("\n");
}

/** The same kind of readout in Russian, which has no word list: its lines are read by their shape. */
export function copiedRussianReadoutPage(word: string): string {
  return [
    "Министерство портов",
    "Новости",
    "Пресс-релизы",
    "Выступления",
    "Поиск",
    `Телефонный разговор министра с мэром города ${word}`,
    "18 марта 2025 года, 20:00",
    `Министр обсудил с мэром города ${word} углубление северного фарватера и ремонт старой пристани.`,
    "Стороны договорились встретиться в следующем месяце.",
    "Темы",
    "Порты",
    "Дата публикации: 18 марта 2025 года",
    "Контакты",
  ].join("\n");
}

/** A social network's post as its page copies: the account over the text, the time under it, then a reply. */
export function copiedPostPage(word: string): string {
  return [
    "Post",
    "See new posts",
    "Conversation",
    "Harbour Ministry",
    "@HarbourMinistry",
    `The Minister spoke with the Mayor of ${word} today about the dredging of the northern channel. Both agreed to resume talks next month.`,
    "9:14 PM · Mar 18, 2025",
    "·",
    "12.4K",
    "Views",
    "48",
    "Reposts",
    "230",
    "Likes",
    "Post your reply",
    "Reply",
    "Jonas Berg",
    "@jberg",
    "·",
    "Mar 18",
    "About time.",
    "Relevant people",
    "Follow",
    "Trending now",
  ].join("\n");
}

/** A section front that dates each headline, one of them with its teaser. */
export function copiedDatedHomePage(word: string): string {
  return [
    ...MENU,
    `Latest from ${word}`,
    "Storm closes ferry routes for a second day",
    "March 18, 2025",
    "Ferry operators cancelled every crossing on Tuesday as gale-force winds battered the northern coast again.",
    "How a small town rebuilt its high street",
    "March 17, 2025",
    "Council approves new cycle lanes",
    "March 17, 2025",
    "Local team wins regional final",
    "March 16, 2025",
    "More stories",
    "© 2025 Coastal Courier",
  ].join("\n");
}

/** An article in a language the stopword lists do not cover (Polish). */
export function copiedPolishPage(word: string): string {
  return [
    "Strona główna",
    "Kraj",
    "Polityka",
    "Gospodarka",
    "Sport",
    "Kultura",
    `Port w ${word} znów otwarty po pogłębieniu toru wodnego`,
    `Port w ${word} został w poniedziałek ponownie otwarty dla kutrów rybackich po pracach pogłębiarskich, które trwały prawie całą zimę, poinformował zarząd portu.`,
    "Rybacy powiedzieli, że głębszy kanał pozwoli większym łodziom znów wyładowywać połów w mieście, zamiast płynąć do sąsiednich portów.",
    "Burmistrz podziękował pracownikom i obiecał, że północne nabrzeże zostanie odnowione przed końcem roku, z nowym oświetleniem i zadaszonym targiem.",
    "Powiązane artykuły",
    "Nowa ścieżka rowerowa przy bulwarze",
    "Targ rybny zmienia godziny otwarcia",
    "Udostępnij",
    "Facebook",
    "Twitter",
  ].join("\n");
}

/** An article in a Cyrillic language other than Russian (Ukrainian), which has no word list either. */
export function copiedUkrainianPage(word: string): string {
  return [
    "Головна",
    "Новини",
    "Політика",
    "Економіка",
    "Спорт",
    `Порт ${word} знову відкрито після поглиблення фарватеру`,
    `Порт ${word} у понеділок знову відкрили для рибальських суден після робіт із поглиблення, які тривали майже всю зиму, повідомила адміністрація порту.`,
    "Рибалки сказали, що глибший канал дозволить більшим човнам знову вивантажувати улов у місті, замість того щоб плисти до сусідніх портів.",
    "Мер подякував працівникам і пообіцяв, що північну набережну оновлять до кінця року, з новим освітленням і критим ринком.",
    "Читайте також",
    "Нова велодоріжка біля набережної",
    "Рибний ринок змінює години роботи",
    "Поділитися",
    "Facebook",
    "Twitter",
  ].join("\n");
}

/** A page in a language written right to left (Arabic), whose date line is `dateLine`. */
export function copiedArabicPage(word: string, dateLine = "الاثنين، 19 مايو/أيار 2025"): string {
  return [
    "الرئيسية",
    "أخبار",
    "سياسة",
    "اقتصاد",
    "رياضة",
    "بوتين وترامب يجريان اتصالا هاتفيا",
    dateLine,
    `أجرى الرئيس الروسي والرئيس الأمريكي يوم الاثنين اتصالا هاتفيا من منتجع ${word} استمر أكثر من ساعتين، بحسب ما أعلن الكرملين في بيان نشره بعد الاتصال.`,
    "وقال مساعد الرئيس الروسي إن الجانبين ناقشا إمكانية استئناف المفاوضات المباشرة بين موسكو وكييف، إضافة إلى تبادل الأسرى بين البلدين.",
    "وأشار الكرملين إلى أن المحادثة جرت في أجواء بناءة، معربا عن أمله في استمرار الاتصالات على أعلى مستوى خلال الأسابيع المقبلة.",
    "وكان وزير الخارجية الروسي قد قال في وقت سابق إن موسكو مستعدة للمفاوضات دون شروط مسبقة، وإنها تنتظر رد الجانب الأوكراني.",
    "اقرأ أيضا",
    "تابعونا على قناتنا",
    "© 2025 أخبار",
  ].join("\n");
}

/** A chart as a copy prints it: its title, axis labels and source credit, once for narrow screens and once for wide ones. */
function copiedChart(title: string): string[] {
  const axes = ["Tonnes landed, thousands", "40", "30", "20", "10", "0"];
  return [title, ...axes, "’02", "’06", "’10", "’14", "’18", "’22", title, ...axes, "’02", "’10", "’18", "By the Courier | Source: Harbour Authority"];
}

/**
 * An article cut in two by a chart: four paragraphs under its header, the chart's labels, then
 * six more. `header` stands between the headline (and its standfirst) and the first paragraph.
 */
export function copiedChartPage(word: string, header: readonly string[] = ["By Ines Carvalho", "March 12, 2024"]): string {
  return [
    "Sections",
    "Search",
    "Skip to content",
    "Business",
    "Subscribe",
    "Log in",
    "Today’s paper",
    `Why the ${word} harbour's fish landings halved in twenty years`,
    "Quotas, fuel prices and an ageing fleet have thinned the boats that once crowded the quay.",
    ...header,
    "Twenty years ago more than two hundred boats landed their catch at the harbour every week; last year fewer than ninety did, according to figures the harbour authority published on Tuesday.",
    "The fall was steepest after 2010, when the regional quota for cod was cut by a third and fuel prices rose for four years in a row, the authority said in its annual report.",
    "Skippers who stayed in the trade have bought larger boats that go further out, so the tonnage landed fell by less than the number of boats, but the quay is quieter than it has been for a century.",
    "“We used to queue for the crane at five in the morning,” said one skipper, who has fished from the harbour for thirty-one years. “Now I can tie up wherever I like.”",
    ...copiedChart("Fish landed at the harbour"),
    "The authority expects landings to stabilise if the quota is held at this year's level, though it warned that the fleet's average age, now twenty-six years, would force more boats out of service.",
    "Younger crews are hard to find: the fishing school on the quay trained eleven deckhands last year against forty in 2004, and half of them left the trade within two years.",
    "The council has proposed a fund to help skippers replace their engines, which would cut fuel costs by about a fifth, but the plan has not yet been approved.",
    "Fishmongers in the town say they now buy much of their stock from larger ports along the coast, which adds a day to the time the fish takes to reach the counter.",
    "The harbour's restaurants have adapted by changing their menus with the week's landings rather than printing them for the season.",
    "The authority will publish its next report in the spring, with figures for each species for the first time.",
    "Most popular",
    "Storm closes ferry routes for a second day",
    "How a small town rebuilt its high street",
    "© 2024 Coastal Courier. All rights reserved.",
  ].join("\n");
}

/** Stories as search results list them: a title, where the story is (its address) and a one-sentence summary. */
function searchResults(word: string): { title: string; address: string; summary: string }[] {
  return [
    {
      title: `Ferry routes to ${word} close for a second day`,
      address: "https://www.coastalcourier.example › news › ferry-routes",
      summary: "Ferry operators cancelled every crossing on Tuesday as gale-force winds battered the northern coast again, stranding hundreds of passengers.",
    },
    {
      title: `${word} council approves new cycle lanes on the harbour road`,
      address: "https://www.harbourherald.example › local › cycle-lanes",
      summary: "Councillors voted by a wide margin to build protected cycle lanes along the harbour road, despite objections from several shop owners.",
    },
    {
      title: `How ${word} rebuilt its high street after the floods`,
      address: "northgate.example/features/high-street",
      summary: "Two years after the river burst its banks, most of the shops on the high street have reopened, many of them run by new owners.",
    },
    {
      title: `${word} fishermen land the smallest catch in twenty years`,
      address: "https://www.coastalcourier.example › business › catch",
      summary: "The harbour authority said on Friday that fewer than ninety boats landed their catch last year, the lowest number since records began.",
    },
  ];
}

/** A site's search results: each a title, its date and a one-sentence summary. */
export function copiedSearchResultsPage(word: string): string {
  return [
    "Home",
    "News",
    "Sport",
    "Search",
    `Search results for “${word}”`,
    "About 48 results",
    ...searchResults(word).flatMap(({ title, summary }, i) => [title, `${18 - i} March 2025`, summary]),
    "Next page",
    "© 2025 Coastal Courier",
  ].join("\n");
}

/** A web search engine's results: each a title, its address as a breadcrumb and a summary. */
export function copiedSearchEnginePage(word: string): string {
  const results = searchResults(word).flatMap(({ title, address, summary }) => [title, address, summary]);
  return ["All", "News", "Images", "Videos", "About 1,240 results (0.42 seconds)", ...results, "Next", "Privacy", "Terms"].join("\n");
}
