import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddress, CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";

describe("clientAddress", () => {
  afterEach(() => vi.unstubAllEnvs());

  const forged = { "x-forwarded-for": "203.0.113.9, 10.0.0.1", [CLIENT_ADDRESS_HEADER]: "192.0.2.4" };

  it("keys on the connection's address and ignores a forwarded address a client could forge", () => {
    vi.stubEnv("TRUST_PROXY", "");
    expect(clientAddress(forged)).toBe("192.0.2.4");
    expect(clientAddress(new Headers(forged))).toBe("192.0.2.4");
  });

  it("behind a trusted proxy, keys on the first address the proxy recorded", () => {
    vi.stubEnv("TRUST_PROXY", "1");
    expect(clientAddress(forged)).toBe("203.0.113.9");
    expect(clientAddress({ "x-real-ip": "198.51.100.2", [CLIENT_ADDRESS_HEADER]: "10.0.0.1" })).toBe("198.51.100.2");
  });

  it("says local when nothing tells (the development server)", () => {
    expect(clientAddress(undefined)).toBe("local");
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" })).toBe("local");
  });
});
