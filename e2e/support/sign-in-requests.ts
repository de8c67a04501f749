import http from "node:http";

/**
 * Sign-ins posted straight to next-auth's credentials callback, over
 * connections from a chosen loopback address (127.0.0.1, 127.0.0.2, …), so a
 * test can be two clients at two addresses. The server is addressed by IPv4
 * so the local address can be IPv4 too.
 */
interface Reply {
  status: number;
  location: string;
  cookies: string[];
  body: string;
}

function request(url: URL, options: { method: string; localAddress: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { method: options.method, localAddress: options.localAddress, headers: options.headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? "", cookies: (response.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]), body }),
      );
    });
    outgoing.on("error", reject);
    outgoing.end(options.body);
  });
}

export class SignInClient {
  private constructor(
    private readonly origin: URL,
    readonly localAddress: string,
    private readonly csrf: { token: string; cookie: string },
  ) {}

  /** A client at `localAddress`, holding a CSRF token as the sign-in form does. */
  static async at(baseURL: string, localAddress: string): Promise<SignInClient> {
    const origin = new URL(baseURL);
    origin.hostname = "127.0.0.1";
    const reply = await request(new URL("/api/auth/csrf", origin), { method: "GET", localAddress });
    const { csrfToken } = JSON.parse(reply.body) as { csrfToken: string };
    return new SignInClient(origin, localAddress, { token: csrfToken, cookie: reply.cookies.join("; ") });
  }

  /** One sign-in; `code` is why it failed (next-auth's `code` parameter), `session` its cookie when it succeeded. */
  async signIn(email: string, password: string): Promise<{ code: string | null; session: string | null }> {
    const reply = await request(new URL("/api/auth/callback/credentials", this.origin), {
      method: "POST",
      localAddress: this.localAddress,
      headers: { cookie: this.csrf.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: this.csrf.token, email, password }).toString(),
    });
    if (reply.status !== 302) throw new Error(`sign-in answered HTTP ${reply.status}`);
    const location = new URL(reply.location, this.origin);
    const session = reply.cookies.find((cookie) => cookie.startsWith("authjs.session-token=")) ?? null;
    return { code: location.searchParams.get("error") ? (location.searchParams.get("code") ?? "unknown") : null, session };
  }

  /** Who the server says a session cookie belongs to. */
  async whoIs(session: string): Promise<string | null> {
    const reply = await request(new URL("/api/auth/session", this.origin), { method: "GET", localAddress: this.localAddress, headers: { cookie: session } });
    return (JSON.parse(reply.body) as { user?: { email?: string } } | null)?.user?.email ?? null;
  }
}
