import { createServer } from "node:http";
import { exportJWK, generateKeyPair } from "jose";
import Provider, { type ProviderContext } from "oidc-provider";

/**
 * A real OpenID Connect issuer for the tests (the `oidc-provider` package,
 * certified by the OpenID Foundation) on a loopback port: discovery, an
 * authorization endpoint with a sign-in form, token and userinfo endpoints,
 * PKCE, state and nonce as a real issuer does them. Its sign-in form takes
 * an account's login and any password (the package's development form).
 */

export interface TestAccount {
  /** What is typed into the issuer's sign-in form; also the account's `sub`. */
  login: string;
  email: string;
  emailVerified: boolean;
  name: string;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface TestIssuer {
  /** The issuer's URL, as Dossier's OIDC_ISSUER names it. */
  issuer: string;
  /** Changes an account at the issuer (its address, whether that is verified). */
  updateAccount(login: string, changes: Partial<Omit<TestAccount, "login">>): void;
  /** From now on, discovery names this other issuer (or, with undefined, its own again). */
  announceIssuer(other: string | undefined): void;
  /**
   * From now on (until undefined), each answer the issuer sends a browser back
   * to Dossier with goes through `change`: it returns the URL to send instead
   * (an answer altered on its way), or null to keep the browser here with the
   * answer undelivered. Browsers follow these redirects on their own, where a
   * test's request routing does not reach.
   */
  interceptAnswers(change: ((answer: URL) => URL | null) | undefined): void;
  close(): Promise<void>;
}

export async function startTestIssuer(options: { port: number; clients: TestClient[]; accounts: TestAccount[] }): Promise<TestIssuer> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const accounts = new Map(options.accounts.map((account) => [account.login, { ...account }]));
  let announced: string | undefined;
  let intercept: ((answer: URL) => URL | null) | undefined;
  const isAnswer = (location: string) => options.clients.some((client) => client.redirectUris.some((uri) => location.startsWith(`${uri}?`)));
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });

  const provider = new Provider(issuer, {
    clients: options.clients.map((client) => ({
      client_id: client.clientId,
      client_secret: client.clientSecret,
      redirect_uris: client.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    async findAccount(_ctx: unknown, id: string) {
      if (!accounts.has(id)) return undefined;
      return {
        accountId: id,
        // Read at each request, so a change made by a test shows at the next sign-in.
        async claims() {
          const account = accounts.get(id)!;
          return { sub: account.login, email: account.email, email_verified: account.emailVerified, name: account.name };
        },
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["test issuer cookie key, not a secret"] },
    jwks: { keys: [{ ...(await exportJWK(privateKey)), alg: "RS256", use: "sig", kid: "test" }] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    // Dossier is the organisation's own application: its users are not asked to consent to it.
    async loadExistingGrant(ctx: ProviderContext) {
      const { client, session, result } = ctx.oidc;
      const existing = result?.consent?.grantId ?? session?.grantIdFor(client!.clientId);
      if (existing) return provider.Grant.find(existing);
      const grant = new provider.Grant({ clientId: client!.clientId, accountId: session?.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    if (announced && ctx.path === "/.well-known/openid-configuration") ctx.body = { ...(ctx.body as object), issuer: announced };
    const location = ctx.response.get("Location");
    if (intercept && location && isAnswer(location)) {
      const changed = intercept(new URL(location));
      if (changed) {
        ctx.redirect(changed.href);
      } else {
        ctx.remove("Location");
        ctx.status = 200;
        ctx.type = "text/plain";
        ctx.body = "The issuer's answer was held back.";
      }
    }
  });

  const server = createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", resolve);
  });
  return {
    issuer,
    updateAccount(login, changes) {
      const account = accounts.get(login);
      if (!account) throw new Error(`no test account ${login}`);
      Object.assign(account, changes);
    },
    announceIssuer(other) {
      announced = other;
    },
    interceptAnswers(change) {
      intercept = change;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
