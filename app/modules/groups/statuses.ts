/** A group's verification statuses, in the order the staff console lists them: from applying to selling, then suspension. */
import type { VerificationStatus } from "~/generated/prisma/enums";

export const verificationStatuses = ["DRAFT", "PENDING", "RETURNED", "VERIFIED", "SUSPENDED"] as const satisfies readonly VerificationStatus[];
