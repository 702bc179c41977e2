/**
 * A group's certificates: the list (each opens through the checking /documents route, in a new
 * tab so the form stays where it was) and the upload form (a photo from the phone's camera or a
 * PDF). Used by the application page and, read-only, by staff's verification page.
 */
import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { formatNumber } from "~/i18n/format";
import { href } from "~/i18n/i18n";
import { useT } from "~/i18n/use-lang";

export interface DocumentRow {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

const kinds = ["COMMUNITY_ENTERPRISE", "OTOP", "TCPS", "FDA", "GI", "ORGANIC", "OTHER"] as const;

export function documentUrl(lang: "th" | "en", id: string) {
  return href(lang, `/documents/${id}`);
}

export function DocumentList({ documents, removable }: { documents: DocumentRow[]; removable: boolean }) {
  const { t, lang } = useT();
  if (documents.length === 0) return <p className="empty-state">{t("documents.none")}</p>;
  return (
    <ul className="plain-list documents">
      {documents.map((document) => (
        <li key={document.id} className="document-row">
          <span>
            <strong>{t(`documents.kinds.${document.kind}`)}</strong>
            <br />
            <a href={documentUrl(lang, document.id)} target="_blank" rel="noopener">
              {document.fileName}
            </a>{" "}
            <span className="hint">({formatNumber(Math.ceil(document.sizeBytes / 1024), lang)} kB)</span>
          </span>
          {removable ? (
            <Form method="post" className="inline-form">
              <CsrfInput />
              <input type="hidden" name="documentId" value={document.id} />
              <button type="submit" name="intent" value="remove-document" className="button secondary small">
                {t("documents.remove")} <span className="visually-hidden">{document.fileName}</span>
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function DocumentUpload({ error, maxMb }: { error: string | null; maxMb: number }) {
  const { t } = useT();
  return (
    <Form method="post" encType="multipart/form-data" className="stack form-card">
      <CsrfInput />
      <div className="field">
        <label htmlFor="document-kind">{t("documents.kind")}</label>
        <select id="document-kind" name="kind" defaultValue="COMMUNITY_ENTERPRISE">
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`documents.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="document-file">{t("documents.file")}</label>
        <p id="document-hint" className="hint">
          {t("documents.hint", { mb: maxMb })}
        </p>
        <input
          id="document-file"
          type="file"
          name="document"
          accept="image/*,application/pdf"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "document-hint document-error" : "document-hint"}
        />
        {error ? (
          <p id="document-error" className="field-error" role="alert">
            {t(error, { mb: maxMb })}
          </p>
        ) : null}
      </div>
      <button type="submit" name="intent" value="add-document" className="button">
        {t("documents.upload")}
      </button>
    </Form>
  );
}
