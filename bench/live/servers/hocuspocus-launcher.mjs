// Runs inside the references' scratch folder (copied there by references.ts): Hocuspocus with its defaults and no
// extensions (no persistence, no authentication hook), on a free port.
import { Server } from "@hocuspocus/server";

const server = new Server({ port: 0, address: "127.0.0.1", quiet: true });
await server.listen();
console.log(`listening on port ${server.address.port}`);
process.on("SIGTERM", () => process.exit(0));
