/**
 * Bilingual text on the storefront, with the fallback made visible: on an English page, a text
 * a group wrote only in Thai is shown in Thai (with lang="th") and, where `note` asks for it,
 * with a short line saying the English is not yet available.
 */
import { localized } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";

export function LocalizedText({ th, en, note = false }: { th: string; en: string | null | undefined; note?: boolean }) {
  const { t, lang } = useT();
  const text = localized(lang, th, en);
  if (!text.missing) return <>{text.text}</>;
  return (
    <>
      <span lang="th">{text.text}</span>
      {note ? (
        <span className="untranslated" data-testid="untranslated">
          {" "}
          ({t("store.englishMissing")})
        </span>
      ) : null}
    </>
  );
}

/** A paragraph of story text; on an English page without English, a note above the Thai. */
export function LocalizedStory({ th, en, className }: { th: string; en: string | null | undefined; className?: string }) {
  const { t, lang } = useT();
  const text = localized(lang, th, en);
  return (
    <>
      {text.missing ? (
        <p className="hint untranslated" data-testid="untranslated">
          {t("store.englishMissing")}
        </p>
      ) : null}
      <LocalizedParagraph value={text} className={className} />
    </>
  );
}

/** A paragraph already in the page's language (`localized`), marked lang="th" when it is the Thai standing in for missing English. */
export function LocalizedParagraph({ value, className }: { value: { text: string; missing: boolean }; className?: string }) {
  return (
    <p className={className} lang={value.missing ? "th" : undefined}>
      {value.text}
    </p>
  );
}

/**
 * A translated sentence whose values are bilingual names (a village, a district): each name in
 * the page's language, and one the group gave only in Thai marked lang="th".
 */
export function LocalizedSentence({ k, names, values = {} }: { k: string; names: Record<string, { th: string; en: string | null | undefined }>; values?: Record<string, string> }) {
  const { t, lang } = useT();
  const marks = Object.fromEntries(Object.keys(names).map((name) => [name, `\u0000${name}\u0000`]));
  const parts = (t(k, { ...values, ...marks }) as string).split("\u0000");
  // Odd parts are the names' keys, even parts the sentence's own words.
  return (
    <>
      {parts.map((part, index) => {
        if (index % 2 === 0) return part;
        const text = localized(lang, names[part].th, names[part].en);
        return text.missing ? (
          <span key={index} lang="th">
            {text.text}
          </span>
        ) : (
          text.text
        );
      })}
    </>
  );
}
