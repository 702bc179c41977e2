/**
 * A product's photos in its workspace: each with buttons to move it up or down, make it the
 * cover (the first photo, shown on cards) or remove it, every one a small form that works without
 * JavaScript; and the upload form, which takes a photo from the phone's camera or its gallery.
 */
import { Form, useNavigation } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Picture, type PictureImage } from "~/components/picture";
import { useT } from "~/i18n/use-lang";

export type PhotoAnswer = { photo: true; productId: string; error: string | null; limits: { mb: number; mp: number } | null; saved: boolean };

interface Photo {
  id: string;
  position: number;
  image: PictureImage;
}

function PhotoButton({ photoId, intent, label, disabled }: { photoId: string; intent: string; label: string; disabled?: boolean }) {
  return (
    <Form method="post" className="inline-form">
      <CsrfInput />
      <input type="hidden" name="photoId" value={photoId} />
      <button type="submit" name="intent" value={intent} className="button secondary small" disabled={disabled}>
        {label}
      </button>
    </Form>
  );
}

export function PhotoManager({ photos, canEdit, maxUploadMb, title, answer }: { photos: Photo[]; canEdit: boolean; maxUploadMb: number; title: string; answer: PhotoAnswer | null }) {
  const { t } = useT();
  const error = answer?.error ? t(answer.error, answer.limits ?? {}) : null;
  // Encoding a phone photo takes a few seconds on a busy server: say so, and keep a second tap from sending it twice.
  const navigation = useNavigation();
  const uploading = navigation.state === "submitting" && navigation.formData?.get("intent") === "add-photo";
  return (
    <section id="photos" className="form-card stack" aria-labelledby="photos-title">
      <h3 id="photos-title">{t("productEditor.photos")}</h3>
      {answer?.saved ? (
        <p className="notice" role="status">
          {t("media.saved")}
        </p>
      ) : null}
      {photos.length === 0 ? <p className="empty-state">{t("productEditor.noPhotos")}</p> : null}
      <ol className="photo-list">
        {photos.map((photo, index) => {
          const name = t("productEditor.photoNumber", { number: index + 1 });
          return (
            <li key={photo.id} className="photo-item" data-testid="product-photo">
              <Picture image={photo.image} alt={`${name}${index === 0 ? ` (${t("productEditor.cover")})` : ""}`} sizes="120px" className="thumb-large" />
              <div>
                <p>
                  <strong>{name}</strong>
                  {index === 0 ? <span className="badge">{t("productEditor.cover")}</span> : null}
                </p>
                {canEdit ? (
                  <div className="photo-actions" role="group" aria-label={name}>
                    <PhotoButton photoId={photo.id} intent="photo-up" label={t("productEditor.moveUp")} disabled={index === 0} />
                    <PhotoButton photoId={photo.id} intent="photo-down" label={t("productEditor.moveDown")} disabled={index === photos.length - 1} />
                    {index > 0 ? <PhotoButton photoId={photo.id} intent="photo-cover" label={t("productEditor.makeCover")} /> : null}
                    <PhotoButton photoId={photo.id} intent="photo-remove" label={t("productEditor.removePhoto")} />
                  </div>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {canEdit ? (
        <Form method="post" encType="multipart/form-data" className="stack photo-form">
          <CsrfInput />
          <label htmlFor="photo-file">{t("media.photoLabel", { product: title })}</label>
          <p id="photo-hint" className="hint">
            {t("media.hint", { mb: maxUploadMb })}
          </p>
          <input
            id="photo-file"
            type="file"
            name="photo"
            accept="image/*"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "photo-hint photo-error" : "photo-hint"}
          />
          {error ? (
            <p id="photo-error" className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" name="intent" value="add-photo" className="button" disabled={uploading} aria-busy={uploading || undefined}>
            {uploading ? t("media.uploading") : t("media.upload")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
