import { PassThrough, type Writable } from "node:stream";
import { text } from "node:stream/consumers";
import { Suspense } from "react";
import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { stripTrailingNulBytes } from "./strip-nul.server";

// Enough Thai text to cross React's 2 KB buffer many times, at odd offsets.
const story = Array.from({ length: 120 }, (_, i) => `เสื่อกระจูด${"ก".repeat(i % 7)}`);

function Page() {
  return (
    <Suspense fallback={null}>
      {story.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </Suspense>
  );
}

function render(through: (out: PassThrough) => Writable): Promise<string> {
  return new Promise((resolve, reject) => {
    const out = new PassThrough();
    const { pipe } = renderToPipeableStream(<Page />, {
      onAllReady() {
        pipe(through(out));
        text(out).then(resolve, reject);
      },
      onError: reject,
    });
  });
}

describe("stripTrailingNulBytes", () => {
  it("removes the NUL bytes React 18 leaks into Thai HTML, and nothing else", async () => {
    const raw = await render((out) => out);
    const fixed = await render((out) => {
      const strip = stripTrailingNulBytes();
      strip.pipe(out);
      return strip;
    });
    // The bug is real on this React version: without the fix the HTML has NULs.
    expect(raw).toContain("\u0000");
    expect(fixed).not.toContain("\u0000");
    expect(fixed).toBe(raw.replaceAll("\u0000", ""));
    for (const line of story) expect(fixed).toContain(`<p>${line}</p>`);
  });
});
