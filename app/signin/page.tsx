import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getActor()) redirect("/inbox");
  const { callbackUrl } = await searchParams;
  // Only same-site paths, so the sign-in page cannot be used to bounce users elsewhere.
  const target = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/inbox";
  return (
    <main>
      <div className="card narrow">
        <h1>Sign in to Concord</h1>
        <SignInForm callbackUrl={target} />
        <p className="muted">Public briefings need no account: <a href="/briefings">read them here</a>.</p>
      </div>
    </main>
  );
}
