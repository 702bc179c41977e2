/**
 * A group's certificates and registrations (community enterprise, OTOP, มผช., อย., GI, organic):
 * owns GroupDocument. Files are kept privately, under DATA_DIR/documents, never under the public
 * media path: they carry names, addresses and id numbers, so only the group's own members and
 * staff can open them, through a route that asks `openDocument` first. What a file is, is read
 * from its first bytes (magic numbers), never from its name or the browser's Content-Type.
 */
import crypto from "node:crypto";
import path from "node:path";
import { config } from "~/config.server";
import { db } from "~/db/client.server";
import { inTransaction, type Client } from "~/db/transaction.server";
import type { DocumentKind } from "~/generated/prisma/enums";
import { runWorkflow, step } from "~/lib/workflow.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { localStorage, type MediaStorage } from "~/modules/media/storage.server";
import { NotInGroupError } from "./errors";

export const documentKinds = ["COMMUNITY_ENTERPRISE", "OTOP", "TCPS", "FDA", "GI", "ORGANIC", "OTHER"] as const satisfies readonly DocumentKind[];

/** A scanned certificate is rarely over a few megabytes; a PDF of many pages may be. */
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Enough for every certificate a group holds, and a few retakes. */
export const DOCUMENTS_PER_GROUP = 30;

export type DocumentRejection = "missing" | "tooLarge" | "notADocument" | "tooMany";

export class DocumentRejectedError extends Error {
  readonly name = "DocumentRejectedError";
  constructor(readonly reason: DocumentRejection) {
    super(`Document refused: ${reason}`);
  }
}

const types = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  heic: "image/heic",
} as const;
type Extension = keyof typeof types;

const startsWith = (bytes: Buffer, signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString("latin1");

/** The kind of file these bytes are, by their magic number: a PDF or a photo; null for anything else. */
export function sniffDocument(bytes: Buffer): { extension: Extension; contentType: string } | null {
  let extension: Extension | null = null;
  if (ascii(bytes, 0, 5) === "%PDF-") extension = "pdf";
  else if (startsWith(bytes, [0xff, 0xd8, 0xff])) extension = "jpg";
  else if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) extension = "png";
  else if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") extension = "webp";
  // iPhones keep photos as HEIC: an ISO media file whose brand names a HEIF image.
  else if (ascii(bytes, 4, 8) === "ftyp" && ["heic", "heix", "mif1", "heif"].includes(ascii(bytes, 8, 12))) extension = "heic";
  return extension ? { extension, contentType: types[extension] } : null;
}

let storage: MediaStorage | undefined;

/** The private store of documents (tests may put their own in). */
export function documentStorage(next?: MediaStorage): MediaStorage {
  if (next) storage = next;
  storage ??= localStorage(path.resolve(config().DATA_DIR, "documents"), "/documents");
  return storage;
}

/** What a person named the file, made safe to show and to offer as a download name. */
function cleanFileName(name: string, extension: Extension): string {
  const base = [...name.normalize("NFC")]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f && !'"\\/'.includes(char))
    .join("")
    .trim()
    .slice(0, 120);
  return base || `document.${extension}`;
}

/**
 * Keeps an uploaded document of `groupId`: the file first, then its row and audit record in one
 * transaction; if the row cannot be written, the file is deleted again.
 */
export async function addGroupDocument(input: { groupId: string; actorId: string; kind: DocumentKind; fileName: string; bytes: Buffer | null }) {
  const bytes = input.bytes;
  if (!bytes || bytes.length === 0) throw new DocumentRejectedError("missing");
  if (bytes.length > DOCUMENT_MAX_BYTES) throw new DocumentRejectedError("tooLarge");
  const sniffed = sniffDocument(bytes);
  if (!sniffed) throw new DocumentRejectedError("notADocument");
  const key = `documents/${input.groupId}/${crypto.randomBytes(16).toString("hex")}.${sniffed.extension}`;
  const files = documentStorage();
  return runWorkflow<{ id: string }>("add group document", [
    step(
      "store the file privately",
      () => files.put(key, bytes, sniffed.contentType),
      () => files.delete(key),
    ),
    step("record the document", () =>
      inTransaction(db(), async (tx) => {
        // Serialises uploads of one group, so the count below cannot be passed by two at once.
        await tx.$queryRaw`SELECT id FROM "OccupationGroup" WHERE id = ${input.groupId} FOR UPDATE`;
        if ((await tx.groupDocument.count({ where: { groupId: input.groupId } })) >= DOCUMENTS_PER_GROUP) throw new DocumentRejectedError("tooMany");
        const document = await tx.groupDocument.create({
          data: {
            groupId: input.groupId,
            kind: input.kind,
            storageKey: key,
            fileName: cleanFileName(input.fileName, sniffed.extension),
            contentType: sniffed.contentType,
            sizeBytes: bytes.length,
            uploadedById: input.actorId,
          },
          select: { id: true },
        });
        await recordAudit(tx, {
          actorId: input.actorId,
          groupId: input.groupId,
          action: "group.document.add",
          subjectType: "GroupDocument",
          subjectId: document.id,
          after: { kind: input.kind, contentType: sniffed.contentType, sizeBytes: bytes.length },
        });
        return document;
      }),
    ),
  ]);
}

/** Removes one of the group's documents: the row (audited), then the file once the row is gone. */
export async function removeGroupDocument(input: { groupId: string; actorId: string; documentId: string }, client?: Client) {
  const removed = await inTransaction(client, async (tx) => {
    const document = await tx.groupDocument.findFirst({ where: { id: input.documentId, groupId: input.groupId } });
    if (!document) throw new NotInGroupError("document");
    await tx.groupDocument.delete({ where: { id: document.id } });
    await recordAudit(tx, {
      actorId: input.actorId,
      groupId: input.groupId,
      action: "group.document.remove",
      subjectType: "GroupDocument",
      subjectId: document.id,
      before: { kind: document.kind, fileName: document.fileName },
    });
    return document;
  });
  await documentStorage()
    .delete(removed.storageKey)
    .catch(() => {});
}

export function groupDocuments(groupId: string, client: Client = db()) {
  return client.groupDocument.findMany({
    where: { groupId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, fileName: true, contentType: true, sizeBytes: true, createdAt: true },
  });
}

/**
 * A document's file for someone who may open it: a member of its group, or staff. Anyone else
 * is told it does not exist (NotInGroupError), so ids cannot be probed.
 */
export async function openDocument(input: { documentId: string; viewer: { role: string; memberships: readonly { groupId: string }[] } }) {
  const document = await db().groupDocument.findUnique({ where: { id: input.documentId } });
  const allowed = document && (input.viewer.role === "STAFF" || input.viewer.memberships.some((membership) => membership.groupId === document.groupId));
  if (!document || !allowed) throw new NotInGroupError("document");
  const body = await documentStorage().get(document.storageKey);
  if (!body) throw new NotInGroupError("document");
  return { body, contentType: document.contentType, fileName: document.fileName };
}
