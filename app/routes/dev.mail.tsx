/**
 * Development only: the emails the store would have sent, read from DATA_DIR/mail (where they go
 * when no SMTP server is configured). A 404 in production, where mail may hold buyers' details.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { config } from "~/config.server";
import { mailOnDisk } from "~/modules/notifications/email.server";
import { notFound } from "~/web/http.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

export async function loader(_: LoaderFunctionArgs) {
  if (config().NODE_ENV === "production") throw notFound();
  return { mail: await mailOnDisk() };
}

export default function DevMail() {
  const { mail } = useLoaderData<typeof loader>();
  return (
    <section className="page" aria-labelledby="mail-title">
      <h1 id="mail-title">Mail written to disk (development)</h1>
      {mail.length === 0 ? <p className="empty-state">No mail yet.</p> : null}
      {mail.map((message) => (
        <article key={message.name} className="mail">
          <h2>{message.subject}</h2>
          <p className="hint">
            To {message.to} · {message.name}
          </p>
          <pre>{message.text}</pre>
        </article>
      ))}
    </section>
  );
}
