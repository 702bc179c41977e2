/**
 * The header search box. Without JavaScript it is a GET form to the search page. With it, it
 * becomes a WAI-ARIA combobox (editable, list autocomplete): suggestions are fetched after a short
 * pause, a newer keystroke aborts the older request, Up/Down move through the options, Enter
 * opens the highlighted product (or searches), Escape closes the list, and a polite live region
 * says how many suggestions there are. The highlight follows a product, not a position, so a
 * late answer to an earlier keystroke does not take it away.
 */
import { Form, useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { href } from "~/i18n/i18n";
import { useT } from "~/i18n/use-lang";

type Suggestion = { slug: string; text: string; href: string };

const DEBOUNCE_MS = 150;

export function SearchBox() {
  const { t, lang } = useT();
  const navigate = useNavigate();
  const id = useId();
  const listId = `${id}-list`;
  const [value, setValue] = useState("");
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [activeSlug, setActiveSlug] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const request = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const active = suggestions.findIndex((suggestion) => suggestion.slug === activeSlug);

  useEffect(() => {
    // The page's JavaScript starts after load (web/scripts-after-load.ts), so a buyer may
    // already have typed into the plain form; keep that text rather than render it away.
    const typed = input.current?.value ?? "";
    if (typed) setValue(typed);
  }, []);

  useEffect(() => {
    const q = value.trim();
    if (!q) {
      request.current?.abort();
      setSuggestions([]);
      setOpen(false);
      return;
    }
    const timer = setTimeout(async () => {
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      try {
        const response = await fetch(`${href(lang, "/search/suggest")}?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!response.ok) return;
        const body = (await response.json()) as { suggestions: Suggestion[] };
        setSuggestions(body.suggestions);
        setOpen(body.suggestions.length > 0);
        setAnnouncement(body.suggestions.length > 0 ? t("search.suggestionsCount", { count: body.suggestions.length }) : t("search.noSuggestions"));
      } catch {
        // Aborted by a newer keystroke, or offline: the plain search still works.
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, lang, t]);

  function close() {
    setOpen(false);
    setActiveSlug(null);
  }

  function highlight(index: number) {
    setOpen(true);
    setActiveSlug(suggestions[index].slug);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && suggestions.length > 0) {
      event.preventDefault();
      highlight((active + 1) % suggestions.length);
    } else if (event.key === "ArrowUp" && suggestions.length > 0) {
      event.preventDefault();
      highlight(active <= 0 ? suggestions.length - 1 : active - 1);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      const chosen = suggestions[active];
      close();
      navigate(chosen.href);
    }
  }

  const expanded = open && suggestions.length > 0;
  return (
    <Form method="get" action={href(lang, "/search")} role="search" className="search-box" onSubmit={close}>
      <label htmlFor={`${id}-q`} className="visually-hidden">
        {t("search.label")}
      </label>
      <div className="search-box-field">
        <input
          ref={input}
          id={`${id}-q`}
          type="text"
          name="q"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          autoComplete="off"
          maxLength={200}
          placeholder={t("search.placeholder")}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(close, 150)}
        />
        <ul id={listId} role="listbox" aria-label={t("search.suggestions")} className="search-suggestions" hidden={!expanded}>
          {suggestions.map((suggestion, index) => (
            <li
              key={suggestion.slug}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                // Before blur closes the list.
                event.preventDefault();
                close();
                navigate(suggestion.href);
              }}
            >
              {suggestion.text}
            </li>
          ))}
        </ul>
      </div>
      <button type="submit" className="button small">
        {t("search.submit")}
      </button>
      {/* A live region without role=status: the header is on every page, and a page's own status
          message should stay the only "status" there. */}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="search-announcer">
        {announcement}
      </div>
    </Form>
  );
}
