/**
 * A disclosure (<details>) that is open on wide screens and closed on phones, where what it holds
 * (a listing's filters, say) would fill the first screen. The HTML says open, so without
 * JavaScript everything is there; a few inline lines at the end of <body> (CLOSE_ON_PHONES, run
 * before the first paint, long before the app's JavaScript) close it on a phone, and a
 * disclosure mounted later by a client-side navigation closes itself the same way. One the
 * reader opened is left alone: each is closed once, and marked.
 */
import { useEffect, useRef, type ReactNode } from "react";

const PHONE = "(max-width: 47.99rem)";
const MARK = "data-phone-closed";

export const CLOSE_ON_PHONES = `(function () {
  if (!matchMedia("${PHONE}").matches) return;
  document.querySelectorAll("details[${MARK}='']").forEach(function (details) {
    details.open = false;
    details.setAttribute("${MARK}", "done");
  });
})();`;

export function Disclosure({ summary, className, children }: { summary: ReactNode; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const details = ref.current;
    if (!details || details.getAttribute(MARK) === "done") return;
    if (matchMedia(PHONE).matches) details.open = false;
    details.setAttribute(MARK, "done");
  }, []);
  return (
    <details ref={ref} open className={["disclosure", className].filter(Boolean).join(" ")} {...{ [MARK]: "" }}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
