import type { TimelineData } from "@/lib/briefings/render";
import { splitAtTimelines } from "@/lib/briefings/timeline-slots";
import { BriefingTimeline } from "./briefing-timeline";

/**
 * The rendered body: sanitized HTML (built and cleaned on the server, see lib/briefings/render.ts)
 * with the timeline pictures drawn where the writer placed them.
 */
export function BriefingBody({ html, timelines }: { html: string; timelines: readonly TimelineData[] }) {
  return (
    <div className="briefing-body">
      {splitAtTimelines(html).map((segment, index) => {
        // biome-ignore lint/security/noDangerouslySetInnerHtml: the briefing HTML is produced by the lib/rich-text sanitizer.
        if (segment.kind === "html") return <div key={index} className="briefing-html" dangerouslySetInnerHTML={{ __html: segment.html }} />;
        const timeline = timelines[segment.index];
        return timeline ? <BriefingTimeline key={index} index={segment.index} timeline={timeline} /> : null;
      })}
    </div>
  );
}
