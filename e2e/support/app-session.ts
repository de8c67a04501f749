import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { actionPagePath, builtActions, decodeActionResponse, encodeActionArguments, type ActionOutcome, type BuiltAction, type FormFields, type PageParams } from "./server-actions";

type StorageState = Awaited<ReturnType<APIRequestContext["storageState"]>>;

let actions: Map<string, BuiltAction> | undefined;
/** The build's server actions by "file#export". */
export function actionByKey(key: string): BuiltAction {
  actions ??= new Map(builtActions().map((action) => [action.key, action]));
  const action = actions.get(key);
  if (!action) throw new Error(`the build has no server action ${key}`);
  return action;
}

/**
 * One person's HTTP session with the running app, signed in through
 * next-auth's credentials flow (or anonymous): pages, route handlers and
 * server actions are requested as the browser requests them.
 */
export class AppSession {
  private constructor(
    readonly baseURL: string,
    private readonly state: StorageState | undefined,
    readonly request: APIRequestContext,
  ) {}

  static async anonymous(baseURL: string): Promise<AppSession> {
    return new AppSession(baseURL, undefined, await playwrightRequest.newContext({ baseURL }));
  }

  static async signIn(baseURL: string, email: string, password: string): Promise<AppSession> {
    const request = await playwrightRequest.newContext({ baseURL });
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", { form: { email, password, csrfToken }, maxRedirects: 0 });
    expect(response.status(), `sign-in of ${email}`).toBe(302);
    expect(response.headers()["location"], `sign-in of ${email}`).not.toContain("error");
    const state = await request.storageState();
    expect(state.cookies.map((cookie) => cookie.name)).toContain("authjs.session-token");
    return new AppSession(baseURL, state, request);
  }

  /** A session with these cookies (copied from a browser). */
  static async withStorageState(baseURL: string, state: StorageState): Promise<AppSession> {
    return new AppSession(baseURL, state, await playwrightRequest.newContext({ baseURL, storageState: state }));
  }

  /** A separate session with the same cookies, for a request that may change them (signing out). */
  async fork(): Promise<AppSession> {
    return new AppSession(this.baseURL, this.state, await playwrightRequest.newContext({ baseURL: this.baseURL, storageState: this.state }));
  }

  get storageState() {
    return this.state;
  }

  /** A page or route as the address bar asks for it; redirects are returned, not followed. */
  get(path: string): Promise<APIResponse> {
    return this.request.get(path, { maxRedirects: 0 });
  }

  /** Calls a server action the way React does: POST to a page that uses it, with its id in `Next-Action`. */
  async action(key: string, args: unknown[] | { form: FormFields }, params: PageParams = {}): Promise<ActionOutcome> {
    const action = actionByKey(key);
    const encoded = encodeActionArguments(args);
    const response = await this.request.post(actionPagePath(action, params), {
      ...encoded,
      headers: { ...encoded.headers, "Next-Action": action.id, Accept: "text/x-component", Origin: new URL(this.baseURL).origin },
      maxRedirects: 0,
    });
    return decodeActionResponse(response.status(), response.headers(), await response.text());
  }

  /** Calls an action that must succeed and returns what it returned. */
  async must<T = unknown>(key: string, args: unknown[] | { form: FormFields }, params: PageParams = {}): Promise<T> {
    const outcome = await this.action(key, args, params);
    if (outcome.redirect) return outcome.redirect as T;
    if (!outcome.result?.ok) throw new Error(`${key} failed: ${outcome.result ? outcome.result.error : `HTTP ${outcome.status} ${outcome.body.slice(0, 200)}`}`);
    return outcome.result.data as T;
  }

  dispose() {
    return this.request.dispose();
  }
}
