/** How to reach an occupation group: phone, LINE and Facebook as links a phone opens directly. */
import { useT } from "~/i18n/use-lang";

export interface GroupContactDetails {
  phone: string | null;
  lineId: string | null;
  facebookPage: string | null;
}

/** LINE's "add friend" link: official accounts ("@name") need the @ encoded. */
export function lineUrl(lineId: string): string {
  return `https://line.me/R/ti/p/${encodeURIComponent(lineId.startsWith("@") ? lineId : `~${lineId}`)}`;
}

export function GroupContacts({ contacts, groupName, headingId = "contact" }: { contacts: GroupContactDetails; groupName: string; headingId?: string }) {
  const { t } = useT();
  if (!contacts.phone && !contacts.lineId && !contacts.facebookPage) return null;
  return (
    <section aria-labelledby={headingId} className="contacts">
      <h2 id={headingId} className="small-heading">
        {t("contact.title", { group: groupName })}
      </h2>
      <ul className="contact-links">
        {contacts.phone ? (
          <li>
            <a className="button secondary" href={`tel:${contacts.phone}`}>
              {t("contact.call", { phone: contacts.phone })}
            </a>
          </li>
        ) : null}
        {contacts.lineId ? (
          <li>
            <a className="button secondary" href={lineUrl(contacts.lineId)} target="_blank" rel="noopener noreferrer">
              {t("contact.line", { id: contacts.lineId })}
            </a>
          </li>
        ) : null}
        {contacts.facebookPage ? (
          <li>
            <a className="button secondary" href={`https://www.facebook.com/${encodeURIComponent(contacts.facebookPage)}`} target="_blank" rel="noopener noreferrer">
              {t("contact.facebook")}
            </a>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
