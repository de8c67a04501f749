import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROLES } from "@/db/schema";
import { CONFIG_ROLES, ensureAuthSecret, loadConfig } from "./config";

describe("configuration", () => {
  it("has defaults that need no configuration", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve(".data"));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demo).toBe(true);
    expect(config.appUrl).toBe("http://localhost:3000");
    expect(config.trustProxy).toBe(0);
  });

  it("takes the public origin from APP_URL, or localhost on the configured port", () => {
    expect(loadConfig({ APP_URL: "https://Dossier.Example.org/" }).appUrl).toBe("https://dossier.example.org");
    expect(loadConfig({ APP_URL: "http://localhost:3232" }).appUrl).toBe("http://localhost:3232");
    expect(loadConfig({ PORT: "3210" }).appUrl).toBe("http://localhost:3210");
  });

  it("sends mail only when SMTP_URL is set, from MAIL_FROM or an address at APP_URL's host", () => {
    expect(loadConfig({}).mail).toBeUndefined();
    expect(loadConfig({ SMTP_URL: "smtp://mail.example.org:587", APP_URL: "https://dossier.example.org" }).mail).toEqual({
      smtpUrl: "smtp://mail.example.org:587",
      from: "Dossier <dossier@dossier.example.org>",
      digestHour: 7,
    });
    expect(loadConfig({ SMTP_URL: "smtps://u:p@mail.example.org", MAIL_FROM: "Desk <desk@example.org>" }).mail?.from).toBe("Desk <desk@example.org>");
    expect(loadConfig({ SMTP_URL: "smtp://mail.example.org", MAIL_DIGEST_HOUR: "18" }).mail?.digestHour).toBe(18);
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL"],
    [{ REDIS_URL: "localhost:6379" }, "REDIS_URL"],
    [{ AUTH_SECRET: "short" }, "AUTH_SECRET"],
    [{ DOSSIER_DEMO: "yes" }, "DOSSIER_DEMO"],
    [{ APP_URL: "dossier.example.org" }, "APP_URL"],
    [{ APP_URL: "ftp://dossier.example.org" }, "APP_URL"],
    [{ APP_URL: "https://dossier.example.org/notes" }, "APP_URL"],
    [{ APP_URL: "https://user@dossier.example.org" }, "APP_URL"],
    [{ TRUST_PROXY: "true" }, "TRUST_PROXY"],
    [{ SMTP_URL: "mail.example.org:25" }, "SMTP_URL"],
    [{ SMTP_URL: "http://mail.example.org" }, "SMTP_URL"],
    [{ MAIL_DIGEST_HOUR: "24" }, "MAIL_DIGEST_HOUR"],
    [{ MAIL_DIGEST_HOUR: "7am" }, "MAIL_DIGEST_HOUR"],
  ])("refuses %o with a sentence naming %s", (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${name} `));
  });

  it("lets webhooks post to this machine only for a test server: never in production with a public APP_URL", () => {
    expect(loadConfig({}).webhooks).toEqual({ allowLoopback: false, allowHttp: true });
    expect(loadConfig({ NODE_ENV: "production" }).webhooks).toEqual({ allowLoopback: false, allowHttp: false });
    expect(loadConfig({ NODE_ENV: "production", PORT: "3210", DOSSIER_WEBHOOKS_ALLOW_LOOPBACK: "1" }).webhooks).toEqual({ allowLoopback: true, allowHttp: true });
    expect(() => loadConfig({ NODE_ENV: "production", APP_URL: "https://dossier.example.org", DOSSIER_WEBHOOKS_ALLOW_LOOPBACK: "1" })).toThrow(
      /^Invalid configuration: DOSSIER_WEBHOOKS_ALLOW_LOOPBACK is for test servers only/,
    );
  });

  it("generates the auth secret once and keeps it in DATA_DIR", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-config-"));
    const config = loadConfig({ DATA_DIR: dir });
    const first = ensureAuthSecret(config);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(ensureAuthSecret(config)).toBe(first);
    expect(ensureAuthSecret(loadConfig({ DATA_DIR: dir, NEXTAUTH_SECRET: "x".repeat(40) }))).toBe("x".repeat(40));
    fs.rmSync(dir, { recursive: true });
  });

  describe("single sign-on", () => {
    const client = { OIDC_ISSUER: "https://accounts.google.com", OIDC_CLIENT_ID: "dossier", OIDC_CLIENT_SECRET: "s3cret" };

    it("is off unless configured, and its defaults need only the issuer and the client", () => {
      expect(loadConfig({}).oidc).toBeUndefined();
      expect(loadConfig(client).oidc).toEqual({
        issuer: "https://accounts.google.com",
        clientId: "dossier",
        clientSecret: "s3cret",
        name: "single sign-on",
        only: false,
        allowedDomains: [],
        team: undefined,
        role: "reader",
      });
    });

    it("reads its options: the button's name, password sign-in off, and self-registration into a team with a role", () => {
      const config = loadConfig({
        ...client,
        OIDC_NAME: " Google ",
        OIDC_ONLY: "1",
        OIDC_ALLOWED_DOMAINS: "Example.org, analysts.example.com,",
        OIDC_TEAM: "desk",
        OIDC_ROLE: "analyst",
      });
      expect(config.oidc).toMatchObject({ name: "Google", only: true, allowedDomains: ["example.org", "analysts.example.com"], team: "desk", role: "analyst" });
      expect(loadConfig({ ...client, OIDC_ISSUER: "http://127.0.0.1:4420" }).oidc?.issuer).toBe("http://127.0.0.1:4420");
    });

    it.each([
      [{ OIDC_ISSUER: "https://idp.example.org" }, /^Invalid configuration: OIDC_CLIENT_ID is missing: OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set together, or none of them\.$/],
      [{ OIDC_CLIENT_ID: "a", OIDC_CLIENT_SECRET: "b" }, /^Invalid configuration: OIDC_ISSUER is missing/],
      [{ OIDC_ONLY: "1" }, /^Invalid configuration: OIDC_ONLY is set, but single sign-on is not/],
      [{ OIDC_ALLOWED_DOMAINS: "example.org", OIDC_TEAM: "desk" }, /^Invalid configuration: OIDC_ALLOWED_DOMAINS is set, but single sign-on is not/],
      [{ ...client, OIDC_ALLOWED_DOMAINS: "example.org" }, /^Invalid configuration: OIDC_ALLOWED_DOMAINS needs OIDC_TEAM/],
      [{ ...client, OIDC_TEAM: "desk" }, /^Invalid configuration: OIDC_TEAM is only used with OIDC_ALLOWED_DOMAINS/],
      [{ ...client, OIDC_ISSUER: "http://idp.example.org" }, /^Invalid configuration: OIDC_ISSUER must be the issuer's https:\/\/ URL/],
      [{ ...client, OIDC_ISSUER: "idp.example.org" }, /^Invalid configuration: OIDC_ISSUER /],
      [{ ...client, OIDC_ONLY: "yes" }, /^Invalid configuration: OIDC_ONLY /],
      [{ ...client, OIDC_ALLOWED_DOMAINS: "@example.org", OIDC_TEAM: "desk" }, /^Invalid configuration: OIDC_ALLOWED_DOMAINS must list e-mail domains/],
      [{ ...client, OIDC_ALLOWED_DOMAINS: " , ", OIDC_TEAM: "desk" }, /^Invalid configuration: OIDC_ALLOWED_DOMAINS must list at least one domain/],
      [{ ...client, OIDC_ALLOWED_DOMAINS: "example.org", OIDC_TEAM: "../desk" }, /^Invalid configuration: OIDC_TEAM /],
      [{ ...client, OIDC_ALLOWED_DOMAINS: "example.org", OIDC_TEAM: "desk", OIDC_ROLE: "admin" }, /^Invalid configuration: OIDC_ROLE must be one of owner, analyst, reviewer, reader\.$/],
    ])("refuses %o with a sentence saying what to set", (env, message) => {
      expect(() => loadConfig(env)).toThrow(message);
    });

    it("takes OIDC_ONLY=0 without single sign-on as saying nothing", () => {
      expect(loadConfig({ OIDC_ONLY: "0" }).oidc).toBeUndefined();
    });

    it("knows the same roles as the database", () => {
      expect([...CONFIG_ROLES]).toEqual([...ROLES]);
    });
  });
});
