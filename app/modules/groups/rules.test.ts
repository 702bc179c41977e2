import { describe, expect, it } from "vitest";
import { bankAccountNumber, facebookPage, foundingYear, isThaiIdNumber, lineId, promptPayId, thaiPhone } from "./rules";

describe("thaiPhone", () => {
  it("takes mobiles and landlines in the formats people copy them in", () => {
    expect(thaiPhone("081-234-5678")).toBe("0812345678");
    expect(thaiPhone("+66 81 234 5678")).toBe("0812345678");
    expect(thaiPhone("66812345678")).toBe("0812345678");
    expect(thaiPhone("043 123 456")).toBe("043123456");
    expect(thaiPhone("02-123-4567")).toBe("021234567");
  });
  it("refuses what is not a Thai number", () => {
    for (const bad of ["12345", "0812345", "08123456789", "01 234 5678", "call me", "0812345678x", ""]) expect(thaiPhone(bad)).toBeNull();
  });
});

describe("promptPayId", () => {
  it("knows a mobile, a national id with a valid check digit, and an e-wallet", () => {
    expect(promptPayId("081-234-5678")).toEqual({ id: "0812345678", kind: "mobile" });
    expect(promptPayId("1-1017-00203-45-0")).toEqual({ id: "1101700203450", kind: "nationalId" });
    expect(promptPayId("3100101234566")).toEqual({ id: "3100101234566", kind: "nationalId" });
    expect(promptPayId("004999012345678")).toEqual({ id: "004999012345678", kind: "eWallet" });
  });
  it("refuses a national id whose check digit is wrong, and other lengths", () => {
    expect(isThaiIdNumber("1101700203451")).toBe(false);
    expect(promptPayId("1101700203451")).toBeNull();
    expect(promptPayId("043123456")).toBeNull(); // a landline cannot receive PromptPay
    expect(promptPayId("12345678901")).toBeNull();
    expect(promptPayId("abc")).toBeNull();
  });
});

describe("bankAccountNumber", () => {
  it("takes the account length of the chosen bank", () => {
    expect(bankAccountNumber("004", "123-4-56789-0")).toBe("1234567890");
    expect(bankAccountNumber("034", "0123 4567 8901")).toBe("012345678901");
  });
  it("refuses another length, letters and unknown banks", () => {
    expect(bankAccountNumber("004", "012345678901")).toBeNull();
    expect(bankAccountNumber("034", "1234567890")).toBeNull();
    expect(bankAccountNumber("004", "12345678ab")).toBeNull();
    expect(bankAccountNumber("999", "1234567890")).toBeNull();
  });
});

describe("foundingYear", () => {
  const now = new Date("2026-11-28T00:00:00Z");
  it("takes CE and Buddhist-era years", () => {
    expect(foundingYear(2003, now)).toBe(2003);
    expect(foundingYear(2546, now)).toBe(2003);
    expect(foundingYear(2026, now)).toBe(2026);
  });
  it("refuses the future, the distant past and fractions", () => {
    expect(foundingYear(2027, now)).toBeNull();
    expect(foundingYear(2571, now)).toBeNull();
    expect(foundingYear(1850, now)).toBeNull();
    expect(foundingYear(2003.5, now)).toBeNull();
  });
});

describe("contacts", () => {
  it("keeps a LINE id and a Facebook page's name", () => {
    expect(lineId("@banthon")).toBe("@banthon");
    expect(lineId("a b")).toBeNull();
    expect(facebookPage("https://www.facebook.com/ban.thon.krajood/?ref=x")).toBe("ban.thon.krajood");
    expect(facebookPage("กลุ่มทอผ้าบ้านโนน")).toBe("กลุ่มทอผ้าบ้านโนน");
    expect(facebookPage("javascript:alert(1)")).toBeNull();
  });
});
