import { describe, expect, it } from "vitest";
import { isThaiMobile, normaliseThaiPhone, thaiPhoneSchema } from "./phone";

describe("normaliseThaiPhone", () => {
  it("keeps digits only, whatever the spacing, dashes, dots or brackets", () => {
    expect(normaliseThaiPhone("081 234 5678")).toBe("0812345678");
    expect(normaliseThaiPhone("081-234-5678")).toBe("0812345678");
    expect(normaliseThaiPhone(" 09.1234.5678 ")).toBe("0912345678");
    expect(normaliseThaiPhone("(02) 123 4567")).toBe("021234567");
    expect(normaliseThaiPhone("053-123-456")).toBe("053123456");
  });

  it("turns +66 into the leading 0, also when the 0 was kept", () => {
    expect(normaliseThaiPhone("+66 81 234 5678")).toBe("0812345678");
    expect(normaliseThaiPhone("+66812345678")).toBe("0812345678");
    expect(normaliseThaiPhone("+66 (0)81-234-5678")).toBe("0812345678");
    expect(normaliseThaiPhone("+66 2 123 4567")).toBe("021234567");
  });

  it("accepts mobiles on 06, 08 and 09 with 8 more digits, and landlines 0 + area 2–7 + 7 digits", () => {
    for (const good of ["0612345678", "0812345678", "0912345678", "021234567", "074123456"]) expect(normaliseThaiPhone(good)).toBe(good);
    expect(isThaiMobile("0812345678")).toBe(true);
    expect(isThaiMobile("021234567")).toBe(false);
  });

  it("refuses anything else", () => {
    for (const bad of ["", "0812345", "08123456789", "0712345678", "0512345678", "812345678", "+1 212 555 0100", "08l2345678", "081234567", "+66", "66812345678"]) {
      expect(normaliseThaiPhone(bad), bad).toBeNull();
    }
  });

  it("is the schema forms use, with dictionary keys as errors", () => {
    expect(thaiPhoneSchema.parse("+66 81 234 5678")).toBe("0812345678");
    expect(thaiPhoneSchema.safeParse("12345").error?.issues[0].message).toBe("address.errors.phone");
    expect(thaiPhoneSchema.safeParse("  ").error?.issues[0].message).toBe("errors.required");
  });
});
