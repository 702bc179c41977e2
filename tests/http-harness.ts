/**
 * The store's HTTP boundary in-process: Express with the same middleware the
 * server installs (trust proxy, security headers, request guard), the real
 * sign-in/sign-up/sign-out actions mounted as Remix would call them, and a stub
 * for every other path that records what reached it. Requests go over a real
 * socket with node:http (fetch cannot even send TRACE).
 */
import express from "express";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { ActionFunctionArgs } from "@remix-run/node";
import { parseConfig } from "~/config.server";
import { loadContextOf } from "~/load-context";
import { requestGuard } from "~/web/request-guard.server";
import { securityHeaders } from "~/web/security-headers.server";
import * as signinRoute from "~/routes/($lang).signin";
import * as signoutRoute from "~/routes/($lang).signout";
import * as signupRoute from "~/routes/($lang).signup";

type Action = (args: ActionFunctionArgs) => Promise<unknown>;

export interface Reached {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  clientAddress: string;
}

function toFetchRequest(req: express.Request): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const url = `${req.protocol}://${req.get("host")}${req.originalUrl}`;
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(url, {
    method: req.method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream, duplex: "half" } : {}),
  } as RequestInit);
}

/** What an action returned or threw, as the Response Remix would send (data() becomes JSON). */
async function responseOf(run: () => Promise<unknown>, failures: unknown[]): Promise<Response> {
  try {
    const result = await run();
    if (result instanceof Response) return result;
    if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
      const { data, init } = result as { data: unknown; init: ResponseInit | null };
      return Response.json(data, init ?? undefined);
    }
    return Response.json(result);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    failures.push(thrown);
    return new Response("unexpected error", { status: 500 });
  }
}

export async function startStore(env: Record<string, string> = {}) {
  const settings = parseConfig({ NODE_ENV: "production", ...env });
  const reached: Reached[] = [];
  const failures: unknown[] = [];
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", settings.TRUST_PROXY);
  app.use(securityHeaders(settings), requestGuard(settings));

  const mount = (path: string, action: Action) =>
    app.post([path, `/en${path}`], async (req, res) => {
      const lang = req.path.startsWith("/en/") ? "en" : undefined;
      const request = toFetchRequest(req);
      const response = await responseOf(() => action({ request, params: { lang }, context: loadContextOf(req, res) }), failures);
      res.status(response.status);
      response.headers.forEach((value, name) => res.append(name, value));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  mount("/signin", signinRoute.action);
  mount("/signup", signupRoute.action);
  mount("/signout", signoutRoute.action);
  app.all("*", (req, res) => {
    reached.push({ method: req.method, path: req.path, headers: { ...req.headers }, clientAddress: loadContextOf(req, res).clientAddress });
    res.type("text/plain").send("reached");
  });

  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    reached,
    /** Errors the actions threw that were not Responses: each would have been a 500. */
    failures,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Set-Cookie pairs (`name=value`) in order. */
  cookies: string[];
}

/**
 * One request. `body` is sent with a Content-Length unless `chunked`, as a
 * browser would; a body the server refuses early may still be in flight when
 * the answer arrives, so a write error after the answer is not a failure.
 */
export function send(
  port: number,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const headers: Record<string, string> = { ...options.headers };
    if (body && !options.chunked) headers["Content-Length"] = String(body.length);
    const request = http.request({ host: "127.0.0.1", port, method, path, headers, setHost: !("Host" in headers) }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const setCookie = response.headers["set-cookie"] ?? [];
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          cookies: setCookie.map((line) => line.split(";")[0]!),
        });
      });
    });
    let answered = false;
    request.on("response", () => (answered = true));
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    if (body && options.chunked) {
      // In pieces, so the body really streams (Transfer-Encoding: chunked).
      for (let at = 0; at < body.length; at += 64 * 1024) request.write(body.subarray(at, at + 64 * 1024));
      request.end();
    } else {
      request.end(body);
    }
  });
}
