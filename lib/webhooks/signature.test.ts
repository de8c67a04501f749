import { describe, expect, it } from "vitest";
import { newSigningSecret, openSecret, sealSecret } from "./secret";
import { signatureHeader, verifySignature } from "./signature";

const SERVER = "a-server-secret-of-at-least-thirty-two-characters";
const HOOK = "00000000-0000-4000-8000-0000000000a1";

describe("signing a delivery", () => {
  const secret = newSigningSecret();
  const body = JSON.stringify({ id: "d1", event: "ping" });
  const now = 1_800_000_000;

  it("verifies with the webhook's secret, and with no other", () => {
    const header = signatureHeader(secret, body, now);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, body, header, { now })).toBe(true);
    expect(verifySignature(newSigningSecret(), body, header, { now })).toBe(false);
  });

  it("fails for an altered body, an altered time or an old signature", () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature(secret, body.replace("ping", "pong"), header, { now })).toBe(false);
    expect(verifySignature(secret, body, header.replace("t=1800000000", "t=1800000001"), { now })).toBe(false);
    expect(verifySignature(secret, body, header, { now: now + 301 })).toBe(false);
    expect(verifySignature(secret, body, "v1=abc", { now })).toBe(false);
  });
});

describe("keeping the secret", () => {
  it("opens a sealed secret with the server's secret and the webhook's id only", () => {
    const secret = newSigningSecret();
    const sealed = sealSecret(secret, HOOK, SERVER);
    expect(sealed).not.toContain(secret);
    expect(openSecret(sealed, HOOK, SERVER)).toBe(secret);
    expect(() => openSecret(sealed, "00000000-0000-4000-8000-0000000000a2", SERVER)).toThrow();
    expect(() => openSecret(sealed, HOOK, `${SERVER}-another`)).toThrow();
    expect(sealSecret(secret, HOOK, SERVER)).not.toBe(sealed);
  });
});
