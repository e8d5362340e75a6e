/**
 * The request header in which server/main.ts hands Next.js the address a request came from. The server sets it
 * on every request, replacing whatever the client sent, so pages and actions can trust it (client-address.server.ts).
 */
export const CLIENT_ADDRESS_HEADER = "x-gloss-client-address";
