/**
 * Geometry of the events timeline: the time axis, its ticks, and a lane for every event
 * so that labels never overlap. Pure, so it renders on the server and is unit tested.
 */
import { formatDate } from "@/lib/dates/format";
import { eventPeriod, formatEventDate, type EventDate } from "@/lib/events/event-dates";

export type TimelineEvent = {
  id: string;
  title: string;
  /** An event type key (PHONE_CALL, MEETING, …); picks the marker colour. */
  type: string;
  date: EventDate | null;
};

export type TimelineOptions = {
  /** Width of the drawing in SVG units; it scales to its container. */
  width?: number;
  /** Fixes the axis to a range (YYYY-MM-DD, inclusive) instead of fitting the events. */
  from?: string;
  to?: string;
};

export type PlacedEvent = {
  event: TimelineEvent & { date: EventDate };
  dateLabel: string;
  /** A point for day precision and finer; a bar over the period for months and years. */
  x: number;
  barEnd: number | null;
  lane: number;
  label: string;
  /** The width reserved for the label, in SVG units. */
  labelWidth: number;
  labelX: number;
  labelAnchor: "start" | "end";
  /** The horizontal extent of mark and label: the link's click target. */
  hitFrom: number;
  hitTo: number;
};

export type Tick = {
  x: number;
  /** The site's default text; with `style`, the page rewrites it from `date` in the reader's locale, at the same place and width. */
  label: string;
  date: string;
  style: AxisStyle | null;
  labelWidth: number;
  anchor: "start" | "end";
};

export type TimelineLayout = {
  width: number;
  height: number;
  axisY: number;
  laneY: (lane: number) => number;
  ticks: Tick[];
  placed: PlacedEvent[];
  undated: TimelineEvent[];
};

const MARGIN = 24;
const AXIS_Y = 34;
const FIRST_LANE_Y = 64;
const LANE_HEIGHT = 30;
const CHAR_WIDTH = 6.6;
const LABEL_GAP = 14;
const MAX_LABEL_CHARS = 42;
const MAX_TICKS = 10;
/** Tick labels are 11 units high; a generous average character width keeps them apart in any font. */
const TICK_CHAR_WIDTH = 6.4;
const TICK_GAP = 10;
const DAY = 86_400_000;

function truncate(title: string): string {
  return title.length > MAX_LABEL_CHARS ? `${title.slice(0, MAX_LABEL_CHARS - 1)}…` : title;
}

type AxisStyle = "axis-day" | "axis-month";

/** A year is written as its number in every locale the workspace expects, so it is not localized. */
type Step = { months: number; days: number; style: AxisStyle | null };

/** Candidate tick steps, finest first; the finest with at most MAX_TICKS ticks is used. */
const STEPS: Step[] = [
  ...[1, 2, 7, 14].map((days) => ({ months: 0, days, style: "axis-day" as const })),
  ...[1, 2, 3, 6].map((months) => ({ months, days: 0, style: "axis-month" as const })),
  ...[12, 24, 60, 120, 600].map((months) => ({ months, days: 0, style: null })),
];

function ticksBetween(start: number, end: number, step: Step): number[] {
  const d = new Date(start);
  let t: Date;
  if (step.days > 0) {
    t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    if (step.days === 7 || step.days === 14) t = new Date(t.getTime() + ((8 - t.getUTCDay()) % 7) * DAY);
  } else {
    const monthIndex = d.getUTCFullYear() * 12 + d.getUTCMonth();
    const first = Math.ceil(monthIndex / step.months) * step.months;
    t = new Date(Date.UTC(Math.floor(first / 12), first % 12, 1));
  }
  const ticks: number[] = [];
  while (t.getTime() <= end && ticks.length <= MAX_TICKS + 1) {
    if (t.getTime() >= start) ticks.push(t.getTime());
    t = step.days > 0 ? new Date(t.getTime() + step.days * DAY) : new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + step.months, 1));
  }
  return ticks;
}

function chooseTicks(start: number, end: number): { at: number; step: Step }[] {
  for (const step of STEPS) {
    const at = ticksBetween(start, end, step);
    if (at.length <= MAX_TICKS) return at.map((t) => ({ at: t, step }));
  }
  return [];
}

export function layoutTimeline(events: TimelineEvent[], options: TimelineOptions = {}): TimelineLayout {
  const width = options.width ?? 960;
  const dated = events
    .filter((e): e is TimelineEvent & { date: EventDate } => e.date !== null)
    .map((event) => {
      const { start, end } = eventPeriod(event.date);
      return { event, start: start.getTime(), end: end.getTime(), coarse: event.date.precision === "year" || event.date.precision === "month" };
    })
    .sort((a, b) => a.start - b.start || a.event.title.localeCompare(b.event.title));
  const undated = events.filter((e) => e.date === null);

  let domainStart = options.from ? Date.parse(`${options.from}T00:00:00Z`) : Math.min(...dated.map((d) => d.start));
  let domainEnd = options.to ? Date.parse(`${options.to}T00:00:00Z`) + DAY : Math.max(...dated.map((d) => d.end));
  if (!Number.isFinite(domainStart) || !Number.isFinite(domainEnd)) {
    return { width, height: AXIS_Y + 20, axisY: AXIS_Y, laneY: (lane) => FIRST_LANE_Y + lane * LANE_HEIGHT, ticks: [], placed: [], undated };
  }
  if (!options.from && !options.to) {
    const pad = Math.max((domainEnd - domainStart) * 0.04, DAY);
    domainStart -= pad;
    domainEnd += pad;
  }
  const span = Math.max(domainEnd - domainStart, DAY);
  const x = (t: number) => MARGIN + ((Math.min(Math.max(t, domainStart), domainEnd) - domainStart) / span) * (width - 2 * MARGIN);

  const laneEnds: number[] = [];
  const placed: PlacedEvent[] = dated.map(({ event, start, end, coarse }) => {
    const markX = coarse ? x(start) : x(event.date.precision === "day" ? (start + end) / 2 : start);
    const barEnd = coarse ? Math.max(x(end), markX + 6) : null;
    const markEnd = barEnd ?? markX;
    // Labels go right of the mark, or left of it when they would run off the chart; where
    // neither side has room, the label is shortened to the wider side, so it never leaves the card.
    const roomRight = width - MARGIN / 2 - markEnd - 9;
    const roomLeft = markX - 9 - MARGIN / 2;
    let label = truncate(event.title);
    const fits = (room: number) => label.length * CHAR_WIDTH <= room;
    const labelAnchor: "start" | "end" = fits(roomRight) || (!fits(roomLeft) && roomRight >= roomLeft) ? "start" : "end";
    const room = labelAnchor === "start" ? roomRight : roomLeft;
    if (!fits(room)) label = `${label.slice(0, Math.max(Math.floor(room / CHAR_WIDTH) - 1, 1)).trimEnd()}…`;
    const labelWidth = label.length * CHAR_WIDTH;
    const labelX = labelAnchor === "start" ? markEnd + 9 : markX - 9;
    const from = labelAnchor === "start" ? markX : markX - 9 - labelWidth;
    const to = labelAnchor === "start" ? markEnd + 9 + labelWidth : markEnd;
    let lane = laneEnds.findIndex((laneEnd) => laneEnd + LABEL_GAP <= from);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = to;
    return { event, dateLabel: formatEventDate(event.date), x: markX, barEnd, lane, label, labelWidth, labelX, labelAnchor, hitFrom: from - 8, hitTo: to };
  });

  // A tick whose label would touch the previous one's is left out ("5 May19 May").
  const ticks: Tick[] = [];
  let lastTickEnd = -Infinity;
  for (const { at, step } of chooseTicks(domainStart, domainEnd)) {
    const tickX = x(at);
    const date = new Date(at).toISOString().slice(0, 10);
    const label = step.style ? formatDate(date, step.style) : date.slice(0, 4);
    const labelWidth = label.length * TICK_CHAR_WIDTH;
    const anchor = tickX + 3 + labelWidth > width ? "end" : "start";
    const from = anchor === "start" ? tickX + 3 : tickX - 3 - labelWidth;
    if (from < lastTickEnd + TICK_GAP || from < 0) continue;
    ticks.push({ x: tickX, label, date, style: step.style, labelWidth, anchor });
    lastTickEnd = anchor === "start" ? tickX + 3 + labelWidth : tickX - 3;
  }
  const laneY = (lane: number) => FIRST_LANE_Y + lane * LANE_HEIGHT;
  return { width, height: laneY(Math.max(laneEnds.length - 1, 0)) + 24, axisY: AXIS_Y, laneY, ticks, placed, undated };
}
