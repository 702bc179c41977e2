import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { firstClosedFolder } from "./postgres-home.server";

// Only modes are read, so any user can run these: "owner" is whoever made the
// folders, "stranger" a uid and gid that own nothing here.
let root: string;
let owner: { uid: number; gid: number };
const stranger = { uid: 54_321, gid: 54_321 };

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "reach-"));
  fs.chmodSync(root, 0o755);
  const { uid, gid } = fs.statSync(root);
  owner = { uid, gid };
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function folder(relative: string, mode: number): string {
  const dir = path.join(root, relative);
  fs.mkdirSync(dir);
  fs.chmodSync(dir, mode);
  return dir;
}

describe("firstClosedFolder", () => {
  it("finds none when others may enter every folder on the way", () => {
    folder("checkout", 0o755);
    expect(firstClosedFolder(folder("checkout/.data", 0o755), stranger)).toBeUndefined();
  });

  it("names the private (0700) folder that keeps another user out, however open the folders below it", () => {
    const closed = folder("private", 0o700);
    expect(firstClosedFolder(folder("private/store", 0o755), stranger)).toBe(closed);
  });

  it("needs only the execute bit on the way down (0711 is enough)", () => {
    folder("private", 0o711);
    expect(firstClosedFolder(folder("private/store", 0o755), stranger)).toBeUndefined();
  });

  it("reads the owner's bits for the owner and the group's for the group, not the most generous", () => {
    const groupOnly = folder("group-only", 0o070);
    const inside = folder("group-only/store", 0o755);
    expect(firstClosedFolder(inside, owner)).toBe(groupOnly);
    expect(firstClosedFolder(inside, { uid: stranger.uid, gid: owner.gid })).toBeUndefined();
    expect(firstClosedFolder(inside, stranger)).toBe(groupOnly);
  });

  it("judges the real folder a symlink leads to", () => {
    const closed = folder("private", 0o700);
    const hidden = folder("private/data", 0o755);
    const link = path.join(folder("open", 0o755), "data");
    fs.symlinkSync(hidden, link);
    expect(firstClosedFolder(link, stranger)).toBe(closed);
  });
});
