/**
 * Which orders a guest may open without signing in: the ones they placed in this browser, or
 * unlocked with the order's email or phone. A signed cookie lists their codes (the last 20).
 */
import { createCookie } from "@remix-run/node";
import { cookiePerScheme } from "./cookie-security.server";
import { sessionSecret } from "./secrets.server";

const KEEP = 20;
const ordersCookie = cookiePerScheme((secure) =>
  createCookie("orders", { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: 180 * 86_400, secrets: [sessionSecret()] }),
);

export async function grantedOrders(request: Request): Promise<string[]> {
  const value = await ordersCookie(request).parse(request.headers.get("Cookie"));
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string").slice(0, KEEP) : [];
}

export async function grantOrder(request: Request, number: string): Promise<string> {
  const kept = (await grantedOrders(request)).filter((item) => item !== number);
  return ordersCookie(request).serialize([number, ...kept].slice(0, KEEP));
}
