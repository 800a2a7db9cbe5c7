// The TCP peer address, handed from scripts/serve.ts to the app. Next 16 keeps the socket to itself, so the server
// wrapper copies `socket.remoteAddress` into a request header before Next sees the request, overwriting any value
// a client sent. The flag on globalThis says the wrapper runs in this process: without it (bare `next start`,
// `next dev`) the header could come from the client and is ignored.
export const PEER_HEADER = "x-stackwise-peer";

const FLAG = Symbol.for("stackwise.peer-header");

export function markPeerHeaderOurs(): void {
  (globalThis as Record<symbol, unknown>)[FLAG] = true;
}

export function peerHeaderIsOurs(): boolean {
  return (globalThis as Record<symbol, unknown>)[FLAG] === true;
}
