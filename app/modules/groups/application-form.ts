/**
 * The group application's forms, one zod schema per step, shared by the browser (conform checks
 * before posting) and the server (the same schema parses the post). Messages are dictionary
 * keys under `apply.errors`. The profile page reuses the contact and payout schemas, so a
 * verified group's later changes are held to the same rules as its application.
 */
import { z } from "zod";
import { MEMBERS_MAX, bankAccountNumber, bankOf, facebookPage, foundingYear, lineId, promptPayId, thaiPhone } from "./rules";

export const committeeRoles = ["CHAIR", "VICE_CHAIR", "TREASURER", "SECRETARY", "MARKETING", "PRODUCTION", "AUDITOR", "OTHER"] as const;
export const COMMITTEE_MAX = 15;

const text = (max: number, message = "apply.errors.tooLong") => z.string().trim().max(max, message);
const required = (max: number) => text(max).min(1, "apply.errors.required");
const optional = (max: number) => text(max).optional();

export const namesFields = {
  nameTh: required(120),
  nameEn: optional(120),
};

export const storyFields = {
  storyTh: text(5000).optional(),
  storyEn: text(5000).optional(),
};

export const placeFields = {
  village: required(120),
  villageEn: optional(120),
  province: required(100),
  district: required(100),
  subdistrict: required(100),
};

export const peopleFields = {
  foundedYear: z.coerce
    .number({ message: "apply.errors.year" })
    .transform((value, context) => {
      const year = foundingYear(value);
      if (year === null) context.addIssue({ code: "custom", message: "apply.errors.year" });
      return year ?? 0;
    }),
  memberCount: z.coerce.number({ message: "apply.errors.members" }).int("apply.errors.members").min(1, "apply.errors.members").max(MEMBERS_MAX, "apply.errors.members"),
  communitySage: required(120),
  committee: z
    .array(z.object({ role: z.enum(committeeRoles, { message: "apply.errors.required" }), name: optional(120) }))
    .max(COMMITTEE_MAX)
    .optional()
    .transform((rows) => (rows ?? []).filter((row): row is { role: (typeof committeeRoles)[number]; name: string } => Boolean(row.name))),
};

const phoneField = z
  .string({ message: "apply.errors.required" })
  .trim()
  .transform((value, context) => {
    const phone = thaiPhone(value);
    if (!phone) context.addIssue({ code: "custom", message: "apply.errors.phone" });
    return phone ?? "";
  });

export const contactFields = {
  phone: phoneField,
  lineId: z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      const id = lineId(value);
      if (!id) context.addIssue({ code: "custom", message: "apply.errors.lineId" });
      return id;
    }),
  facebookPage: z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      const page = facebookPage(value);
      if (!page) context.addIssue({ code: "custom", message: "apply.errors.facebook" });
      return page;
    }),
};

/**
 * Where the group is paid: a PromptPay id, a bank account, or both. A bank account needs its
 * bank, a number of that bank's length, and the account's name. (A refinement, not a transform,
 * so the object stays an object for the intent unions; the payouts module normalises again.)
 */
export const payoutFields = {
  promptPayId: z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      const id = promptPayId(value)?.id ?? null;
      if (!id) context.addIssue({ code: "custom", message: "apply.errors.promptPay" });
      return id;
    }),
  bankCode: z.string().trim().optional(),
  accountNo: z.string().trim().optional(),
  accountName: optional(120),
};

type PayoutInput = { promptPayId: string | null; bankCode?: string; accountNo?: string; accountName?: string };

/** The cross-field rules of payout details, for `.superRefine` on any object holding payoutFields. */
export function checkPayout(value: PayoutInput, context: z.RefinementCtx) {
  if (value.bankCode || value.accountNo || value.accountName) {
    const bank = value.bankCode ? bankOf(value.bankCode) : undefined;
    if (!bank) context.addIssue({ code: "custom", path: ["bankCode"], message: "apply.errors.bank" });
    else if (!bankAccountNumber(bank.code, value.accountNo ?? "")) {
      context.addIssue({ code: "custom", path: ["accountNo"], message: bank.digits === 12 ? "apply.errors.accountNo12" : "apply.errors.accountNo10" });
    }
    if (!value.accountName) context.addIssue({ code: "custom", path: ["accountName"], message: "apply.errors.required" });
  } else if (!value.promptPayId) {
    context.addIssue({ code: "custom", path: ["promptPayId"], message: "apply.errors.payoutNeeded" });
  }
}

const documentId = z.string({ message: "apply.errors.required" }).min(1).max(40);

/**
 * The intents that write what a group says about itself, shared by the application page and the
 * profile page (each builds its own discriminated union from these and its other intents).
 */
export const detailsIntents = {
  names: z.object({ intent: z.literal("save-names"), ...namesFields, ...storyFields }),
  place: z.object({ intent: z.literal("save-place"), ...placeFields }),
  /** Without JavaScript: come back with the next address list filled, saving nothing. */
  pickPlace: z.object({
    intent: z.literal("pick-place"),
    village: optional(120),
    villageEn: optional(120),
    province: optional(100),
    district: optional(100),
  }),
  people: z.object({ intent: z.literal("save-people"), ...peopleFields }),
  contacts: z.object({ intent: z.literal("save-contacts"), ...contactFields }),
  payout: z.object({ intent: z.literal("save-payout"), ...payoutFields }).superRefine(checkPayout),
  removeDocument: z.object({ intent: z.literal("remove-document"), documentId }),
};

export const documentUploadSchema = z.object({
  intent: z.literal("add-document"),
  kind: z.enum(["COMMUNITY_ENTERPRISE", "OTOP", "TCPS", "FDA", "GI", "ORGANIC", "OTHER"], { message: "apply.errors.required" }),
});

/** The message for a payout field the payouts module refused (its own check, after the form's). */
export const payoutMessages = {
  promptPayId: "apply.errors.promptPay",
  bankCode: "apply.errors.bank",
  accountNo: "apply.errors.accountNo10",
  accountName: "apply.errors.required",
} as const;

/** Statuses in which the profile page (not the application) is where the group changes itself. */
export const profileStatuses: ReadonlySet<string> = new Set(["VERIFIED", "SUSPENDED"]);
