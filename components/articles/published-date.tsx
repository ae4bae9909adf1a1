import { LocalDate } from "@/components/ui/local-date";
import { statedTimeLabel } from "@/lib/articles/article-metadata";

/** The publication day, and the time (with its zone when the source named one), as the source stated them. */
export function PublishedDate({ day, time }: { day: string; time: string | null }) {
  return (
    <>
      <LocalDate value={day} />
      {time ? (
        <>
          {", "}
          <time dateTime={`${day}T${time}`}>{statedTimeLabel(time)}</time>
        </>
      ) : null}
    </>
  );
}
