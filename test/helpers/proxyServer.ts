/**
 * A real forward proxy process for tests: the `proxy` package (Squid-like, CONNECT and plain
 * HTTP) on a free loopback port. Prints `{"port":N}` first, then one JSON line per request it
 * relays: `{"method":"CONNECT","target":"127.0.0.1:443"}` or `{"method":"POST","target":"http://..."}`.
 * Run: `node dist/test/helpers/proxyServer.js`; stops on SIGTERM.
 */
import http from "node:http";
import { AddressInfo } from "node:net";
import { createProxy } from "proxy";

const server = createProxy(http.createServer());
const log = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
server.prependListener("connect", (req: http.IncomingMessage) => log({ method: "CONNECT", target: req.url }));
server.prependListener("request", (req: http.IncomingMessage) => log({ method: req.method, target: req.url }));
server.listen(0, "127.0.0.1", () => log({ port: (server.address() as AddressInfo).port }));
process.on("SIGTERM", () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
});
