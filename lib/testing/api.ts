import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";

type Dispatch = (request: Request, segments: string[]) => Promise<Response>;

/**
 * Calls the API's dispatcher as the route handler does: a real Request for
 * /api/v1/<path>, with the token (if any) as a bearer and a JSON body (if any).
 */
export async function callApi(
  dispatch: Dispatch,
  request: { method?: string; path: string; token?: string | null; body?: unknown; address?: string; headers?: Record<string, string> },
): Promise<{ status: number; headers: Headers; json: <T = unknown>() => Promise<T> }> {
  const url = new URL(`/api/v1${request.path}`, "http://127.0.0.1");
  const headers: Record<string, string> = { [CLIENT_ADDRESS_HEADER]: request.address ?? "127.0.0.1", ...request.headers };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.body !== undefined) headers["content-type"] ??= "application/json";
  const body = request.body === undefined ? undefined : typeof request.body === "string" ? request.body : JSON.stringify(request.body);
  const response = await dispatch(new Request(url, { method: request.method ?? "GET", headers, body }), url.pathname.split("/").slice(3));
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: async <T>() => JSON.parse(text) as T };
}
