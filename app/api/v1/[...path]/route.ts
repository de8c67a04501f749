import { apiDispatcher } from "@/lib/api/dispatch";
import { loadConfig } from "@/lib/config";

export const dynamic = "force-dynamic";

const dispatch = apiDispatcher({ rateLimit: loadConfig().apiRateLimit });

type Context = { params: Promise<{ path: string[] }> };

/** Every endpoint of the API, answered from its registry (lib/api/registry.ts); the token, never a cookie, says who asks. */
const handler = async (request: Request, { params }: Context) => dispatch(request, (await params).path);

export const { GET, POST, PUT, DELETE } = { GET: handler, POST: handler, PUT: handler, DELETE: handler };
