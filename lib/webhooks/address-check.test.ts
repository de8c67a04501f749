import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/testing/webhook-receiver";
import { isAllowedAddress, PRIVATE_ADDRESS_REFUSAL, WebhookAddressRefused, type Resolve } from "./address-check";
import { connectPinned, postWebhook, type Connect } from "./transport";

const REFUSED = ["10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254", "127.0.0.1", "::1", "fc00::1", "fd12::1", "::ffff:10.0.0.1", "0.0.0.0", "100.64.0.1"];
/** Public addresses, only ever handed to a connector that records them: nothing is sent to them. */
const PUBLIC_V4 = "8.8.8.8";
const PUBLIC_V6 = "2606:4700:4700::1111";

const request = (url: string) => ({ url, headers: { "Content-Type": "application/json" }, body: "{}" });
const literal = (address: string) => (address.includes(":") ? `[${address}]` : address);

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());
beforeEach(() => receiver.reset());

describe("the address check", () => {
  it.each(REFUSED)("refuses %s before anything is looked up or connected", async (address) => {
    const resolve = vi.fn<Resolve>();
    const connect = vi.fn<Connect>();
    await expect(postWebhook(request(`http://${literal(address)}:${receiver.port}/hook`), { resolve, connect })).rejects.toThrow(PRIVATE_ADDRESS_REFUSAL);
    expect(resolve).not.toHaveBeenCalled();
    expect(connect).not.toHaveBeenCalled();
  });

  it("refuses 127.0.0.1 with the real connector: the loopback receiver counts no connection", async () => {
    await expect(postWebhook(request(receiver.url()))).rejects.toBeInstanceOf(WebhookAddressRefused);
    expect(receiver.connections()).toBe(0);
  });

  it("refuses a name that resolves to loopback (localhost), after the lookup and before any connection", async () => {
    const connect = vi.fn<Connect>(connectPinned);
    await expect(postWebhook(request(`http://localhost:${receiver.port}/hook`), { connect })).rejects.toThrow(PRIVATE_ADDRESS_REFUSAL);
    expect(connect).not.toHaveBeenCalled();
    expect(receiver.connections()).toBe(0);
  });

  it("refuses a name with one private address among public ones", async () => {
    const connect = vi.fn<Connect>();
    const resolve: Resolve = async () => [{ address: PUBLIC_V4, family: 4 }, { address: "10.1.2.3", family: 4 }];
    await expect(postWebhook(request("https://hooks.example.test/dossier"), { resolve, connect })).rejects.toBeInstanceOf(WebhookAddressRefused);
    expect(connect).not.toHaveBeenCalled();
  });

  it("lets a name with public addresses through, to the very address it checked, keeping the name", async () => {
    const targets: { host: string; address: string; family: number }[] = [];
    const connect: Connect = async ({ url, address }) => {
      targets.push({ host: url.host, ...address });
      return 204;
    };
    const resolve: Resolve = async () => [{ address: PUBLIC_V6, family: 6 }];
    expect(await postWebhook(request("https://hooks.example.test:8443/dossier"), { resolve, connect })).toBe(204);
    expect(targets).toEqual([{ host: "hooks.example.test:8443", address: PUBLIC_V6, family: 6 }]);
  });

  it("judges an IPv4-mapped IPv6 address by the IPv4 address it carries", () => {
    expect(isAllowedAddress("::ffff:10.0.0.1")).toBe(false);
    expect(isAllowedAddress("::7f00:1")).toBe(false);
    expect(isAllowedAddress("2001:4860:4860::8888")).toBe(true);
    expect(isAllowedAddress("::ffff:127.0.0.1", { allowLoopback: true })).toBe(true);
    expect(isAllowedAddress(`::ffff:${PUBLIC_V4}`)).toBe(true);
    expect(isAllowedAddress("not an address")).toBe(false);
  });

  it("lets loopback through with the test setting, and still nothing else private", () => {
    expect(isAllowedAddress("127.0.0.1", { allowLoopback: true })).toBe(true);
    expect(isAllowedAddress("::1", { allowLoopback: true })).toBe(true);
    for (const address of REFUSED.filter((a) => a !== "127.0.0.1" && a !== "::1")) expect(isAllowedAddress(address, { allowLoopback: true }), address).toBe(false);
  });
});

describe("the connection", () => {
  it("goes to the checked address whatever the name resolves to later, with the name as Host", async () => {
    // A name no resolver knows (.test): the request can only have reached the receiver through the pinned address.
    const resolve = vi.fn<Resolve>(async () => [{ address: "127.0.0.1", family: 4 }]);
    const status = await postWebhook(request(`http://hooks.dossier.test:${receiver.port}/pinned`), { resolve, allowLoopback: true });
    expect(status).toBe(200);
    expect(resolve).toHaveBeenCalledTimes(1);
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]).toMatchObject({ path: "/pinned", body: "{}" });
    expect(receiver.received[0].headers.host).toBe(`hooks.dossier.test:${receiver.port}`);
  });

  it("follows no redirect: the 302 is the answer", async () => {
    receiver.answers.push(302);
    expect(await postWebhook(request(receiver.url()), { allowLoopback: true })).toBe(302);
    expect(receiver.received).toHaveLength(1);
  });

  it("gives up on a receiver that does not answer within the timeout", async () => {
    const { createServer } = await import("node:net");
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as { port: number };
    try {
      await expect(postWebhook(request(`http://127.0.0.1:${port}/`), { allowLoopback: true, timeoutMs: 200 })).rejects.toThrow(/No answer within/);
    } finally {
      silent.close();
    }
  });
});
