// The reading bench's baseline: one file served as it is by a bare node:http
// server, in a process of its own as Dossier is. Usage: node static-file-server.mjs <file> <port>
import fs from "node:fs";
import { createServer } from "node:http";

const [file, port] = process.argv.slice(2);
const body = fs.readFileSync(file);
createServer((_request, response) => {
  response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length });
  response.end(body);
}).listen(Number(port), () => process.send?.("listening"));
