import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ensureAuthSecret, loadConfig } from "./config";

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

  it("generates the auth secret once and keeps it in DATA_DIR", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-config-"));
    const config = loadConfig({ DATA_DIR: dir });
    const first = ensureAuthSecret(config);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(ensureAuthSecret(config)).toBe(first);
    expect(ensureAuthSecret(loadConfig({ DATA_DIR: dir, NEXTAUTH_SECRET: "x".repeat(40) }))).toBe("x".repeat(40));
    fs.rmSync(dir, { recursive: true });
  });
});
