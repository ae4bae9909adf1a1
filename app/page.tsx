import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";

/** Readers without an account start at what is published; the newsroom at its workspace. */
export default async function HomePage() {
  redirect((await getActor()) ? "/inbox" : "/briefings");
}
