// Runs inside the references' scratch folder (copied there by references.ts): @y/websocket-server 0.1.1 as its
// own bin does it, the room named by the URL's path, on a free port; no persistence (YPERSISTENCE unset).
import http from "node:http";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => response.writeHead(404).end());
server.on("upgrade", (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request)));
server.listen(0, "127.0.0.1", () => console.log(`listening on port ${server.address().port}`));
process.on("SIGTERM", () => process.exit(0));
