import { describe, expect, it } from "vitest";
import { parsePastedText } from "@/lib/articles/extract";
import { abbreviates, bylineName, copyrightOwner, findBodyStart } from "@/lib/articles/text-metadata";

// Small copied pages written for these tests: menus first, the article in the middle, a footer.
const MENU = ["Home", "World", "Business Markets", "Sign In", "Subscribe"];
const BODY = [
  "The harbour authority said on Tuesday that the new ferry terminal would open in the spring, two years later than planned, after the builder ran into soft ground under the old quay.",
  "Engineers had to drive piles twice as deep as the first design allowed, the authority's director told reporters at a briefing on the waterfront, adding that the cost had risen by a fifth.",
  "Passengers will keep using the temporary pontoon until then, and the two evening crossings that were cut in the autumn will return from next month, the operator said in a statement.",
];

function page(...parts: (string | string[])[]): string {
  return parts.flat().join("\n");
}

describe("headline of a copied page", () => {
  it("is the title-like line where the article begins, not the page's first line", () => {
    const article = parsePastedText(
      page("THE COASTAL COURIER", MENU, "Ferry terminal delayed by two years after builder hits soft ground", "By Maria Lindqvist", "March 3, 2020", BODY),
    );
    expect(article.title).toBe("Ferry terminal delayed by two years after builder hits soft ground");
    expect(article.titleProvisional).toBe(false);
    expect(article.removed.find((line) => line.reason === "headline")?.text).toBe(article.title);
  });

  it("prefers the line the byline follows over a teaser nearer the body", () => {
    const article = parsePastedText(
      page(MENU, "Ferry terminal delayed by two years after builder hits soft ground", "By Maria Lindqvist", "Watch the harbour webcam live", BODY),
    );
    expect(article.title).toBe("Ferry terminal delayed by two years after builder hits soft ground");
  });

  it("skips furniture between the headline and the body", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "5 min read", "Follow us on", "12 comments", BODY));
    expect(article.title).toBe("Ferry terminal delayed by two years");
  });

  it("takes the repeated title over a menu line when nothing else tells them apart", () => {
    const article = parsePastedText(
      page("Ferry terminal delayed by two years | The Coastal Courier", MENU, "Port news and more", "Ferry terminal delayed by two years", BODY),
    );
    expect(article.title).toBe("Ferry terminal delayed by two years");
  });

  it("keeps headlines with abbreviations and skips sign-up and account lines", () => {
    const article = parsePastedText(
      page(MENU, "Man admits threatening Rep. Jane Holm over ferry vote", "Breaking News Emails", "Edit ProfileSign Out", "By Maria Lindqvist", BODY),
    );
    expect(article.title).toBe("Man admits threatening Rep. Jane Holm over ferry vote");
  });

  it("is not a title-like line under the byline (a video's title, a teaser)", () => {
    const article = parsePastedText(
      page(
        MENU,
        "Ferry terminal delayed by two years",
        "Print",
        "Email",
        "Share",
        "Comments",
        "Save",
        "By Maria Lindqvist",
        "Harbour master says the delay is worth it",
        BODY,
      ),
    );
    expect(article.title).toBe("Ferry terminal delayed by two years");
  });

  it("is not a line giving a web address", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Tested by: Maria Lindqvist More info: www.harbour.example", BODY));
    expect(article.title).toBe("Ferry terminal delayed by two years");
  });

  it("is the title above its standfirst, not the standfirst nearer the byline", () => {
    const article = parsePastedText(
      page(
        MENU,
        "Ferry Terminal Delayed by Two Years After Builder Hits Soft Ground",
        "The harbour authority says piles must go twice as deep as planned",
        "By Maria Lindqvist",
        "March 3, 2020",
        BODY,
      ),
    );
    expect(article.title).toBe("Ferry Terminal Delayed by Two Years After Builder Hits Soft Ground");
  });

  it("leaves out a button copied with it as an icon's name and its label", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years chevron_left Browse All Posts", "March 3, 2020", BODY));
    expect(article.title).toBe("Ferry terminal delayed by two years");
  });

  it("may open with a bracketed tag", () => {
    const article = parsePastedText(
      page(MENU, "Blog - Latest News", "[Review] Ferry terminal delayed by two years", "March 3, 2020 / by Maria Lindqvist", BODY),
    );
    expect(article.title).toBe("[Review] Ferry terminal delayed by two years");
  });

  it("is found above a long share panel", () => {
    const share = ["Facebook", "Messenger", "Twitter", "Email", "WhatsApp", "LinkedIn", "Pinterest"].flatMap((site) => [site, `Share this with ${site}`]);
    const article = parsePastedText(
      page(
        MENU,
        "Ferry terminal delayed by two years after builder hits soft ground",
        "3 March 2020",
        share,
        share,
        "Copy this link",
        "Close share panel",
        BODY,
      ),
    );
    expect(article.title).toBe("Ferry terminal delayed by two years after builder hits soft ground");
  });

  it("is not the last of a list of teasers each with its credit and date, nor is the date a teaser's", () => {
    const teasers = [
      "Harbour Pilots Strike for a Second Day",
      "Jon Berg3/2/20 9:00AM",
      "14",
      "Fish Market Reopens After the Storm",
      "Jon Berg3/1/20 4:40PM",
      "3",
      "New Tugboat Arrives From the Yard",
      "Jon Berg2/28/20 11:00AM",
      "HARBOUR",
    ];
    const article = parsePastedText(page(MENU, teasers, "Ferry terminal delayed by two years", "Maria Lindqvist", "Tuesday 5:30PM", BODY));
    expect(article.title).toBe("Ferry terminal delayed by two years");
    expect(article.publishedAt).toBeNull();
  });

  it("is not lost under the last credit of a list of teasers above it", () => {
    const rail = [
      "Latest",
      "Harbour Pilots Strike for a Second Day",
      "By Jon Berg | March 2, 2020",
      "Fish Market Reopens After the Storm",
      "By Jon Berg | March 1, 2020",
    ];
    const article = parsePastedText(page(MENU, rail, "Ferry terminal delayed by two years", "By Maria Lindqvist | March 3, 2020", BODY));
    expect(article).toMatchObject({ title: "Ferry terminal delayed by two years", author: "Maria Lindqvist", publishedAt: "2020-03-03" });
  });

  it("owns the date right under it, not a menu line a few lines above", () => {
    const article = parsePastedText(
      page(
        MENU,
        "Have Your Say",
        "Harbour",
        "Local",
        "Ferry terminal delayed by two years after builder hits soft ground",
        "3 March 2020",
        BODY,
        "Have Your Say",
      ),
    );
    expect(article.title).toBe("Ferry terminal delayed by two years after builder hits soft ground");
  });

  it("is the last item of a breadcrumb trail copied without its separators, when the page repeats it", () => {
    const article = parsePastedText(
      page(MENU, "Home Harbour News Ferry terminal delayed by two years", "FERRY TERMINAL DELAYED BY TWO YEARS", "written by Maria", "Share this", BODY),
    );
    expect(article.title).toBe("Ferry terminal delayed by two years");
    const unrepeated = parsePastedText(page(MENU, "Harbour Ferry terminal delayed by two years", "By Maria Lindqvist", BODY));
    expect(unrepeated.title).toBe("Harbour Ferry terminal delayed by two years");
  });

  it("stays provisional when only menus precede the body", () => {
    const article = parsePastedText(page("Home", "News", BODY));
    expect(article.titleProvisional).toBe(true);
  });
});

describe("where the body of a copied page begins", () => {
  it("is the article's opening paragraphs when a list the classifier kept parts them from the longer rest", () => {
    const kept = (text: string) => ({ text, kept: true });
    const removed = (text: string) => ({ text, kept: false });
    const items = [
      "Customs teams return within a fortnight",
      "A joint commission meets monthly",
      "Fees stay frozen until June",
      "Trucks get their own lane",
      "Depots take over inspections",
      "Scanners are paid for jointly",
    ];
    const rest = [...BODY, ...BODY.map((text) => `Later, ${text}`), ...BODY.map((text) => `Finally, ${text}`)];
    const lines = [
      removed("Ferry terminal delayed by two years"),
      removed("March 3, 2020"),
      kept(BODY[0]),
      kept(BODY[1]),
      kept("The authority also said:"),
      ...items.map(kept),
      removed("Read the full statement"),
      ...rest.map(kept),
    ];
    expect(findBodyStart(lines)).toBe(2);
    // Lines the classifier removed still part the runs: a teaser's summary above a menu is not the body's start.
    const teaser = [kept(BODY[0]), ...items.map(removed), ...rest.map(kept)];
    expect(findBodyStart(teaser)).toBe(1 + items.length);
  });
});

describe("headline of a copied page with buttons between it and the byline", () => {
  it("is not a button naming the page", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "March 3, 2020", "Print This Article", "by Maria Lindqvist", BODY));
    expect(article).toMatchObject({
      title: "Ferry terminal delayed by two years",
      titleProvisional: false,
      author: "Maria Lindqvist",
      publishedAt: "2020-03-03",
    });
  });
});

describe("headline and date of a copied page in Spanish", () => {
  const body = [
    "La autoridad portuaria dijo el martes que la nueva terminal de ferris abrirá en primavera, dos años más tarde de lo previsto, después de que el constructor encontrara suelo blando bajo el viejo muelle.",
    "Los ingenieros tuvieron que clavar los pilotes el doble de profundo de lo que permitía el primer diseño, dijo el director de la autoridad a los periodistas en el paseo marítimo, y el coste subió una quinta parte.",
    "Los pasajeros seguirán usando el pontón provisional hasta entonces, y los dos cruces de la tarde que se suprimieron en otoño volverán el mes que viene, dijo el operador en un comunicado.",
  ];

  it("are read when the weekday of the date line is in lower case", () => {
    const article = parsePastedText(
      page("Inicio", "Mundo", "Economía", "La terminal de ferris se retrasa dos años", "martes, 3 de marzo de 2020, 09:14", body),
    );
    expect(article).toMatchObject({
      title: "La terminal de ferris se retrasa dos años",
      titleProvisional: false,
      publishedAt: "2020-03-03",
      publishedTime: "09:14",
    });
  });

  it("read a byline in lower case between the headline and the date line", () => {
    const article = parsePastedText(
      page("Inicio", "Mundo", "Economía", "La terminal de ferris se retrasa dos años", "por Ana Ruiz", "martes, 3 de marzo de 2020, 09:14", body),
    );
    expect(article).toMatchObject({
      title: "La terminal de ferris se retrasa dos años",
      titleProvisional: false,
      author: "Ana Ruiz",
      publishedAt: "2020-03-03",
    });
  });

  it("take the published stamp over the updated one, however the line separates them", () => {
    const stamped = (line: string) => parsePastedText(page("Inicio", "Mundo", "La terminal de ferris se retrasa dos años", line, body));
    expect(stamped("Actualizado: 04/03/2020 08:00 | Publicado: 03/03/2020 09:14")).toMatchObject({ publishedAt: "2020-03-03", publishedTime: "09:14" });
    const dashed = stamped("Actualizado el 4 de marzo de 2020 a las 08:00 - Publicado el 3 de marzo de 2020 a las 09:14");
    expect(dashed).toMatchObject({ title: "La terminal de ferris se retrasa dos años", publishedAt: "2020-03-03" });
  });
});

describe("byline of a copied page", () => {
  it("reads 'By' bylines with roles, handles and dates glued on", () => {
    expect(bylineName("By Maria LindqvistStaff Writer")).toBe("Maria Lindqvist");
    expect(bylineName("By Maria Lindqvist@mlindqvist Nov 18, 2019, 11:47am EST")).toBe("Maria Lindqvist");
    expect(bylineName("Maria Lindqvist - Nov 19, 2019, 10:31 pm CST")).toBe("Maria Lindqvist");
    expect(bylineName("November 12, 2018 | BY: Maria Lindqvist")).toBe("Maria Lindqvist");
    expect(bylineName("By Maria Lindqvist Updated Nov 13, 2019")).toBe("Maria Lindqvist");
  });

  it("reads the author ending a dateline", () => {
    expect(bylineName("Posted on March 3, 2020 by Maria Lindqvist")).toBe("Maria Lindqvist");
    expect(bylineName("21:17 03.03.2020 Get short URL by Maria Lindqvist")).toBe("Maria Lindqvist");
    expect(bylineName("Ferry terminal closed by Harbour Authority")).toBeNull();
    expect(bylineName("written by Maria")).toBe("Maria");
    expect(bylineName("Ferry terminal hit by Storm Ciara")).toBeNull();
  });

  it("drops words a copy ran onto the byline: lower-case buttons, the site's coined name", () => {
    expect(bylineName("By Maria LindqvistCOASTALNews close video")).toBe("Maria Lindqvist");
    expect(bylineName("By Maria de Vries")).toBe("Maria de Vries");
    expect(bylineName("By Ronan McAllister")).toBe("Ronan McAllister");
  });

  it("is not read from headlines or sentences", () => {
    expect(bylineName("By continuing to browse you agree to our terms")).toBeNull();
    expect(bylineName("Ferry terminal delayed by two years")).toBeNull();
  });

  it("takes a bare name line beside the dateline", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Maria Lindqvist", "March 3, 2020 9:00 AM", BODY));
    expect(article.author).toBe("Maria Lindqvist");
  });

  it("takes a bare name line beside a reading time or in the dateline's lines above the headline", () => {
    const below = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Maria Lindqvist", "5 Min Read", BODY));
    expect(below.author).toBe("Maria Lindqvist");
    const above = parsePastedText(page(MENU, "Maria Lindqvist", "Transport", "03.03.2020 09:00 AM", "Ferry terminal delayed by two years", BODY));
    expect(above.author).toBe("Maria Lindqvist");
  });

  it("takes a bare name line beside a posting time without its day", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Maria Lindqvist", "Monday 6:30PM", BODY));
    expect(article.author).toBe("Maria Lindqvist");
    expect(article.publishedAt).toBeNull();
  });

  it("reads the name under an 'Author:' label alone on its line", () => {
    const article = parsePastedText(page(MENU, "Morning Briefing 3/3/20", "Ferry terminal delayed by two years", "Author:", "The Quayside Letter", BODY));
    expect(article.author).toBe("The Quayside Letter");
  });

  it("prefers the byline under the headline to a line above it of the same shape", () => {
    const article = parsePastedText(page(MENU, "Morning Briefing 3/3/20", "Ferry terminal delayed by two years", "Maria Lindqvist 3/3/20", BODY));
    expect(article.author).toBe("Maria Lindqvist");
  });

  it("takes the site account a dateline credits", () => {
    const credited = (line: string) => parsePastedText(page(MENU, "Ferry terminal delayed by two years", line, BODY)).author;
    expect(credited("By admin - 2020-03-03")).toBe("admin");
    expect(credited("March 3, 2020/0 Comments/in Harbour News /by harbouradmin")).toBe("harbouradmin");
    expect(credited("By marianne - 2020-03-03")).toBe("marianne");
    expect(credited("Work ends by Friday - 2020-03-03")).toBeNull();
  });

  it("credits the agency when no person is named", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", `OSLO (Reuters) - ${BODY[0]}`, BODY.slice(1)));
    expect(article.author).toBe("Reuters");
  });

  it("reads bylines that name a date or the house after the name", () => {
    expect(bylineName("By Maria Lindqvist on March 3, 2020")).toBe("Maria Lindqvist");
    expect(bylineName("Posted by Maria Lindqvist on March 3, 2020")).toBe("Maria Lindqvist");
    expect(bylineName("Published by Maria Lindqvist")).toBe("Maria Lindqvist");
    expect(bylineName("By Maria Lindqvist for The Coastal Courier")).toBe("Maria Lindqvist");
    expect(bylineName("By Maria Lindqvist at Harbour Weekly")).toBe("Maria Lindqvist");
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "By Maria Lindqvist for The Coastal Courier", "March 3, 2020", BODY));
    expect(article.title).toBe("Ferry terminal delayed by two years");
    expect(article.author).toBe("Maria Lindqvist");
  });

  it("reads the name after the date in a dateline", () => {
    expect(bylineName("3 March 2020 · Maria Lindqvist")).toBe("Maria Lindqvist");
    expect(bylineName("March 3, 2020 | Maria Lindqvist")).toBe("Maria Lindqvist");
    expect(bylineName("March 3, 2020 | Harbour")).toBeNull();
  });

  it("reads bylines in other languages without their label", () => {
    expect(bylineName("Par Marie Dupont")).toBe("Marie Dupont");
    expect(bylineName("Von Maria Lindqvist")).toBe("Maria Lindqvist");
    expect(bylineName("Por María López")).toBe("María López");
    expect(bylineName("Door Marijke de Vries")).toBe("Marijke de Vries");
    expect(bylineName("Von der Leyen visits the harbour")).toBeNull();
  });

  it("does not take a date's label for a name", () => {
    const body = [
      "L'autorité portuaire a annoncé mardi que le nouveau terminal des ferries ouvrirait au printemps, deux ans plus tard que prévu, après que le constructeur a rencontré un sol meuble sous l'ancien quai.",
      "Les ingénieurs ont dû enfoncer les pieux deux fois plus profondément que prévu dans le premier projet, a déclaré le directeur de l'autorité lors d'un point presse sur le port, ajoutant que le coût avait augmenté d'un cinquième.",
      "Les passagers continueront d'utiliser le ponton provisoire jusque-là, et les deux traversées du soir supprimées à l'automne reprendront le mois prochain, a indiqué l'opérateur dans un communiqué.",
    ];
    const article = parsePastedText(page(MENU, "Le terminal des ferries retardé de deux ans", "Publié le 3 mars 2020 à 09h14", body));
    expect(article.author).toBeNull();
    expect(article.publishedAt).toBe("2020-03-03");
  });

  it("takes a bare name line with the role line under it beside the dateline", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Maria Lindqvist", "Senior Reporter", "March 3, 2020", BODY));
    expect(article.author).toBe("Maria Lindqvist");
  });

  it("reads a name glued to its date and is not taken for the headline", () => {
    expect(bylineName("Maria LindqvistMar 3, 2020")).toBe("Maria Lindqvist");
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Maria LindqvistMar 3, 2020", BODY));
    expect(article.title).toBe("Ferry terminal delayed by two years");
    expect(article.author).toBe("Maria Lindqvist");
    expect(article.publishedAt).toBe("2020-03-03");
  });

  it("reads a name glued to a posting time without its day, and states no date", () => {
    expect(bylineName("Maria LindqvistTuesday 5:30PM")).toBe("Maria Lindqvist");
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Maria LindqvistTuesday 5:30PM", BODY));
    expect(article.title).toBe("Ferry terminal delayed by two years");
    expect(article.publishedAt).toBeNull();
  });

  it("is not taken from a photo credit", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Photo: Maria Lindqvist / Getty Images", BODY));
    expect(article.author).toBeNull();
    expect(bylineName("Maria Lindqvist | Harbour Agency | Getty Images")).toBeNull();
  });
});

describe("publication date of a copied page", () => {
  it("comes from the date line by the headline", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "By Maria Lindqvist", "Published: 3 March 2020, 09:14 GMT", BODY));
    expect(article.publishedAt).toBe("2020-03-03");
  });

  it("keeps the time with the zone the page states, and the page's own day", () => {
    const zoned = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Maria Lindqvist - Mar 3, 2020, 10:31 pm CST", BODY));
    expect(zoned.publishedAt).toBe("2020-03-03");
    expect(zoned.publishedTime).toBe("22:31-06:00");
    const published = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "By Maria Lindqvist", "Published: 3 March 2020, 09:14 GMT", BODY));
    expect(published.publishedTime).toBe("09:14+00:00");
    // A time without its zone is the page's own clock: kept as shown, with no zone made up.
    const unzoned = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "By Maria Lindqvist", "March 3, 2020 10:31 PM", BODY));
    expect(unzoned.publishedAt).toBe("2020-03-03");
    expect(unzoned.publishedTime).toBe("22:31");
  });

  it("reads the time a page sets apart from its day, in a part of the stamp or on the line under it", () => {
    const stamped = (...lines: string[]) => parsePastedText(page(MENU, "Ferry terminal delayed by two years", "By Maria Lindqvist", lines, BODY));
    expect(stamped("Mar 3, 2020 / 10:31 PM ET")).toMatchObject({ publishedAt: "2020-03-03", publishedTime: "22:31-05:00" });
    expect(stamped("03.03.2020 | 22:31")).toMatchObject({ publishedAt: "2020-03-03", publishedTime: "22:31" });
    expect(stamped("10:31 PM PST · March 3, 2020")).toMatchObject({ publishedAt: "2020-03-03", publishedTime: "22:31-08:00" });
    // The same time again in brackets, in the reader's own zone.
    expect(stamped("March 3, 2020 -- 22:31 GMT (17:31 EST) | Topic: Ports")).toMatchObject({ publishedAt: "2020-03-03", publishedTime: "22:31+00:00" });
    // A copy that ran the year into the time.
    expect(stamped("Published Tue, Mar 3 202010:31 PM EST")).toMatchObject({ publishedAt: "2020-03-03", publishedTime: "22:31-05:00" });
    expect(stamped("PUBLISHED TUE, MAR 3 202010:31 PM ESTUPDATED AN HOUR AGO")).toMatchObject({ publishedAt: "2020-03-03", publishedTime: "22:31-05:00" });
    expect(stamped("Mar. 3, 2020", "10:31 PM")).toMatchObject({ publishedAt: "2020-03-03", publishedTime: "22:31" });
    // Alone on its line without AM/PM or a zone, "1:23" is as likely a video's length.
    expect(stamped("Mar. 3, 2020", "1:23")).toMatchObject({ publishedAt: "2020-03-03", publishedTime: null });
    // A posting time under a date line is no time of that date when it names its own day.
    expect(stamped("Mar. 3, 2020", "Monday 10:31 PM")).toMatchObject({ publishedAt: "2020-03-03", publishedTime: null });
  });

  it("prefers the published date to the updated one", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Updated March 5, 2020", "Published March 3, 2020", BODY));
    expect(article.publishedAt).toBe("2020-03-03");
  });

  it("reads the published stamp of a line that also gives the updated one", () => {
    const stamped = (line: string) => parsePastedText(page(MENU, "Ferry terminal delayed by two years", "By Maria Lindqvist", line, BODY)).publishedAt;
    expect(stamped("Published Mar 3, 2020 at 11:07 PM | Updated at 5:36 AM CST on Mar 4, 2020")).toBe("2020-03-03");
    expect(stamped("Updated Mar 4, 2020, 9:41 AM;Posted Mar 3, 2020, 8:19 PM")).toBe("2020-03-03");
  });

  it("comes from the headline's date line above a long menu and a list of teasers before the body", () => {
    const ports = ["Aberdeen", "Bergen", "Calais", "Dover", "Esbjerg", "Flushing", "Gdansk", "Hamburg", "Ipswich", "Kiel"];
    const chooser = ["Choose your port", ...ports, ...ports.map((port) => `${port} North`), ...ports.map((port) => `${port} South`), "Choose a route"];
    const teasers = [
      "MORE FROM THE HARBOUR",
      "NEWS",
      "Harbour pilots strike for a second day",
      "February 28, 2017",
      "FEATURES",
      "Fish market reopens after the storm",
      "December 18, 2015",
      "NEWS",
      "New tugboat arrives from the yard",
      "August 18, 2014",
    ];
    const article = parsePastedText(
      page(MENU, "Ferry terminal delayed by two years after builder hits soft ground", "Port news March 3, 2020 13:42", chooser, teasers, BODY),
    );
    expect(article).toMatchObject({
      title: "Ferry terminal delayed by two years after builder hits soft ground",
      publishedAt: "2020-03-03",
      publishedTime: "13:42",
    });
  });

  it("is never guessed from dates in the body or from relative times", () => {
    const dated = [...BODY, "The contract was signed on June 14, 2016, and the terminal was meant to open on May 1, 2018."];
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "2 days ago", dated));
    expect(article.publishedAt).toBeNull();
  });

  it("reads day-first dotted dates and dates crediting the network after them", () => {
    expect(parsePastedText(page(MENU, "Ferry terminal delayed by two years", "21:17 03.03.2020", BODY)).publishedAt).toBe("2020-03-03");
    expect(parsePastedText(page(MENU, "Ferry terminal delayed by two years", "March 3, 2020 / 9:14 AM / Harbour TV", BODY)).publishedAt).toBe("2020-03-03");
    expect(parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Updated on: March 3, 2020 / 9:14 AM / Harbour TV", BODY)).publishedAt).toBe(
      "2020-03-03",
    );
  });

  it("reads a month name in a language the page's language guess does not cover", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Posted on Maret 3, 2020 by Admin", BODY));
    expect(article.publishedAt).toBe("2020-03-03");
  });

  it("takes a date stated without its year in the year of the page's copyright line", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Posted Mar 3, 9:14 AM", BODY, "© 2020 The Coastal Courier"));
    expect(article.publishedAt).toBe("2020-03-03");
    expect(article.publishedTime).toBe("09:14");
    expect(parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Posted Mar 3, 9:14 AM", BODY)).publishedAt).toBeNull();
  });

  it("reads dates written with the year, month and day signs of Chinese, Japanese and Korean", () => {
    const dated = (line: string) => parsePastedText(page(MENU, "Ferry terminal delayed by two years", "By Maria Lindqvist", line, BODY)).publishedAt;
    expect(dated("2020年3月3日 09:14")).toBe("2020-03-03");
    expect(dated("입력 2020년 3월 3일 09:14")).toBe("2020-03-03");
  });

  it("reads month names in the page's own language", () => {
    const body = [
      "Die Hafenbehörde teilte am Dienstag mit, dass das neue Fährterminal erst im Frühjahr eröffnet wird, zwei Jahre später als geplant, weil der Bauherr unter dem alten Kai auf weichen Boden gestoßen ist.",
      "Die Ingenieure mussten die Pfähle doppelt so tief setzen wie im ersten Entwurf vorgesehen, sagte der Direktor der Behörde bei einem Termin am Hafen, und die Kosten seien um ein Fünftel gestiegen.",
      "Die Fahrgäste nutzen bis dahin weiter den provisorischen Anleger, und die beiden Abendfahrten, die im Herbst gestrichen wurden, werden ab dem nächsten Monat wieder angeboten, teilte der Betreiber mit.",
    ];
    const article = parsePastedText(page(MENU, "Neues Fährterminal verzögert sich um zwei Jahre", "Veröffentlicht am 3. März 2020, 09:14 Uhr", body));
    expect(article.publishedAt).toBe("2020-03-03");
  });
});

describe("outlet of a copied page", () => {
  it("comes from the copyright line without years and company suffixes", () => {
    expect(copyrightOwner("© 2019 The Coastal Courier. All rights reserved.")).toBe("The Coastal Courier");
    expect(copyrightOwner("Copyright 2008-2020 Harbour Media Group, Inc.")).toBe("Harbour Media");
    expect(copyrightOwner("Copyright ©2019 Lindqvist & Company, Inc. All Rights Reserved.")).toBe("Lindqvist");
    expect(copyrightOwner("The contract was signed in 2016 by the builder.")).toBeNull();
  });

  it("prefers the name the page gives itself twice to the copyright owner", () => {
    const article = parsePastedText(
      page(MENU, "Ferry terminal delayed by two years", BODY, "Contact The Coastal Courier", "Coastal Courier Newsletters", "© 2020 Harbour Media Group, Inc."),
    );
    expect(article.outlet).toBe("The Coastal Courier");
  });

  it("prefers the coined name the site's menus open with to the copyright owner", () => {
    const menus = ["HarbourWire Video", "HarbourWire Podcasts", "HarbourWire around the world:", "Politics", "Sports"];
    const article = parsePastedText(page(MENU, menus, "Ferry terminal delayed by two years", BODY, "© 2020 Coastal Holdings, Inc."));
    expect(article.outlet).toBe("HarbourWire");
  });

  it("reads coined names opening with several capitals, not plurals of initialisms", () => {
    const menus = ["QXNet China", "QXNet France", "QXNet Germany", "Politics", "Sports"];
    expect(parsePastedText(page(MENU, menus, "Ferry terminal delayed by two years", BODY, "© 2020 Coastal Holdings, Inc.")).outlet).toBe("QXNet");
    const plurals = ["SUVs for families", "SUVs under $30,000", "SUVs we tested", "Politics", "Sports"];
    expect(parsePastedText(page(MENU, plurals, "Ferry terminal delayed by two years", BODY)).outlet).toBeNull();
  });

  it("takes the site's copyright over the wire agency's under a republished story", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "© Coastal Courier Pty Ltd. All rights reserved.", BODY, "© Reuters"));
    expect(article.outlet).toBe("Coastal Courier");
  });

  it("takes the site a footer says belongs to a company over the company", () => {
    const footer = "Harbour Weekly is part of Coastal Media Group Inc, an international media group. Visit our corporate site.";
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", BODY, footer, "© 2020 Coastal Media Group Inc."));
    expect(article.outlet).toBe("Harbour Weekly");
    // A body sentence about belonging is no footer: what follows is no company.
    const sentence = "The old quay is part of the harbour estate, the authority said.";
    expect(parsePastedText(page(MENU, "Ferry terminal delayed by two years", BODY, sentence, "© 2020 Coastal Media Group Inc.")).outlet).toBe("Coastal Media");
  });

  it("comes from the author's note naming the house", () => {
    const note = "Maria Lindqvist is a senior editor at Harbour Weekly. She covers ports and shipping.";
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", BODY, note, "Harbour Weekly", "© 2020 Coastal Holdings, Inc."));
    expect(article.outlet).toBe("Harbour Weekly");
  });

  it("reads self-references ending in punctuation or 'online'", () => {
    const article = parsePastedText(
      page(
        MENU,
        "Ferry terminal delayed by two years",
        BODY,
        "Follow The Coastal Courier online:",
        "Join the Coastal Courier Newsletter.",
        "© 2020 Harbour Media Group, Inc.",
      ),
    );
    expect(article.outlet).toBe("The Coastal Courier");
  });

  it("reads the copyright owner without its description or a 'Pty Ltd'", () => {
    expect(copyrightOwner("© The Coastal Courier, a Harbour Media Newspaper")).toBe("The Coastal Courier");
    expect(copyrightOwner("© CoastWatch Pty Ltd. All rights reserved.")).toBe("CoastWatch");
  });

  it("prefers the brand of the footer's trademark notice to the copyright owner", () => {
    const footer = ["Courier Sports is a registered trademark of Harbour Broadcasting Inc.", "© 2020 Harbour Interactive Inc."];
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", BODY, footer));
    expect(article.outlet).toBe("Courier Sports");
  });

  it("does not take a third party's trademark notice for the site's brand", () => {
    const footer = ["© 2020 Coastal Courier, LLC. All rights reserved.", "Gadgetron is a registered trademark of Gadgetron, Inc. in the United States."];
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", BODY, "Gadgetron Gadgetron Gadgetron", footer));
    expect(article.outlet).toBe("Coastal Courier");
  });

  it("takes the house named in its own voice: a staff byline, a welcome", () => {
    const staff = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "By Maria Lindqvist, CCN Staff", BODY, "Welcome to CCN's ferry guide."));
    expect(staff.outlet).toBe("CCN");
    const author = parsePastedText(page(MENU, "Ferry terminal delayed by two years", BODY, "Maria Lindqvist is a reporter for Coastal News."));
    expect(author.outlet).toBe("Coastal News");
  });

  it("shows the full name of an outlet the page also abbreviates", () => {
    expect(abbreviates("C.C. Times", "Coastal Courier Times")).toBe(true);
    expect(abbreviates("CC", "Coastal Courier Media Group")).toBe(true);
    expect(abbreviates("CCT", "Coastal Courier Times")).toBe(true);
    expect(abbreviates("Coastal", "Coastal Courier")).toBe(false);
    expect(abbreviates("NOW", "New Orleans")).toBe(false);
    const menus = ["CCT Store", "CCT Events", "CCT Jobs", "CCT Video"];
    const article = parsePastedText(page(MENU, menus, "Ferry terminal delayed by two years", BODY, "© 2020, Coastal Courier Times | Terms of Service"));
    expect(article.outlet).toBe("Coastal Courier Times");
  });

  it("counts an initialism's mentions only where it is written in capitals", () => {
    const menus = ["NOW Trending", "NOW Playing", "NOW Live", "Politics"];
    const body = BODY.map((p) => `${p} Now the work goes on, now and then at night, and now the quay is closed.`);
    const article = parsePastedText(
      page(MENU, menus, "Ferry terminal delayed by two years", body, "Contact The Coastal Courier", "Coastal Courier Newsletters"),
    );
    expect(article.outlet).toBe("The Coastal Courier");
  });

  it("weighs a copyright owner written as a web address as the site itself", () => {
    const menus = ["HarbourPods Pro", "HarbourPods Max", "HarbourPods Mini", "Politics"];
    const footer = ["Advertise on CoastWatch", "Copyright © 2000- CoastWatch.com, LLC."];
    const article = parsePastedText(page(MENU, menus, "Ferry terminal delayed by two years", BODY, footer));
    expect(article.outlet).toMatch(/^CoastWatch/);
  });

  it("takes a logo line that its web address, written on the page, agrees with", () => {
    const about = "coastwatch.co.uk brings the latest harbour news, ferry timetables and port webcams every day.";
    const article = parsePastedText(page("CoastWatch", MENU, "Ferry terminal delayed by two years", BODY, about));
    expect(article.outlet).toBe("CoastWatch");
  });

  it("is the copyright owner when the page names nothing else", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", BODY, "© 2020 The Coastal Courier"));
    expect(article.outlet).toBe("The Coastal Courier");
  });

  it("is not read from a shortened or share link alone on a line above the article", () => {
    const article = parsePastedText(page(MENU, "Ferry terminal delayed by two years", "Share:", "https://bit.ly/3abc", BODY, "© 2020 The Coastal Courier"));
    expect(article.url).toBeNull();
    expect(article.outlet).toBe("The Coastal Courier");
  });

  it("is not read from an address the article gives its readers", () => {
    const [first, ...rest] = BODY;
    const linked = parsePastedText(
      page(MENU, "Ferry terminal delayed by two years", first, "https://coastalcourier.example/port", rest, "© 2020 The Coastal Courier"),
    );
    expect(linked.url).toBeNull();
    expect(linked.outlet).toBe("The Coastal Courier");
    expect(linked.paragraphs).toContain("https://coastalcourier.example/port");
    const own = parsePastedText(page("https://coastalcourier.example/port/terminal", MENU, "Ferry terminal delayed by two years", BODY));
    expect(own.url).toBe("https://coastalcourier.example/port/terminal");
  });

  it("comes from the page's own links, not from share or shortened links", () => {
    const article = parsePastedText(
      page(
        MENU,
        "Ferry terminal delayed by two years",
        BODY,
        "https://bit.ly/3abc",
        "https://www.facebook.com/courier",
        "https://coastalcourier.example/port",
        "https://coastalcourier.example/about",
      ),
    );
    expect(article.outlet).toBe("coastalcourier.example");
  });
});
