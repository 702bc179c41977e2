import { PassThrough, Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { INERT_MODULE_TYPE, INERT_PRELOAD_REL } from "./scripts-after-load";
import { scriptsAfterLoad } from "./scripts-after-load.server";

/** What Remix's <Scripts> renders, in miniature, after a page that mentions the same words in its text. */
function Document() {
  return (
    <html lang="th">
      <body>
        <p>{'<link rel="modulepreload"> and <script type="module"> in a product story stay text'}</p>
        <link rel="modulepreload" href="/assets/entry.client-a1.js" />
        <link rel="modulepreload" href="/assets/components-b2.js" />
        <script type="module" async dangerouslySetInnerHTML={{ __html: 'import * as route0 from "/assets/root-c3.js";' }} />
        <script dangerouslySetInnerHTML={{ __html: "window.__remixContext = {};" }} />
      </body>
    </html>
  );
}

function renderDocument(): Promise<string> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(<Document />, {
      onAllReady() {
        const out = new PassThrough();
        pipe(out);
        text(out).then(resolve, reject);
      },
      onError: reject,
    });
  });
}

/** Feeds the HTML through the transform in pieces cut at the given byte offsets. */
function through(html: string, cuts: number[]): Promise<string> {
  const bytes = Buffer.from(html);
  const edges = [0, ...cuts, bytes.length];
  const pieces = edges.slice(1).map((end, i) => bytes.subarray(edges[i], end));
  return text(Readable.from(pieces).pipe(scriptsAfterLoad()));
}

describe("scriptsAfterLoad", () => {
  it("makes Remix's module preloads and module script inert, and changes nothing else", async () => {
    const html = await renderDocument();
    expect(html).toContain('<link rel="modulepreload"');

    const out = await through(html, []);

    expect(out).not.toContain('<link rel="modulepreload"');
    expect(out).not.toContain('<script type="module"');
    expect(out.split(`<link rel="${INERT_PRELOAD_REL}" href="/assets/`)).toHaveLength(3);
    expect(out).toContain(`<script type="${INERT_MODULE_TYPE}" async="">import * as route0 from "/assets/root-c3.js";</script>`);
    expect(out).toContain("<script>window.__remixContext = {};</script>");
    expect(out).toContain("&lt;link rel=&quot;modulepreload&quot;&gt; and &lt;script type=&quot;module&quot;&gt; in a product story");
    const untouched = html.replaceAll('<link rel="modulepreload"', `<link rel="${INERT_PRELOAD_REL}"`).replace('<script type="module"', `<script type="${INERT_MODULE_TYPE}"`);
    expect(out).toBe(untouched);
  });

  it("finds a tag that arrives split across chunks, wherever the cut falls", async () => {
    const html = await renderDocument();
    const expected = await through(html, []);
    const tag = html.indexOf('<script type="module"');
    for (let cut = tag - 2; cut < tag + 24; cut++) {
      expect(await through(html, [cut])).toBe(expected);
    }
    // One byte at a time: every tag straddles chunks.
    expect(await through(html, Array.from({ length: Buffer.byteLength(html) - 1 }, (_, i) => i + 1))).toBe(expected);
  });

  it("keeps the Content-Security-Policy nonce Remix gives its module script, even across chunks", async () => {
    const nonce = "Zm9vYmFyYmF6cXV4_-12";
    const html = await new Promise<string>((resolve, reject) => {
      const { pipe } = renderToPipeableStream(
        <html lang="th">
          <body>
            <link rel="modulepreload" href="/assets/entry.client-a1.js" />
            <script nonce={nonce} type="module" async dangerouslySetInnerHTML={{ __html: 'import "/assets/root-c3.js";' }} />
          </body>
        </html>,
        {
          onAllReady() {
            const out = new PassThrough();
            pipe(out);
            text(out).then(resolve, reject);
          },
          onError: reject,
        },
      );
    });
    expect(html).toContain(`<script nonce="${nonce}" type="module"`);
    const expected = html.replace(`<script nonce="${nonce}" type="module"`, `<script nonce="${nonce}" type="${INERT_MODULE_TYPE}"`).replace(
      '<link rel="modulepreload"',
      `<link rel="${INERT_PRELOAD_REL}"`,
    );
    const tag = html.indexOf("<script nonce=");
    for (let cut = tag - 2; cut < tag + 50; cut++) expect(await through(html, [cut])).toBe(expected);
  });
});
