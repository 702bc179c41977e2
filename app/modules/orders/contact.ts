/**
 * A buyer's contact details as the store keeps them: phone numbers as ten (or nine, for a
 * landline) digits starting with 0, whatever the buyer typed ("081-234-5678", "+66 81 234 5678").
 * TEMPORARY home: the shipping/addresses module being written beside this owns Thai phone
 * validation; this moves there when it lands.
 */
export function normalisePhone(input: string): string | null {
  let digits = input.replace(/[\s\-().]/g, "");
  if (digits.startsWith("+66")) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith("66") && digits.length === 11) digits = `0${digits.slice(2)}`;
  if (/^0[689]\d{8}$/.test(digits)) return digits; // mobile
  if (/^0[2-7]\d{7}$/.test(digits)) return digits; // landline
  return null;
}
