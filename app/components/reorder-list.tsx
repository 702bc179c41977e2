/**
 * A list staff put in order. Every item has "move up" and "move down" buttons: plain form posts
 * that work without JavaScript (the page reloads in the new order). With JavaScript the buttons
 * move the item at once and keep the keyboard focus on it, a handle lets a mouse or a finger drag
 * it, and a live region says where it went; the page then posts the whole new order, which the
 * server accepts only if it names exactly the items it holds (anything else is refused and the
 * list goes back to the server's order).
 */
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent, type PointerEvent, type ReactNode } from "react";
import { useT } from "~/i18n/use-lang";
import { AnswerMessage, type ConsoleAnswer } from "./console";
import { CsrfInput, useCsrfToken } from "./forms";

export type ReorderItem = { id: string; label: string; content: ReactNode };

type Props = {
  items: ReorderItem[];
  /** The list's accessible name. */
  label: string;
  /** Posted by the buttons without JavaScript: `{intent: moveIntent, [idField]: id, offset: -1 | 1}`. */
  moveIntent: string;
  /** Posted with JavaScript: `{intent: orderIntent, [orderField]: every id in the new order}`. */
  orderIntent: string;
  idField: string;
  orderField: string;
  /** Extra fields every post carries. */
  fields?: Record<string, string>;
  formId: string;
};

function moved(ids: readonly string[], id: string, to: number): string[] {
  const next = ids.filter((other) => other !== id);
  next.splice(Math.max(0, Math.min(next.length, to)), 0, id);
  return next;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, index) => id === b[index]);

export function ReorderList({ items, label, moveIntent, orderIntent, idField, orderField, fields = {}, formId }: Props) {
  const { t } = useT();
  const csrf = useCsrfToken();
  const fetcher = useFetcher<ConsoleAnswer>();
  const serverOrder = items.map((item) => item.id);
  const serverKey = serverOrder.join(" ");
  const [order, setOrder] = useState(serverOrder);
  const orderRef = useRef(order);
  orderRef.current = order;
  const [hydrated, setHydrated] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [dragging, setDragging] = useState<string | null>(null);
  const drag = useRef<{ id: string; start: string[] } | null>(null);
  const focusAfterMove = useRef<{ id: string; offset: number } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => setHydrated(true), []);
  // The server's order wins whenever it changes (after a save, or someone else's change).
  useEffect(() => {
    if (!drag.current) setOrder(serverKey ? serverKey.split(" ") : []);
  }, [serverKey]);
  // A refused order: back to what the server holds.
  useEffect(() => {
    if (fetcher.state === "idle" && fetcher.data?.error) setOrder(serverKey ? serverKey.split(" ") : []);
  }, [fetcher.state, fetcher.data, serverKey]);
  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    listRef.current?.querySelector<HTMLButtonElement>(`[data-move="${target.offset}"][data-item="${CSS.escape(target.id)}"]`)?.focus();
  }, [order]);

  const byId = new Map(items.map((item) => [item.id, item]));
  const shown = order.filter((id) => byId.has(id));

  function save(next: string[], id: string) {
    const form = new FormData();
    form.set("csrf", csrf);
    form.set("intent", orderIntent);
    form.set("formId", formId);
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    for (const each of next) form.append(orderField, each);
    fetcher.submit(form, { method: "post" });
    setAnnouncement(t("console.reorder.moved", { item: byId.get(id)?.label ?? "", position: next.indexOf(id) + 1, total: next.length }));
  }

  function onMove(event: FormEvent<HTMLFormElement>, id: string) {
    if (!hydrated) return;
    event.preventDefault();
    const offset = Number(((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value ?? 0);
    const current = orderRef.current;
    const next = moved(current, id, current.indexOf(id) + offset);
    if (same(next, current)) {
      setAnnouncement(t(offset < 0 ? "console.reorder.atTop" : "console.reorder.atBottom", { item: byId.get(id)?.label ?? "" }));
      return;
    }
    focusAfterMove.current = { id, offset };
    setOrder(next);
    save(next, id);
  }

  // While dragging, the window hears the pointer: the row moves in the DOM as the order changes,
  // which would drop a pointer capture held by its handle.
  function onPointerDown(event: PointerEvent<HTMLSpanElement>, id: string) {
    if (event.button !== 0) return;
    event.preventDefault();
    drag.current = { id, start: orderRef.current };
    setDragging(id);
    const move = (moved: globalThis.PointerEvent) => onPointerMove(moved.clientY);
    const end = (ended: globalThis.PointerEvent) => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", end);
      window.removeEventListener("pointercancel", end);
      onPointerEnd(ended.type === "pointercancel");
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", end);
    window.addEventListener("pointercancel", end);
  }

  function onPointerMove(clientY: number) {
    const current = drag.current;
    if (!current || !listRef.current) return;
    // The item goes after every other row whose middle is above the pointer.
    let index = 0;
    for (const row of listRef.current.querySelectorAll<HTMLElement>(":scope > li")) {
      if (row.dataset.id === current.id) continue;
      const box = row.getBoundingClientRect();
      if (box.top + box.height / 2 < clientY) index++;
    }
    const next = moved(orderRef.current, current.id, index);
    if (!same(next, orderRef.current)) {
      orderRef.current = next;
      setOrder(next);
    }
  }

  function onPointerEnd(cancelled: boolean) {
    const current = drag.current;
    drag.current = null;
    setDragging(null);
    if (!current) return;
    if (cancelled) setOrder(current.start);
    else if (!same(orderRef.current, current.start)) save(orderRef.current, current.id);
  }

  return (
    <div className="reorder">
      <AnswerMessage answer={fetcher.data} />
      <ol className="reorder-list" aria-label={label} ref={listRef}>
        {shown.map((id, index) => {
          const item = byId.get(id)!;
          return (
            <li key={id} data-id={id} className={dragging === id ? "reorder-item dragging" : "reorder-item"}>
              {hydrated ? (
                <span
                  className="drag-handle"
                  aria-hidden="true"
                  title={t("console.reorder.drag")}
                  onPointerDown={(event) => onPointerDown(event, id)}
                >
                  ⠿
                </span>
              ) : null}
              <span className="reorder-position" aria-hidden="true">
                {index + 1}
              </span>
              <div className="reorder-content">{item.content}</div>
              <Form method="post" className="reorder-buttons" onSubmit={(event) => onMove(event, id)}>
                <CsrfInput />
                <input type="hidden" name="intent" value={moveIntent} />
                <input type="hidden" name="formId" value={formId} />
                <input type="hidden" name={idField} value={id} />
                {Object.entries(fields).map(([name, value]) => (
                  <input key={name} type="hidden" name={name} value={value} />
                ))}
                {[-1, 1].map((offset) => (
                  <button
                    key={offset}
                    type="submit"
                    name="offset"
                    value={offset}
                    className="button small secondary"
                    data-move={offset}
                    data-item={id}
                    // Still focusable at the ends, so a keyboard user pressing it again keeps their place.
                    aria-disabled={(offset < 0 && index === 0) || (offset > 0 && index === shown.length - 1) ? true : undefined}
                    aria-label={`${t(offset < 0 ? "console.reorder.up" : "console.reorder.down")}: ${item.label}`}
                  >
                    <span aria-hidden="true">{offset < 0 ? "↑" : "↓"}</span> {t(offset < 0 ? "console.reorder.up" : "console.reorder.down")}
                  </button>
                ))}
              </Form>
            </li>
          );
        })}
      </ol>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="reorder-announcement">
        {announcement}
      </p>
    </div>
  );
}
