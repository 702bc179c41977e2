/**
 * A list whose server-rendered markup the first hydration leaves as it is. Cards are links,
 * pictures and text: nothing in them needs React in the browser, yet hydrating them was most of a
 * listing page's hydration (a home page's thirty cards), which a cheap phone pays in blocked
 * taps. So while the page hydrates, the list takes its own markup from the document as raw HTML
 * (React then skips its children), and one click handler on the list gives its links the client
 * navigation a <Link> would. When its data changes afterwards (a filter, the next page) or it
 * mounts on a client navigation, it renders its children as usual.
 */
import { useNavigate } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type MouseEvent, type ReactNode } from "react";

/** True in the browser until the document's first hydration has committed. */
let hydrating = typeof document !== "undefined";

/** For the root (app/root.tsx, its page and its error boundary): its effect runs once the whole first hydration has. */
export function useHydrationDone() {
  useEffect(() => {
    hydrating = false;
  }, []);
}

/** What the server sent for this list, while the document is still hydrating; else null. */
function markupFromDocument(id: string): string | null {
  return hydrating ? (document.getElementById(id)?.innerHTML ?? null) : null;
}

/** A plain left click on a same-site link, which a <Link> would have navigated in the page. */
function clientNavigable(event: MouseEvent<HTMLElement>): HTMLAnchorElement | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return null;
  const link = (event.target as Element).closest("a");
  if (!link || !event.currentTarget.contains(link) || link.target || link.hasAttribute("download") || link.origin !== window.location.origin) return null;
  return link;
}

export function ServerMarkupList({ data, className, children, ...attributes }: { data: unknown; className?: string; children: ReactNode; "data-testid"?: string }) {
  const id = useId();
  const navigate = useNavigate();
  const [markup] = useState(() => markupFromDocument(id));
  const firstData = useRef(data);
  if (markup === null || firstData.current !== data) {
    return (
      <ul key="rendered" id={id} className={className} {...attributes}>
        {children}
      </ul>
    );
  }
  const onClick = (event: MouseEvent<HTMLElement>) => {
    const link = clientNavigable(event);
    if (!link) return;
    event.preventDefault();
    navigate(link.pathname + link.search + link.hash);
  };
  // The handler serves the links inside (a keyboard's Enter on a link is a click too).
  return <ul key="server" id={id} className={className} {...attributes} onClick={onClick} dangerouslySetInnerHTML={{ __html: markup }} suppressHydrationWarning />;
}
