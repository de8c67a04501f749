import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "./client-address";

/** The client's address for a server action or page, as server.ts found it (lib/auth/client-address.ts). */
export async function requestAddress(): Promise<string> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
