/**
 * The fonts share cards are set in: the store's own Noto Sans Thai Looped (regular and bold, Thai
 * and Latin subsets), so a card looks the same on every server, with or without system fonts.
 * sharp sets text with Pango and HarfBuzz, which shape Thai (stacked vowels and tone marks) when
 * the font carries Thai; but it reads TrueType/OpenType files, and the package ships only WOFF.
 * WOFF 1.0 is the same tables zlib-compressed, so they are unpacked once into a temporary folder.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

export const SHARE_FONT_FAMILY = "Noto Sans Thai Looped";

const FACES = ["thai-400", "thai-700", "latin-400", "latin-700", "latin-ext-400", "latin-ext-700"] as const;

/** A WOFF 1.0 file as the sfnt (TTF/OTF) it wraps. */
export function sfntFromWoff(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("not a WOFF 1.0 font");
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, index) => {
    const at = 44 + index * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const packed = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.subarray(at, at + 4),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? zlib.inflateSync(packed) : packed,
    };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  tables.forEach((table, index) => {
    const at = 12 + index * 16;
    table.tag.copy(header, at);
    header.writeUInt32BE(table.checksum, at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([header, ...bodies]);
}

let files: string[] | null = null;

/** The unpacked font files, written on first use (about 200 kB in all). */
export function shareFontFiles(): string[] {
  if (files) return files;
  const require = createRequire(import.meta.url);
  const woffs = FACES.map((face) => fs.readFileSync(require.resolve(`@fontsource/noto-sans-thai-looped/files/noto-sans-thai-looped-${face}-normal.woff`)));
  const version = crypto.createHash("sha256");
  for (const woff of woffs) version.update(woff);
  const dir = path.join(os.tmpdir(), `sammachip-share-fonts-${version.digest("hex").slice(0, 12)}`);
  fs.mkdirSync(dir, { recursive: true });
  files = FACES.map((face, index) => {
    const file = path.join(dir, `noto-sans-thai-looped-${face}.ttf`);
    if (!fs.existsSync(file)) {
      // Written under another name first: another process may be reading the same folder.
      const partial = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(partial, sfntFromWoff(woffs[index]));
      fs.renameSync(partial, file);
    }
    return file;
  });
  return files;
}
