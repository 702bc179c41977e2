/** What the server entry passes to every loader and action. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address as seen by the server (after trusted proxies). */
    clientAddress: string;
  }
}

export {};
