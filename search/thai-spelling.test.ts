import { describe, expect, it } from "vitest";
import { foldThaiMarks, spellingDistance, thaiSoundKey } from "./thai-spelling.ts";

describe("foldThaiMarks", () => {
  it("writes the same word one way however its marks were typed", () => {
    expect(foldThaiMarks("น\u0E49\u0E4D\u0E32")).toBe("น้ำ"); // ำ as nikhahit + sara aa
    expect(foldThaiMarks("นำ้")).toBe("น้ำ"); // tone mark typed after ำ
    expect(foldThaiMarks("ผึ้้ง")).toBe("ผึ้ง"); // doubled tone mark
    expect(foldThaiMarks("ผ้ึง")).toBe("ผึ้ง"); // tone mark before the vowel
    expect(foldThaiMarks("เเมว")).toBe("แมว"); // เ typed twice for แ
  });

  it("leaves correctly typed words and other scripts alone", () => {
    for (const word of ["น้ำพริก", "ผ้าไหมมัดหมี่", "ไข่เค็ม", "ข้าวไรซ์เบอร์รี่", "silk", ""]) expect(foldThaiMarks(word)).toBe(word);
  });
});

describe("thaiSoundKey", () => {
  it.each([
    ["น้ำพิก", "น้ำพริก", "dropped ร of a cluster"],
    ["ปาร้า", "ปลาร้า", "dropped ล of a cluster"],
    ["กะเป๋า", "กระเป๋า", "dropped ร after กะ"],
    ["คาม", "ความ", "dropped ว of a cluster"],
    ["ผ้าใหม", "ผ้าไหม", "ใ for ไ"],
    ["ไขเค็ม", "ไข่เค็ม", "missing tone mark"],
    ["กาแฝ", "กาแฟ", "ฝ for ฟ"],
    ["ธุเรียน", "ทุเรียน", "ธ for ท"],
    ["ซบู่", "สบู่", "ซ for ส"],
    ["คมิ้น", "ขมิ้น", "ค for ข"],
    ["ทูเรียน", "ทุเรียน", "long for short vowel"],
    ["ยาหมอง", "ยาหม่อง", "missing tone mark after a leading ห"],
    ["ไรเบอรี่", "ไรซ์เบอร์รี่", "silent letters (การันต์) left out"],
    ["น้ำตาน", "น้ำตาล", "ล and น closing a syllable"],
    ["สีสะเกด", "ศรีสะเกษ", "silent ร after ศ, ษ and ด closing a syllable"],
  ])("%s sounds like %s (%s)", (typed, meant) => {
    expect(thaiSoundKey(typed)).toBe(thaiSoundKey(meant));
  });

  // Tones are dropped on purpose (a missing tone mark is the commonest slip), so ข้าว and ขาว do
  // share a key; the candidates sharing one are ranked by spellingDistance and frequency.
  it("keeps apart words that sound different", () => {
    for (const [a, b] of [
      ["ไหม", "หมา"],
      ["ข้าว", "เข้า"],
      ["กาแฟ", "กาว"],
      ["ผ้า", "ปลา"],
      ["เสื่อ", "เสื้อผ้า"],
    ]) {
      expect(thaiSoundKey(a), `${a} / ${b}`).not.toBe(thaiSoundKey(b));
    }
  });

  it("passes other scripts through, so a key is never empty for a word", () => {
    expect(thaiSoundKey("silk")).toBe("silk");
    expect(thaiSoundKey("")).toBe("");
  });
});

describe("spellingDistance", () => {
  it("charges less for the slips people make than for other edits", () => {
    expect(spellingDistance("ไขเค็ม", "ไข่เค็ม")).toBeLessThan(0.5);
    expect(spellingDistance("ผ้าใหม", "ผ้าไหม")).toBeLessThan(0.5);
    expect(spellingDistance("น้ำพิก", "น้ำพริก")).toBeLessThan(1);
    expect(spellingDistance("ผ้า", "ผ้า")).toBe(0);
    expect(spellingDistance("ไหม", "หมา")).toBeGreaterThanOrEqual(1);
  });
});
