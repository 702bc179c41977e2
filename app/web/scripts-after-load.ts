/**
 * The browser half of scripts-after-load.server.ts: a few lines, inlined in the
 * document head, that wait for the window's load event and for the frame after
 * it to be drawn, and then start the modules the server left inert: the
 * preloads go to the end of <head>, and a live copy of the module script to the
 * end of <body>. The wait for a frame matters on a busy phone, where the first
 * paint can come well after the load event: the page is drawn before it
 * competes with its JavaScript, not after.
 */
export const INERT_PRELOAD_REL = "x-after-load-modulepreload";
export const INERT_MODULE_TYPE = "x-after-load/module";

// Written readably here and sent without its comments and indentation: every page carries it.
export const SCRIPTS_AFTER_LOAD = `(function () {
  function start() {
    document.querySelectorAll('link[rel="${INERT_PRELOAD_REL}"]').forEach(function (inert) {
      var link = document.createElement("link");
      link.rel = "modulepreload";
      link.href = inert.getAttribute("href");
      document.head.appendChild(link);
    });
    document.querySelectorAll('script[type="${INERT_MODULE_TYPE}"]').forEach(function (inert) {
      var script = document.createElement("script");
      script.type = "module";
      // The Content-Security-Policy runs only inline scripts carrying the page's nonce.
      script.nonce = inert.nonce;
      script.textContent = inert.textContent;
      document.body.appendChild(script);
    });
  }
  function afterNextPaint() {
    requestAnimationFrame(function () {
      setTimeout(start, 0);
    });
  }
  if (document.readyState === "complete") afterNextPaint();
  else addEventListener("load", afterNextPaint, { once: true });
})();`
  .replace(/^\s*\/\/.*\n/gm, "")
  .replace(/\n\s*/g, "");
