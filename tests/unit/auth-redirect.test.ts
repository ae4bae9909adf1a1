import { describe, expect, it } from "vitest";
import { sameOriginPath, sameOriginTarget, withoutForeignCallbackUrl } from "@/lib/auth/redirect";

const ORIGIN = "http://localhost:3300";

describe("where sign-in sends the user afterwards", () => {
  it("keeps the app's own pages, relative or absolute, with their query and fragment", () => {
    expect(sameOriginPath("/compose/abc?tab=sources#top", ORIGIN, "/articles")).toBe("/compose/abc?tab=sources#top");
    expect(sameOriginPath("http://localhost:3300/events", ORIGIN, "/articles")).toBe("/events");
    expect(sameOriginTarget("/events", ORIGIN)).toBe("http://localhost:3300/events");
  });

  it("sends home whatever a browser would read as another site", () => {
    // Backslashes count as slashes, and tabs and newlines are dropped, when a browser parses a URL.
    for (const hostile of [
      "/\\evil.example/phish",
      "/\t/evil.example/phish",
      "/\n/evil.example/phish",
      "//x",
      "http://evil",
      "https://localhost:3300/",
      "javascript:alert(1)",
      "http://localhost:3300.evil.example/",
      "http://localhost:3300@evil.example/",
    ]) {
      expect(sameOriginPath(hostile, ORIGIN, "/articles"), JSON.stringify(hostile)).toBe("/articles");
      expect(sameOriginTarget(hostile, ORIGIN), JSON.stringify(hostile)).toBeNull();
    }
  });

  it("never returns a path a browser would follow to another host", () => {
    // "/.//x" resolves to the path "//x" on the app's own origin; followed as it stands, it would lead to the host x.
    expect(sameOriginPath("/.//x/phish", ORIGIN, "/articles")).toBe("/x/phish");
  });

  it("sends home for a missing, empty, repeated or unparsable value", () => {
    for (const value of [undefined, "", ["/a", "/b"], "http://[::1"]) expect(sameOriginPath(value, ORIGIN, "/articles")).toBe("/articles");
  });
});

describe("callbackUrl handed to next-auth", () => {
  const signin = (callbackUrl: string) => `${ORIGIN}/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}&error=x`;

  it("drops one that leads off the app, including one next-auth cannot parse", () => {
    for (const hostile of ["http://localhost:3300.evil.example/", "http://evil", "//x", "/\\evil.example/phish"]) {
      const url = new URL(withoutForeignCallbackUrl(signin(hostile), ORIGIN));
      expect(url.searchParams.has("callbackUrl"), hostile).toBe(false);
      expect(url.searchParams.get("error")).toBe("x");
    }
  });

  it("keeps one within the app, made absolute, and leaves other URLs alone", () => {
    expect(new URL(withoutForeignCallbackUrl(signin("/compose/abc"), ORIGIN)).searchParams.get("callbackUrl")).toBe(`${ORIGIN}/compose/abc`);
    expect(withoutForeignCallbackUrl(`${ORIGIN}/api/auth/csrf`, ORIGIN)).toBe(`${ORIGIN}/api/auth/csrf`);
  });
});
