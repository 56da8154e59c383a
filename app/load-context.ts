// What the HTTP server (server.ts) hands every loader and action.
import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-response nonce that the Content-Security-Policy allows for Remix's inline scripts. */
    cspNonce: string;
    /** The client's address, for rate limits only; never stored raw. */
    clientAddress: string | null;
  }
}

export {};
