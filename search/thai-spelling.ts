/**
 * Thai spelling, for forgiving the way buyers type. Two layers:
 *
 * - `foldThaiMarks`: spelling variants that are *the same word* (ำ typed as ํ+า, a tone mark typed
 *   after ำ or before its vowel, a doubled mark, เ+เ for แ). Applied to documents and queries alike,
 *   so these variants match exactly.
 * - `thaiSoundKey`: a phonetic key in the spirit of the LK82 and Udom83 Thai soundex systems
 *   (as implemented in PyThaiNLP): tone marks dropped, consonants that sound alike folded to one
 *   (ฟ/ฝ, ค/ข/ฆ, ท/ธ/ถ/ฒ, ส/ศ/ษ/ซ, น/ณ, ล/ฬ/ร …), ไ/ใ merged, cluster consonants that people
 *   drop in speech (พร→พ, ปล→ป, กร→ก, คว→ค) and silent letters (การันต์, leading ห) removed, vowel
 *   length merged. Unlike those systems it keeps every syllable (no 4-character code), because it
 *   is used to find *which indexed word* the buyer meant, not to group names loosely.
 *
 * `spellingDistance` then ranks the words sharing a key: confusions people really make cost a
 * fraction of an edit, anything else a whole one.
 */

const TONE = "\u0E48\u0E49\u0E4A\u0E4B";
/** Vowels written above or below the consonant, and the marks that sit with them. */
const INNER_VOWEL = "\u0E31\u0E34\u0E35\u0E36\u0E37\u0E38\u0E39\u0E3A\u0E47\u0E4D";
const SILENCER = "\u0E4C\u0E4E";
const COMBINING = new RegExp(`[${INNER_VOWEL}${TONE}${SILENCER}]{2,}`, "g");
const SARA_AM = "\u0E33";
/** Silent letters (การันต์): one or two consonants, maybe with ิ or ุ, under ์. */
const SILENT_LETTERS = /(?:จน|มณ|ณฑ|ทร|ตร|นทร)\u0E4C|[\u0E01-\u0E2E][\u0E34\u0E38]?\u0E4C/g;

function markRank(mark: string): number {
  if (INNER_VOWEL.includes(mark)) return 0;
  if (TONE.includes(mark)) return 1;
  return 2;
}

/**
 * Marks in the order Thai keyboards are meant to produce them (vowel, then tone, then silencer),
 * each once; ำ with its tone before it; เเ as แ. Never changes a correctly typed word.
 */
export function foldThaiMarks(text: string): string {
  if (!/[\u0E00-\u0E7F]/.test(text)) return text;
  return (
    text
      .replace(/\u0E4D([\u0E48-\u0E4B]?)\u0E32/g, `$1${SARA_AM}`)
      .replace(/\u0E33([\u0E48-\u0E4B])/g, `$1${SARA_AM}`)
      .replace(/\u0E40\u0E40/g, "\u0E41")
      .replace(COMBINING, (marks) => {
        const unique = [...new Set(marks)];
        return unique.sort((a, b) => markRank(a) - markRank(b)).join("");
      })
  );
}

/** Initial-sound classes: each letter → the letter that stands for its class. */
const CONSONANT_CLASS: Record<string, string> = {};
for (const [to, from] of [
  ["ค", "ขฃคฅฆ"],
  ["ช", "ฉชฌ"],
  ["ส", "ซศษส"],
  ["ย", "ญย"],
  ["ด", "ฎด"],
  ["ต", "ฏต"],
  ["ท", "ฐฑฒถทธ"],
  ["น", "ณน"],
  ["พ", "ผพภ"],
  ["ฟ", "ฝฟ"],
  ["ล", "รลฬฤฦ"],
  ["ห", "หฮ"],
] as const) {
  for (const letter of from) CONSONANT_CLASS[letter] = to;
}

/** Vowel length is the commonest vowel slip; the short and long forms share a key. */
const VOWEL_CLASS: Record<string, string> = { "\u0E35": "\u0E34", "\u0E37": "\u0E36", "\u0E39": "\u0E38", "\u0E45": "\u0E32" };

/** A consonant that closes a syllable sounds like one of four (Udom83 codes finals this way). */
const FINAL_CLASS: Record<string, string> = {};
for (const [to, from] of [
  ["ก", "กขฃคฅฆ"],
  ["ด", "จชซฎฏฐฑฒดตถทธศษส"],
  ["บ", "บปพฟภ"],
  ["น", "ญณนรลฬ"],
] as const) {
  for (const letter of from) FINAL_CLASS[letter] = to;
}

const CONSONANT = /[\u0E01-\u0E2E]/;
const LEADING_VOWEL = "\u0E40\u0E41\u0E42\u0E43\u0E44";
/** Consonants that take a second consonant (ร, ล, ว) in a true cluster. */
const CLUSTER_FIRST = "กขคปพผตบดทฟ";
const SONORANT_AFTER_H = "งญนมยรลว";

function isConsonant(char: string | undefined): boolean {
  return char !== undefined && CONSONANT.test(char);
}

/**
 * Whether the consonant at `i` begins a syllable: at the start, after a leading vowel, after a
 * vowel sign, or after a consonant that closes the syllable before it (one that follows a vowel).
 */
function startsSyllable(chars: string[], i: number): boolean {
  const prev = chars[i - 1];
  if (prev === undefined || LEADING_VOWEL.includes(prev)) return true;
  if (!isConsonant(prev)) return true;
  const before = chars[i - 2];
  return before !== undefined && !isConsonant(before) && !LEADING_VOWEL.includes(before);
}

function dropClusters(chars: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const clusterSecond =
      (char === "ร" || char === "ล" || (char === "ว" && "กขค".includes(prev ?? "") && next !== undefined && "าัิ".includes(next))) &&
      prev !== undefined &&
      CLUSTER_FIRST.includes(prev) &&
      startsSyllable(chars, i - 1) &&
      next !== undefined &&
      next !== "ร" &&
      (isConsonant(next) || /[\u0E30-\u0E39\u0E47]/.test(next));
    if (clusterSecond) continue;
    // ร after ส/ศ/ซ is silent (ศรี, สร้าง); ทร sounds as ซ (ทราย).
    if (char === "ร" && prev !== undefined && "สศซษ".includes(prev) && startsSyllable(chars, i - 1) && next !== undefined) continue;
    // A leading ห only sets the tone of the sonorant after it (หมอน, หล่อ), อ likewise before ย
    // (อยู่); ห never closes a syllable, so before a sonorant it is always such a lead.
    if ((char === "ห" && next !== undefined && SONORANT_AFTER_H.includes(next)) || (char === "อ" && next === "ย" && i === 0)) {
      continue;
    }
    out.push(char);
  }
  return out;
}

/**
 * A consonant ending a syllable (last in the word, or followed by another consonant, and not the
 * first after a leading vowel or the start) is written as its final-sound class: ตาล and ตาน,
 * เกษ and เกด sound alike.
 */
function foldFinals(chars: string[]): string[] {
  return chars.map((char, i) => {
    const final = FINAL_CLASS[char];
    if (!final || i === 0) return char;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if (LEADING_VOWEL.includes(prev)) return char;
    return next === undefined || isConsonant(next) ? final : char;
  });
}

/**
 * The sound key of a Thai word or phrase (already normalised). Non-Thai characters pass through,
 * so a key is never empty for a non-empty word.
 */
export function thaiSoundKey(word: string): string {
  let text = foldThaiMarks(word)
    .replace(/[\u0E48-\u0E4B\u0E47\u0E3A\u0E4E\u0E46\u0E2F]/g, "")
    .replace(SILENT_LETTERS, "")
    .replace(/\u0E43/g, "\u0E44")
    .replace(/\u0E44([\u0E01-\u0E2E])ย/g, "\u0E44$1");
  text = foldFinals(dropClusters([...text])).join("");
  text = text
    .replace(/\u0E33/g, "\u0E31ม")
    .replace(/รร(?=[\u0E01-\u0E2E]|$)/g, "\u0E31น")
    .replace(/รร/g, "\u0E31");
  let key = "";
  for (const char of text) {
    if (char === "\u0E30") continue; // sara a is often left out (กะ/กระ, ตะ)
    const folded = CONSONANT_CLASS[char] ?? VOWEL_CLASS[char] ?? char;
    if (key.endsWith(folded) && isConsonant(folded)) continue;
    key += folded;
  }
  return key;
}

/** How much a slip between two characters costs, as a fraction of an edit. */
function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  if (TONE.includes(a) && TONE.includes(b)) return 0.25;
  const classA = CONSONANT_CLASS[a] ?? VOWEL_CLASS[a] ?? (a === "\u0E43" ? "\u0E44" : a);
  const classB = CONSONANT_CLASS[b] ?? VOWEL_CLASS[b] ?? (b === "\u0E43" ? "\u0E44" : b);
  if (classA === classB) return 0.25;
  // The same sound only at the end of a syllable (ตาล/ตาน): the edit distance cannot see where a
  // syllable ends, so this costs more than a true sound-alike.
  return FINAL_CLASS[a] !== undefined && FINAL_CLASS[a] === FINAL_CLASS[b] ? 0.5 : 1;
}

function indelCost(char: string): number {
  if (TONE.includes(char) || char === "\u0E30" || char === "\u0E47" || char === "\u0E4C") return 0.25;
  if (char === "ร" || char === "ล" || char === "ว" || char === "ห") return 0.5;
  return 1;
}

/**
 * Weighted edit distance between what was typed and a known word: a dropped tone mark, a same-
 * sound consonant or ไ for ใ cost a quarter, a dropped cluster letter half, anything else one.
 */
export function spellingDistance(typed: string, known: string): number {
  const typedSounded = withoutSilentLetters(typed);
  const knownSounded = withoutSilentLetters(known);
  const silentSlip = typedSounded !== typed || knownSounded !== known ? (typed === known ? 0 : 0.25) : 0;
  return Math.min(editCost([...typed], [...known]), editCost([...typedSounded], [...knownSounded]) + silentSlip);
}

function withoutSilentLetters(word: string): string {
  return word.replace(SILENT_LETTERS, "");
}

function editCost(a: string[], b: string[]): number {
  let previous = new Float64Array(b.length + 1);
  let current = new Float64Array(b.length + 1);
  for (let j = 1; j <= b.length; j++) previous[j] = previous[j - 1] + indelCost(b[j - 1]);
  for (let i = 1; i <= a.length; i++) {
    current[0] = previous[0] + indelCost(a[i - 1]);
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + indelCost(a[i - 1]),
        current[j - 1] + indelCost(b[j - 1]),
        previous[j - 1] + substitutionCost(a[i - 1], b[j - 1]),
      );
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
