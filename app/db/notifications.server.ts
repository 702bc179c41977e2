/**
 * PostgreSQL LISTEN/NOTIFY for the process: one dedicated connection, shared by every channel
 * the process listens on (the outbox wake-up, page-cache invalidation). NOTIFY is sent at
 * commit, so a listener hears only about committed changes. If the connection drops, it is
 * re-opened with backoff and every subscriber's `onReconnect` runs, because notifications sent
 * while it was down are lost: a subscriber that must not miss one (the page cache) acts as if
 * it had heard one then.
 */
import pg from "pg";

export interface Subscription {
  channel: string;
  onNotify(payload: string): void;
  /** Called after the connection was re-established (not on the first connect). */
  onReconnect?(): void;
}

export interface Listener {
  /** Resolves once LISTEN is in place for every subscription (or rejects on the first connect failure). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function listen(url: string, subscriptions: Subscription[], options: { log?: (message: string) => void } = {}): Listener {
  const log = options.log ?? ((message) => console.error(message));
  let client: pg.Client | null = null;
  let closed = false;
  let retryMs = 500;
  let timer: NodeJS.Timeout | undefined;

  async function connect(isReconnect: boolean): Promise<void> {
    const next = new pg.Client({ connectionString: url, application_name: "sammachip-listen" });
    next.on("notification", (message) => {
      for (const subscription of subscriptions) if (subscription.channel === message.channel) subscription.onNotify(message.payload ?? "");
    });
    next.on("error", (error) => {
      log(`database notifications: ${error.message}; reconnecting`);
      scheduleReconnect();
    });
    next.on("end", () => {
      if (!closed && client === next) scheduleReconnect();
    });
    await next.connect();
    for (const channel of new Set(subscriptions.map((subscription) => subscription.channel))) {
      await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    retryMs = 500;
    if (isReconnect) for (const subscription of subscriptions) subscription.onReconnect?.();
  }

  function scheduleReconnect() {
    if (closed || timer) return;
    const old = client;
    client = null;
    void old?.end().catch(() => {});
    timer = setTimeout(() => {
      timer = undefined;
      connect(true).catch((error: unknown) => {
        log(`database notifications: ${error instanceof Error ? error.message : String(error)}; retrying`);
        retryMs = Math.min(retryMs * 2, 30_000);
        scheduleReconnect();
      });
    }, retryMs);
    timer.unref();
  }

  const ready = connect(false);
  ready.catch(() => scheduleReconnect());
  return {
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => {});
      client = null;
    },
  };
}
