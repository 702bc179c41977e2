/** Any path no other route claims: a 404 page in the reader's language. */
import { notFound } from "~/web/http.server";

export function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
