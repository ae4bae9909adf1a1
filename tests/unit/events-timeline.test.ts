import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { Timeline } from "@/components/events/timeline";
import { layoutTimeline, type TimelineEvent } from "@/components/events/timeline-layout";

const day = (id: string, title: string, localDate: string, type = "MEETING"): TimelineEvent => ({
  id,
  title,
  type,
  date: { localDate, precision: "day", timeZone: null },
});

describe("layoutTimeline", () => {
  it("orders events by time, left to right", () => {
    const layout = layoutTimeline([day("b", "Second", "2025-05-19"), day("a", "First", "2025-03-18"), day("c", "Third", "2025-06-02")]);
    expect(layout.placed.map((p) => p.event.id)).toEqual(["a", "b", "c"]);
    const xs = layout.placed.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBeGreaterThan(0);
    expect(xs[2]).toBeLessThan(layout.width);
  });

  it("puts events whose labels would overlap in different lanes, and far-apart ones in the same lane", () => {
    const layout = layoutTimeline([
      day("a", "Putin–Trump phone call", "2025-05-19"),
      day("b", "Kremlin statement on the call", "2025-05-19"),
      day("c", "Talks in Istanbul", "2026-05-19"),
    ]);
    const lanes = Object.fromEntries(layout.placed.map((p) => [p.event.id, p.lane]));
    expect(lanes.a).not.toBe(lanes.b);
    expect(lanes.c).toBe(0);
  });

  it("places zoned times by their instant: 10:00 in New York is after 16:00 in Moscow that day", () => {
    const layout = layoutTimeline([
      { id: "ny", title: "Call", type: "PHONE_CALL", date: { localDate: "2025-05-19T10:00", precision: "minute", timeZone: "America/New_York" } },
      { id: "msk", title: "Statement", type: "STATEMENT", date: { localDate: "2025-05-19T16:00", precision: "minute", timeZone: "Europe/Moscow" } },
    ]);
    expect(layout.placed.map((p) => p.event.id)).toEqual(["msk", "ny"]);
    expect(layout.placed.find((p) => p.event.id === "ny")?.dateLabel).toBe("19 May 2025, 10:00 EDT (14:00 UTC)");
  });

  it("draws a month as a bar over the month and keeps undated events apart", () => {
    const layout = layoutTimeline([
      { id: "m", title: "Ceasefire proposal", type: "PROPOSAL", date: { localDate: "2025-03", precision: "month", timeZone: null } },
      day("d", "Call", "2025-05-19"),
      { id: "u", title: "Secret meeting", type: "MEETING", date: null },
    ]);
    const month = layout.placed.find((p) => p.event.id === "m")!;
    expect(month.barEnd).not.toBeNull();
    expect(month.barEnd! - month.x).toBeGreaterThan(20);
    expect(layout.placed.find((p) => p.event.id === "d")!.barEnd).toBeNull();
    expect(layout.undated.map((e) => e.id)).toEqual(["u"]);
  });

  it("keeps every label inside the drawing, however long, wherever its event falls", () => {
    const long = "Lavrov and Rubio discuss a possible summit between the two presidents at length";
    const layout = layoutTimeline([day("a", long, "2025-02-12"), day("b", long, "2025-03-20"), day("c", long, "2025-04-20"), day("d", long, "2025-05-19")], {
      width: 600,
    });
    for (const p of layout.placed) {
      const extent = p.label.length * 6.6;
      const [from, to] = p.labelAnchor === "start" ? [p.labelX, p.labelX + extent] : [p.labelX - extent, p.labelX];
      expect(from).toBeGreaterThanOrEqual(0);
      expect(to).toBeLessThanOrEqual(600);
    }
  });

  it("never draws two tick labels on top of each other", () => {
    const events = [day("a", "A", "2025-02-12"), day("b", "B", "2025-05-05"), day("c", "C", "2025-05-23")];
    for (const width of [600, 960]) {
      const ticks = layoutTimeline(events, { width }).ticks;
      const extents = ticks.map((t) => (t.anchor === "start" ? [t.x + 3, t.x + 3 + t.label.length * 6.4] : [t.x - 3 - t.label.length * 6.4, t.x - 3]));
      for (let i = 1; i < extents.length; i++) expect(extents[i]![0]).toBeGreaterThan(extents[i - 1]![1]);
      for (const [from, to] of extents) {
        expect(from).toBeGreaterThanOrEqual(0);
        expect(to).toBeLessThanOrEqual(width);
      }
    }
  });

  it("labels ticks by month for a span of months and by year for a span of years", () => {
    const months = layoutTimeline([day("a", "A", "2025-01-10"), day("b", "B", "2025-06-20")]).ticks.map((t) => t.label);
    expect(months).toContain("Mar 2025");
    const years = layoutTimeline([day("a", "A", "2014-02-27"), day("b", "B", "2025-06-20")]).ticks.map((t) => t.label);
    expect(years).toContain("2020");
    expect(years.length).toBeLessThanOrEqual(10);
  });
});

describe("Timeline", () => {
  it("renders an SVG whose events are named links to their pages", () => {
    const html = renderToStaticMarkup(
      createElement(Timeline, {
        events: [day("e1", "Putin–Trump call", "2025-05-19"), { id: "e2", title: "Undated talks", type: "TALKS", date: null }],
        title: "Events of May",
      }),
    );
    expect(html).toMatch(/<svg[^>]*role="group"/);
    expect(html).toContain("<title");
    expect(html).toContain("Events of May");
    expect(html).toMatch(/<a href="\/events\/e1" class="timeline-event"><title>Putin–Trump call, 19 May 2025<\/title>/);
    expect(html).toContain('href="/events/e2"');
  });

  it("names the colour of every event type it shows in a legend", () => {
    const html = renderToStaticMarkup(createElement(Timeline, { events: [day("a", "Call", "2025-05-19", "PHONE_CALL"), day("b", "Meeting", "2025-05-20")] }));
    const legend = html.slice(html.indexOf('<ul class="timeline-legend" aria-label="Event types">'));
    expect(legend).toContain("Phone call</li>");
    expect(legend).toContain("Meeting</li>");
  });

  it("says so when no event has a date", () => {
    const html = renderToStaticMarkup(createElement(Timeline, { events: [], emptyText: "Nothing dated." }));
    expect(html).toContain("Nothing dated.");
    expect(html).not.toContain("<svg");
  });
});
