/**
 * PromptPay payloads against the vectors promptparse's authors publish (maythiwat/promptparse,
 * src/index.test.ts), compared by parsed tags (29 the receiving id, 54 the amount, 63 the
 * checksum) rather than by raw string, so a harmless reordering of other tags would not fail them
 * while a wrong id, amount or checksum does.
 */
import { describe, expect, it } from "vitest";
import { promptPayPayload, promptPayTarget, readPromptPayPayload, readSlipPayload } from "./promptpay";

describe("PromptPay payment payloads", () => {
  it("pays a mobile number the exact amount (the authors' 30-baht vector)", () => {
    const published = readPromptPayPayload("00020101021229370016A0000006770101110113006681222333353037645802TH540530.0063043CAD");
    const ours = readPromptPayPayload(promptPayPayload("081-222-3333", 3_000));
    expect(published).toEqual({ id: "0066812223333", amount: "30.00", crc: "3CAD", crcValid: true });
    expect(ours).toEqual(published);
  });

  it("keeps satang to two decimals (the authors' 20.15 vector)", () => {
    const published = readPromptPayPayload("00020101021229370016A0000006770101110113006680111111153037645802TH540520.15630442BE");
    expect(published).toMatchObject({ id: "0066801111111", amount: "20.15", crc: "42BE", crcValid: true });
    expect(readPromptPayPayload(promptPayPayload("0801111111", 2_015))).toEqual(published);
  });

  it("notices a wrong checksum", () => {
    expect(readPromptPayPayload("00020101021229370016A0000006770101110113006680111111153037645802TH540520.156304FFFF")?.crcValid).toBe(false);
  });

  it("reads national/tax ids and e-wallet ids, and refuses anything else", () => {
    expect(promptPayTarget("1-1017-00230-70-8")).toEqual({ type: "NATID", target: "1101700230708" });
    expect(promptPayTarget("+66812223333")).toEqual({ type: "MSISDN", target: "0812223333" });
    expect(promptPayTarget("123456789012345")).toEqual({ type: "EWALLETID", target: "123456789012345" });
    expect(promptPayTarget("12345")).toBeNull();
    expect(readPromptPayPayload(promptPayPayload("1101700230708", 100))).toMatchObject({ id: "1101700230708", amount: "1.00", crcValid: true });
    expect(() => promptPayPayload("0812223333", 0)).toThrow(RangeError);
    expect(() => promptPayPayload("0812223333", 10.5)).toThrow(RangeError);
  });
});

describe("transfer slip mini-QR", () => {
  it("reads the sending bank and reference (the authors' vector)", () => {
    expect(readSlipPayload("004100060000010103014022000111222233344ABCD125102TH910417DF")).toEqual({ sendingBank: "014", transRef: "00111222233344ABCD12" });
    expect(readSlipPayload("004000060000010103002021900021231231212000115102TH91049C30")).toEqual({ sendingBank: "002", transRef: "0002123123121200011" });
  });

  it("is not fooled by a payment QR", () => {
    expect(readSlipPayload("00020101021229370016A0000006770101110113006680111111153037645802TH540520.15630442BE")).toBeNull();
  });
});
