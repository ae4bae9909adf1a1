import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage() {
  await requirePageActor();
  return (
    <>
      <h1>Articles</h1>
      <p>No articles yet.</p>
    </>
  );
}
