// Serves the production build like `next start`, plus what Next 16 does not do for us:
// - the TCP peer address goes into PEER_HEADER on every request (any copy a client sent is overwritten), and the flag
//   set here tells lib/server/request-meta.ts that the header is ours;
// - graceful shutdown: on SIGTERM/SIGINT the instance stops accepting connections, answers /api/ready with 503 (so a
//   load balancer takes it out of rotation), lets in-flight requests finish (up to STACKWISE_SHUTDOWN_GRACE_MS,
//   default 10 s) and only then exits.
// Usage: tsx scripts/serve.ts <port> [hostname]
import http from "node:http";
import next from "next";
import { markPeerHeaderOurs, PEER_HEADER } from "@/lib/http/peer";

const port = Number(process.argv[2] ?? process.env.PORT ?? 3000);
const hostname = process.argv[3];
const graceMs = Number(process.env.STACKWISE_SHUTDOWN_GRACE_MS ?? 10_000);

markPeerHeaderOurs();
const app = next({ dev: false, dir: process.cwd(), port, hostname });
const handle = app.getRequestHandler();
await app.prepare();

let inFlight = 0;
let draining = false;
let drained: (() => void) | null = null;

const server = http.createServer((req, res) => {
  if (draining) {
    // Requests still arriving on kept-alive connections: readiness says no, the rest is served and the connection closed.
    res.setHeader("Connection", "close");
    if (req.url?.startsWith("/api/ready")) {
      res.writeHead(503, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(JSON.stringify({ ready: false, reason: "shutting down" }));
      return;
    }
  }
  inFlight++;
  res.on("close", () => {
    inFlight--;
    if (draining && inFlight === 0) drained?.();
  });
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  void handle(req, res);
});
// Behind a reverse proxy that keeps upstream connections alive (nginx `keepalive`, most load balancers), Node's
// default 5 s keep-alive closes connections the proxy is about to reuse, and the proxy answers that request with 502
// (seen in the two-instance test): keep idle connections open longer than the proxy does.
server.keepAliveTimeout = Number(process.env.STACKWISE_KEEPALIVE_TIMEOUT_MS ?? 65_000);
server.headersTimeout = server.keepAliveTimeout + 1_000;
server.listen(port, hostname, () => {
  console.log(`Ready on http://${hostname ?? "localhost"}:${port}`);
});

async function shutdown(signal: string) {
  if (draining) return;
  draining = true;
  console.log(`${signal}: draining ${inFlight} in-flight request(s), then exiting`);
  server.close();
  server.closeIdleConnections();
  const done = inFlight === 0 ? Promise.resolve() : new Promise<void>((r) => (drained = r));
  const timedOut = await Promise.race([done.then(() => false), new Promise((r) => setTimeout(() => r(true), graceMs))]);
  if (timedOut) console.log(`Grace period of ${graceMs} ms over with ${inFlight} request(s) still running`);
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(signal));
