/** The secret that signs cookies: the store's one signing secret (app/lib/secret.server.ts). */
export { serverSecret as sessionSecret } from "~/lib/secret.server";
