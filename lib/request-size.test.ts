import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, refuseOversizeBody } from "./request-size";

let server: http.Server;
let url: string;
let bytesRead = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (refuseOversizeBody(request, response)) return;
    let length = 0;
    request.on("data", (chunk: Buffer) => (length += chunk.length));
    request.on("end", () => {
      bytesRead += length;
      response.end(`read ${length}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A POST whose body is sent in pieces, with no Content-Length. */
function postChunked(pieces: number, pieceBytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${url}/t/demo`, { method: "POST", headers: { "Next-Action": "0".repeat(40) } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, body }));
    });
    request.on("error", reject);
    for (let i = 0; i < pieces; i++) request.write(Buffer.alloc(pieceBytes, 97));
    request.end();
  });
}

describe("request bodies", () => {
  it("answers 413 to a server action larger than the limit, reading none of it", async () => {
    const before = bytesRead;
    const response = await fetch(`${url}/t/demo`, { method: "POST", headers: { "Next-Action": "0".repeat(40) }, body: new Uint8Array(13 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.text()).toBe("That request is too large: Dossier accepts at most 12 MB.\n");
    expect(bytesRead).toBe(before);
  });

  it("passes on bodies up to the limit, bodies of no stated length, and requests without one", async () => {
    const atLimit = await fetch(`${url}/t/demo`, { method: "POST", body: new Uint8Array(MAX_BODY_BYTES) });
    expect(await atLimit.text()).toBe(`read ${MAX_BODY_BYTES}`);
    const page = await fetch(`${url}/t/demo`);
    expect(await page.text()).toBe("read 0");
    // Next forwards a server action to another of its routes with a chunked body.
    expect(await postChunked(4, 1024)).toEqual({ status: 200, body: "read 4096" });
  });
});

describe("a source's snapshot upload", () => {
  const snapshots = () => `${url}/t/demo/sources/0b7e2c9a-1d4f-4e6b-9a2c-3f5d7e9b1c2a/snapshots`;

  it("may state up to the snapshot limit, which no other request may", async () => {
    const fifteen = new Uint8Array(15 * 1024 * 1024);
    expect(await (await fetch(snapshots(), { method: "POST", body: fifteen })).text()).toBe(`read ${fifteen.length}`);
    expect((await fetch(`${url}/t/demo/sources`, { method: "POST", body: fifteen })).status).toBe(413);
  });

  it("answers 413 to a 200 MB upload, reading none of it", async () => {
    const before = bytesRead;
    const response = await fetch(snapshots(), { method: "POST", body: new Uint8Array(200 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(await response.text()).toBe("That request is too large: Dossier accepts at most 20 MB.\n");
    expect(bytesRead).toBe(before);
  });
});
