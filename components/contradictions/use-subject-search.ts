"use client";

import { useEffect, useState } from "react";

/** An event or entity a claim can be about, as the subject search offers it. */
export type Subject = { type: "event" | "entity"; id: string; label: string };

async function searchSubjects(q: string, type: "event" | "entity" | undefined, signal: AbortSignal): Promise<Subject[]> {
  const params = new URLSearchParams({ q, ...(type ? { type } : {}) });
  const response = await fetch(`/api/claims/subjects?${params}`, { signal });
  if (!response.ok) return [];
  return (await response.json()).subjects as Subject[];
}

export function useSubjectSearch(query: string, type?: "event" | "entity"): Subject[] {
  const [results, setResults] = useState<Subject[]>([]);
  useEffect(() => {
    if (query.trim().length < 2) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      searchSubjects(query, type, controller.signal).then(setResults, () => undefined);
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, type]);
  return query.trim().length < 2 ? [] : results;
}

export function subjectKeyOf(subject: { type: string; id: string }): string {
  return `${subject.type}:${subject.id}`;
}

export function uniqueSubjects(subjects: Subject[]): Subject[] {
  return [...new Map(subjects.map((s) => [subjectKeyOf(s), s])).values()];
}
