import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { failureReason, initdb, startPostgres } from "./postgres-process.server";

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "pg-process-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("a PostgreSQL program that cannot even be spawned", () => {
  // Spawn failures arrive as an 'error' event; unheard, it crashed the whole store.
  it("rejects with the reason when the file is missing (ENOENT)", async () => {
    const missing = path.join(scratch, "no-such-postgres");
    await expect(
      startPostgres({ binaries: { initdb: missing, postgres: missing }, dataDir: scratch, port: 1 }),
    ).rejects.toThrow(/could not run: spawn .*no-such-postgres ENOENT/);
  });

  it("rejects with the reason when the file may not be executed (EACCES)", async () => {
    const locked = path.join(scratch, "initdb");
    fs.writeFileSync(locked, "#!/bin/sh\n", { mode: 0o644 });
    await expect(
      initdb({ binaries: { initdb: locked, postgres: locked }, dataDir: path.join(scratch, "data"), user: "u", password: "p" }),
    ).rejects.toThrow(/initdb failed: could not run: spawn .*initdb EACCES/);
  });
});

describe("failureReason", () => {
  it("keeps what went wrong, without log prefixes or routine lines", () => {
    const stderr = [
      "2026-11-28 05:14:01.000 UTC [77] LOG:  starting PostgreSQL 18.0 on x86_64-pc-linux-gnu",
      '2026-11-28 05:14:01.001 UTC [77] LOG:  could not bind IPv4 address "127.0.0.1": Address already in use',
      "2026-11-28 05:14:01.002 UTC [77] FATAL:  could not create any TCP/IP sockets",
      "2026-11-28 05:14:01.003 UTC [77] LOG:  database system is shut down",
    ];
    expect(failureReason(stderr)).toBe(
      'could not bind IPv4 address "127.0.0.1": Address already in use; could not create any TCP/IP sockets',
    );
  });

  it("reads initdb's own error lines", () => {
    expect(failureReason(['initdb: error: could not access directory "/x/data": Permission denied'])).toBe(
      'could not access directory "/x/data": Permission denied',
    );
  });
});
