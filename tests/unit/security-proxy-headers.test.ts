import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const policyFor = (path: string) => proxy(new NextRequest(`http://localhost${path}`)).headers.get("content-security-policy");

describe("proxy security headers", () => {
  it("keeps the sandbox on an article's original-file download", () => {
    expect(policyFor("/articles/cm0abc/revisions/2/original")).toBe("sandbox; default-src 'none'");
  });

  it("gives pages the app's policy", () => {
    expect(policyFor("/articles/cm0abc")).toContain("default-src 'self'");
    expect(policyFor("/articles/cm0abc/revisions/2/original-notes")).toContain("default-src 'self'");
  });
});
