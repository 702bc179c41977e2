/**
 * `npm start`: the build starts before anything else is loaded (the server's own imports take a
 * second or two of a first start), then the server runs and waits for that same build just
 * before it loads it (app/cli/build-on-start.ts).
 */
import { buildAppInBackground } from "./cli/build-on-start";

buildAppInBackground().catch(() => {}); // reported where the server awaits it
await import("./server");
