/**
 * A buyer's account page (/account): their details (name, phone, the language of the store's
 * emails), saved delivery addresses, a link to their orders, and a password change. New buyers
 * land here after signing up (?welcome=1). Each form posts an `intent`, parsed by one schema per
 * intent; addresses are checked against the Thai address dataset on the server.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AddressFields, type AddressFieldsMeta } from "~/components/address-fields";
import { CsrfInput, Field } from "~/components/forms";
import { config } from "~/config.server";
import { formatWait } from "~/i18n/format";
import { href, translator } from "~/i18n/i18n";
import { pick } from "~/i18n/localized";
import { langOfPath, useT } from "~/i18n/use-lang";
import { InvalidCredentialsError, TooManyAttemptsError } from "~/modules/accounts/errors";
import { accountOf, changePassword, updateProfile } from "~/modules/accounts/profile.server";
import { displayName, newPassword } from "~/modules/accounts/schemas";
import { MAX_SAVED_ADDRESSES, addressFieldNames, addressShape } from "~/modules/addresses/address";
import { formatThaiAddress, thaiAddressSchema } from "~/modules/addresses/address.server";
import { normaliseThaiPhone } from "~/modules/addresses/phone";
import { NoSuchAddressError, TooManyAddressesError, makeDefaultAddress, removeAddress, saveAddress } from "~/modules/addresses/saved.server";
import { readForm } from "~/web/body.server";
import { requireCsrf } from "~/web/csrf.server";
import { requireUser } from "~/web/guards.server";
import type { FormReply } from "~/web/intent.server";
import { requireLang } from "~/web/lang.server";
import { sessionIdFrom } from "~/web/session.server";
import { workStyles } from "~/web/work-styles";

export const links = workStyles;

const optionalPhone = z
  .string()
  .max(40, "address.errors.phone")
  .optional()
  .transform((typed, context) => {
    if (!typed?.trim()) return null;
    const digits = normaliseThaiPhone(typed);
    if (digits === null) {
      context.addIssue({ code: "custom", message: "address.errors.phone" });
      return z.NEVER;
    }
    return digits;
  });
const addressId = z.string({ message: "errors.required" }).min(1).max(40);

/** Every intent this page's forms post, one schema each. */
export const accountIntents = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("profile"), name: displayName, phone: optionalPhone, locale: z.enum(["th", "en"], { message: "errors.required" }) }),
  z.object({ intent: z.literal("password"), currentPassword: z.string({ message: "errors.required" }).min(1, "errors.required").max(128, "errors.passwordTooLong"), newPassword }),
  z.object({ intent: z.literal("add-address"), ...addressShape, makeDefault: z.literal("on").optional() }),
  z.object({ intent: z.literal("remove-address"), addressId }),
  z.object({ intent: z.literal("default-address"), addressId }),
]);

type Done = "profileSaved" | "passwordChanged" | "addressSaved" | "addressRemoved" | "defaultChanged";
type Answer = FormReply & { done?: Done; waitSeconds?: number };

export async function loader({ request, params }: LoaderFunctionArgs) {
  requireLang(params);
  const user = await requireUser(request);
  const account = await accountOf(user.id);
  return { account: { ...account, addresses: account.addresses.map((address) => ({ ...address, formatted: formatThaiAddress(address) })) } };
}

const formIdOf = (form: FormData) => {
  const intent = form.get("intent");
  return typeof intent === "string" && ["profile", "password", "add-address"].includes(intent) ? intent : "addresses";
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = requireLang(params);
  const user = await requireUser(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const formId = formIdOf(form);
  const submission = parseWithZod(form, { schema: accountIntents });
  // Passwords never travel back to the page.
  const hideFields = ["currentPassword", "newPassword", "csrf"];
  if (submission.status !== "success") return data<Answer>({ formId, result: submission.reply({ hideFields }) }, { status: 400 });
  const value = submission.value;
  const ok = (done: Done) => data<Answer>({ formId, result: submission.reply({ resetForm: true, hideFields }), done });
  const fieldError = (field: string, message: string, status = 400) =>
    data<Answer>({ formId, result: submission.reply({ fieldErrors: { [field]: [message] }, hideFields }) }, { status });
  try {
    switch (value.intent) {
      case "profile":
        await updateProfile({ userId: user.id, name: value.name, phone: value.phone, locale: value.locale });
        // The page follows the language chosen for emails, so the buyer sees the choice take effect.
        if (value.locale !== lang) return redirect(href(value.locale, "/account"), 303);
        return ok("profileSaved");
      case "password": {
        const { LOGIN_MAX_ATTEMPTS, LOGIN_WINDOW_MINUTES, LOGIN_MAX_ATTEMPTS_PER_ADDRESS } = config();
        await changePassword({
          userId: user.id,
          currentPassword: value.currentPassword,
          newPassword: value.newPassword,
          keepSessionId: await sessionIdFrom(request),
          clientAddress: context.clientAddress ?? "unknown",
          limit: { maxAttempts: LOGIN_MAX_ATTEMPTS, windowMinutes: LOGIN_WINDOW_MINUTES, maxPerAddress: LOGIN_MAX_ATTEMPTS_PER_ADDRESS },
        });
        return ok("passwordChanged");
      }
      case "add-address": {
        const fields = Object.fromEntries(addressFieldNames.map((name) => [name, value[name]]));
        const checked = await thaiAddressSchema.safeParseAsync(fields);
        if (!checked.success) {
          const fieldErrors: Record<string, string[]> = {};
          for (const issue of checked.error.issues) fieldErrors[String(issue.path[0])] ??= [issue.message];
          return data<Answer>({ formId, result: submission.reply({ fieldErrors }) }, { status: 400 });
        }
        await saveAddress({ userId: user.id, address: checked.data, makeDefault: value.makeDefault === "on" });
        return ok("addressSaved");
      }
      case "remove-address":
        await removeAddress({ userId: user.id, addressId: value.addressId });
        return ok("addressRemoved");
      case "default-address":
        await makeDefaultAddress({ userId: user.id, addressId: value.addressId });
        return ok("defaultChanged");
    }
  } catch (error) {
    if (error instanceof InvalidCredentialsError) return fieldError("currentPassword", "account.wrongPassword", 401);
    if (error instanceof TooManyAttemptsError) {
      return data<Answer>(
        { formId, result: submission.reply({ hideFields }), waitSeconds: error.retryAfterSeconds },
        { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } },
      );
    }
    if (error instanceof TooManyAddressesError) return data<Answer>({ formId, result: submission.reply({ formErrors: ["account.tooManyAddresses"] }) }, { status: 400 });
    if (error instanceof NoSuchAddressError) throw new Response("No such address in this account", { status: 404 });
    throw error;
  }
}

export const meta: MetaFunction = ({ location }) => {
  const t = translator(langOfPath(location.pathname));
  return [{ title: `${t("account.title")} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};

export default function Account() {
  const { account } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const { t, lang } = useT();
  const welcome = useSearchParams()[0].get("welcome") === "1";
  const resultOf = (formId: string) => (answer?.formId === formId ? answer.result : undefined);
  const errorOf = (formId: string, name: string) => resultOf(formId)?.error?.[name]?.[0];
  const typed = (formId: string, name: string) => {
    const value = resultOf(formId)?.initialValue?.[name];
    return typeof value === "string" ? value : undefined;
  };
  const addResult = resultOf("add-address");
  const addressMeta = Object.fromEntries(
    addressFieldNames.map((name) => [
      name,
      {
        id: `add-address-${name}`,
        name,
        errorId: `add-address-${name}-error`,
        initialValue: answer?.done ? undefined : addResult?.initialValue?.[name],
        errors: addResult?.error?.[name] ?? undefined,
      },
    ]),
  ) as AddressFieldsMeta;
  const notice = answer?.done ? (
    <p className="notice" role="status">
      {t(`account.${answer.done}`)}
    </p>
  ) : null;
  return (
    <section className="page narrow stack account-page" aria-labelledby="account-title">
      {welcome ? (
        <div className="notice-box" role="status">
          <h2>{t("account.welcomeTitle", { name: account.name })}</h2>
          <p>{t("account.welcomeText")}</p>
          <p>
            <Link to={href(lang, "/")}>{t("account.welcomeBrowse")}</Link>
          </p>
        </div>
      ) : null}
      <h1 id="account-title">{t("account.title")}</h1>

      <section className="panel stack" aria-labelledby="account-orders">
        <h2 id="account-orders">{t("account.orders")}</h2>
        <p>
          <Link to={href(lang, "/orders")}>{t("account.ordersText")}</Link>
        </p>
      </section>

      <section className="panel stack" aria-labelledby="account-profile">
        <h2 id="account-profile">{t("account.profile")}</h2>
        {answer?.formId === "profile" ? notice : null}
        <Form method="post" noValidate className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="profile" />
          <p className="long-words">
            {t("account.email")}: <strong>{account.email}</strong>
          </p>
          <Field label={t("account.name")} name="name" autoComplete="name" required defaultValue={typed("profile", "name") ?? account.name} error={errorOf("profile", "name")} />
          <Field
            label={t("account.phone")}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            hint={t("account.phoneHint")}
            defaultValue={typed("profile", "phone") ?? account.phone ?? ""}
            error={errorOf("profile", "phone")}
          />
          <div className="field">
            <label htmlFor="account-locale">{t("account.language")}</label>
            <select id="account-locale" name="locale" defaultValue={account.locale}>
              <option value="th">{t("account.languages.th")}</option>
              <option value="en">{t("account.languages.en")}</option>
            </select>
          </div>
          <button type="submit" className="button">
            {t("account.saveProfile")}
          </button>
        </Form>
      </section>

      <section className="panel stack" aria-labelledby="account-addresses">
        <h2 id="account-addresses">{t("account.addresses")}</h2>
        {answer?.formId === "addresses" || answer?.formId === "add-address" ? notice : null}
        {account.addresses.length === 0 ? <p>{t("account.noAddresses")}</p> : null}
        <ul className="stack saved-addresses">
          {account.addresses.map((address) => (
            <li key={address.id} className="stack tight">
              <p>
                <strong>{address.recipientName}</strong> · {address.phone}
                <br />
                {address.formatted}
              </p>
              {address.isDefault ? <p className="badge">{t("account.defaultAddress")}</p> : null}
              <div className="inline-form">
                {!address.isDefault ? <AddressButton intent="default-address" addressId={address.id} label={t("account.makeDefault")} /> : null}
                <AddressButton intent="remove-address" addressId={address.id} label={t("account.removeAddress")} describedBy={address.recipientName} />
              </div>
            </li>
          ))}
        </ul>
        {account.addresses.length < MAX_SAVED_ADDRESSES ? (
          <details open={addResult?.status === "error" || account.addresses.length === 0 || undefined}>
            <summary>{t("account.addAddress")}</summary>
            <Form method="post" noValidate className="stack" id="add-address">
              <CsrfInput />
              <input type="hidden" name="intent" value="add-address" />
              {addResult?.error?.[""]?.[0] ? (
                <p className="form-error" role="alert">
                  {t(addResult.error[""][0], { max: MAX_SAVED_ADDRESSES })}
                </p>
              ) : null}
              <AddressFields key={answer?.done ?? "form"} fields={addressMeta} legend={t("account.addAddress")} />
              <label className="checkbox">
                <input type="checkbox" name="makeDefault" /> {t("account.makeDefault")}
              </label>
              <button type="submit" className="button">
                {t("account.saveAddress")}
              </button>
            </Form>
          </details>
        ) : (
          <p>{t("account.tooManyAddresses", { max: MAX_SAVED_ADDRESSES })}</p>
        )}
      </section>

      {account.follows.length > 0 ? (
        <section className="panel stack" aria-labelledby="account-following">
          <h2 id="account-following">{t("account.following")}</h2>
          <ul>
            {account.follows.map(({ group }) => (
              <li key={group.slug}>
                <Link to={href(lang, `/groups/${group.slug}`)}>{pick(lang, group.nameTh, group.nameEn)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="panel stack" aria-labelledby="account-password">
        <h2 id="account-password">{t("account.password")}</h2>
        {answer?.formId === "password" ? notice : null}
        {answer?.formId === "password" && answer.waitSeconds ? (
          <p className="form-error" role="alert">
            {t("errors.tooManyAttempts", { wait: formatWait(answer.waitSeconds, lang) })}
          </p>
        ) : null}
        <Form method="post" noValidate className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="password" />
          <Field label={t("account.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" required error={errorOf("password", "currentPassword")} />
          <Field
            label={t("account.newPassword")}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            hint={t("auth.passwordHint")}
            error={errorOf("password", "newPassword")}
          />
          <button type="submit" className="button">
            {t("account.changePassword")}
          </button>
        </Form>
      </section>
    </section>
  );
}

function AddressButton({ intent, addressId, label, describedBy }: { intent: string; addressId: string; label: string; describedBy?: string }) {
  return (
    <Form method="post" className="inline-form">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="addressId" value={addressId} />
      <button type="submit" className="button small secondary" aria-label={describedBy ? `${label}: ${describedBy}` : undefined}>
        {label}
      </button>
    </Form>
  );
}
