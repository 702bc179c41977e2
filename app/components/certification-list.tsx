/** Certification badges with what each one means for a buyer (product and group pages). */
import { pick } from "~/i18n/localized";
import { useT } from "~/i18n/use-lang";

export interface CertificationData {
  slug: string;
  nameTh: string;
  nameEn: string;
  meaningTh: string | null;
  meaningEn: string | null;
}

export function CertificationList({ certifications }: { certifications: { certification: CertificationData }[] }) {
  const { lang } = useT();
  return (
    <dl className="cert-list">
      {certifications.map(({ certification }) => (
        <div key={certification.slug}>
          <dt>
            <span className="badge">{pick(lang, certification.nameTh, certification.nameEn)}</span>
          </dt>
          <dd>{pick(lang, certification.meaningTh ?? "", certification.meaningEn)}</dd>
        </div>
      ))}
    </dl>
  );
}
