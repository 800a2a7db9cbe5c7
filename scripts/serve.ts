// Serves the production build like `next start`, plus the one thing Next 16 does not hand to the app: the TCP peer
// address. It goes into PEER_HEADER on every request (any copy a client sent is overwritten), and the flag set here
// tells lib/server/request-meta.ts that the header is ours. Usage: tsx scripts/serve.ts <port> [hostname]
import http from "node:http";
import next from "next";
import { markPeerHeaderOurs, PEER_HEADER } from "@/lib/http/peer";

const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const hostname = process.argv[3];

markPeerHeaderOurs();
const app = next({ dev: false, dir: process.cwd(), port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`Ready on http://${hostname ?? "localhost"}:${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
