/** What social-enterprise staff see of groups: all of them, whatever their status. */
import { db } from "~/db/client.server";

export function groupsForStaff() {
  return db().occupationGroup.findMany({
    orderBy: [{ verificationStatus: "asc" }, { nameTh: "asc" }],
    select: {
      slug: true,
      nameTh: true,
      nameEn: true,
      verificationStatus: true,
      province: { select: { nameTh: true, nameEn: true } },
    },
  });
}
