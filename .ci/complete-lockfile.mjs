// Completes package-lock.json with the platform-specific optional packages
// (Rollup's native binaries for other systems) that npm could not describe.
//
// Why: the npm registry reachable from our build machines serves only the
// Linux builds of such packages, so `npm install` here leaves their lock
// entries out, and `npm ci` then refuses the lockfile as out of sync. An entry
// for a package that will never be installed on this platform needs only its
// version and platform fields; npm skips it on Linux and fetches it by version
// on the machines it is for. Idempotent: it adds only what is missing.
import fs from "node:fs";

const lockPath = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
const packages = lock.packages;

/** os/cpu/libc of a Rollup native package, from its name (rollup-<os>-<cpu>[-<abi>]). */
function platformOf(name) {
  const match = /^@rollup\/rollup-([a-z0-9]+)-([a-z0-9]+)(?:-([a-z]+))?$/.exec(name);
  if (!match) return null;
  const [, os, cpu, abi] = match;
  const fields = { cpu: [cpu], os: [os] };
  if (os === "linux" && abi) fields.libc = [abi.startsWith("musl") ? "musl" : "glibc"];
  return fields;
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const platform = platformOf(name);
    if (!platform) continue;
    // npm resolves a dependency at the nearest node_modules up from its parent.
    const parents = [location];
    let probe = location;
    while (probe.includes("node_modules/")) {
      probe = probe.slice(0, probe.lastIndexOf("node_modules/")).replace(/\/$/, "");
      parents.push(probe);
    }
    const found = parents.some((parent) => packages[`${parent ? `${parent}/` : ""}node_modules/${name}`]);
    if (found) continue;
    const target = packages[`node_modules/${name}`] ? `${location}/node_modules/${name}` : `node_modules/${name}`;
    packages[target] = { version, ...platform, dev: entry.dev || undefined, license: "MIT", optional: true };
    added++;
  }
}

if (added > 0) {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
  fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(`complete-lockfile: added ${added} platform package entr${added === 1 ? "y" : "ies"}`);
