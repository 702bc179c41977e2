/**
 * The picture of a PromptPay payment QR: an SVG to show on the order page (sharp at any size,
 * small to send) and a PNG a buyer saves to open in a banking app on the same phone ("pay from
 * gallery"), which reads PNG and JPEG but not SVG. Error correction M, as Thai banks print theirs.
 */
import QRCode from "qrcode";
import { promptPayPayload } from "./promptpay";

export interface PromptPayQr {
  payload: string;
  svg: string;
  pngDataUrl: string;
}

export async function promptPayQr(promptPayId: string, amountSatang: number): Promise<PromptPayQr> {
  const payload = promptPayPayload(promptPayId, amountSatang);
  const options = { errorCorrectionLevel: "M" as const, margin: 2 };
  const [svg, pngDataUrl] = await Promise.all([QRCode.toString(payload, { ...options, type: "svg" }), QRCode.toDataURL(payload, { ...options, width: 480 })]);
  return { payload, svg, pngDataUrl };
}

/** A group order's PromptPay payment still waiting for the buyer's transfer, with its QR. */
export interface PromptPayToPay {
  groupOrderId: string;
  paymentId: string;
  amountSatang: number;
  qr: PromptPayQr;
}

/**
 * The QR codes a buyer still has to pay: one per group order whose PromptPay payment waits for a
 * transfer (none once a slip is in, the money confirmed, or the order closed).
 */
export async function promptPayCodes(order: {
  status: string;
  groupOrders: readonly { id: string; group: { promptPayId: string | null }; payments: readonly { id: string; provider: string; status: string; amountSatang: number }[] }[];
}): Promise<PromptPayToPay[]> {
  if (order.status !== "PENDING_PAYMENT" && order.status !== "PAID") return [];
  const codes: PromptPayToPay[] = [];
  for (const groupOrder of order.groupOrders) {
    const payment = groupOrder.payments.find((candidate) => candidate.provider === "PROMPTPAY_DIRECT" && candidate.status === "PENDING");
    if (!payment || !groupOrder.group.promptPayId) continue;
    codes.push({ groupOrderId: groupOrder.id, paymentId: payment.id, amountSatang: payment.amountSatang, qr: await promptPayQr(groupOrder.group.promptPayId, payment.amountSatang) });
  }
  return codes;
}
