import net from "node:net";

/**
 * A TCP load balancer with no stickiness: each new connection (page request or
 * websocket) goes to the first backend that accepts it, in order. While the
 * first process lives it takes everything; once it dies, the second does,
 * which is what a health-checking balancer in front of Dossier does.
 */
export async function startBalancer(port: number, backendPorts: number[]) {
  const open = new Set<net.Socket>();

  const forward = (client: net.Socket, index: number) => {
    if (index >= backendPorts.length) {
      client.destroy();
      return;
    }
    const backend = net.connect(backendPorts[index], "127.0.0.1");
    backend.once("error", () => {
      if (!backend.readableEnded && backend.bytesRead === 0 && !client.destroyed) forward(client, index + 1);
      else client.destroy();
    });
    backend.once("connect", () => {
      open.add(backend);
      backend.on("close", () => {
        open.delete(backend);
        client.destroy();
      });
      client.on("close", () => backend.destroy());
      client.pipe(backend).pipe(client);
    });
  };

  const server = net.createServer((client) => {
    client.pause(); // hold the request until a backend is chosen
    client.on("error", () => client.destroy());
    open.add(client);
    client.on("close", () => open.delete(client));
    forward(client, 0);
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));

  return {
    baseURL: `http://localhost:${port}`,
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
