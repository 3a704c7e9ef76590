import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

/** One request the proxy relayed: `CONNECT host:port` for tunnels, else the method and absolute URL. */
export interface ProxiedRequest {
    method: string;
    target: string;
}

/** A forward proxy in a child process (./proxyServer.ts), started and stopped by its PID. */
export class ProxyProcess {
    readonly seen: ProxiedRequest[] = [];
    private constructor(
        private readonly child: ChildProcess,
        readonly port: number,
    ) {}

    /** The proxy's URL, `http://127.0.0.1:<port>`. */
    get url(): string {
        return `http://127.0.0.1:${this.port}`;
    }

    /** CONNECT targets seen so far (`host:port`). */
    connects(): string[] {
        return this.seen.filter((r) => r.method === "CONNECT").map((r) => r.target);
    }

    static start(): Promise<ProxyProcess> {
        const child = spawn(process.execPath, [join(__dirname, "proxyServer.js")], { stdio: ["ignore", "pipe", "inherit"] });
        return new Promise((resolve, reject) => {
            let buf = "";
            let p: ProxyProcess | undefined;
            child.once("error", reject);
            child.once("exit", (code) => p || reject(new Error(`proxy process exited ${code} before listening`)));
            child.stdout!.setEncoding("utf8");
            child.stdout!.on("data", (chunk: string) => {
                buf += chunk;
                let nl: number;
                while ((nl = buf.indexOf("\n")) >= 0) {
                    const line = JSON.parse(buf.slice(0, nl));
                    buf = buf.slice(nl + 1);
                    if (!p && typeof line.port === "number") {
                        p = new ProxyProcess(child, line.port);
                        resolve(p);
                    } else if (p) p.seen.push(line);
                }
            });
        });
    }

    /** Ends the proxy process (SIGTERM to its own PID) and waits for it. */
    stop(): Promise<void> {
        if (this.child.exitCode !== null) return Promise.resolve();
        return new Promise((resolve) => {
            this.child.once("exit", () => resolve());
            this.child.kill("SIGTERM");
        });
    }
}
