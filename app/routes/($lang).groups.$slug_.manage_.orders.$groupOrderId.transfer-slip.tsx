/**
 * The transfer slip a buyer attached to one of the group's orders, as an image, for the group's
 * members to check beside the order before confirming the money. Slips are private (a name, a
 * bank, an account's last digits): never cached by anything shared, never shown outside the group.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { transferSlipOfGroupOrder } from "~/modules/payments/slips.server";
import { requireWorkspace } from "~/web/guards.server";
import { notFound } from "~/web/http.server";
import { idParam } from "~/web/params";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group } = await requireWorkspace(request, params, "MEMBER");
  const id = idParam(params.groupOrderId);
  if (!id) throw notFound("No such order");
  const image = await transferSlipOfGroupOrder(group.id, id);
  if (!image) throw notFound("No slip");
  return new Response(new Uint8Array(image), {
    headers: { "Content-Type": "image/webp", "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" },
  });
}
