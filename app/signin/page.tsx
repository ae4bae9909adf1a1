import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { sameOriginPath } from "@/lib/auth/redirect";
import { getActor } from "@/lib/auth/session";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getActor()) redirect("/inbox");
  const { callbackUrl } = await searchParams;
  // Only this app's own pages, so the sign-in page cannot be used to bounce users elsewhere.
  const origin = process.env.NEXTAUTH_URL?.trim() || `http://${(await headers()).get("host") ?? "localhost"}`;
  const target = sameOriginPath(callbackUrl, origin, "/inbox");
  return (
    <main>
      <div className="card narrow">
        <h1>Sign in to Concord</h1>
        <SignInForm callbackUrl={target} />
        <p className="muted">
          Public briefings need no account: <a href="/briefings">read them here</a>.
        </p>
      </div>
    </main>
  );
}
