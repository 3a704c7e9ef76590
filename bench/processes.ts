import { ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

/** The compiled repository root (dist/), where the simulator's CLI and the worker live. */
const DIST = join(__dirname, "..");

/** A simulator in its own process. */
export interface SimProcess {
    url: string;
    child: ChildProcess;
    stop(): Promise<void>;
}

/**
 * Starts `ecs-task-sim` (dist/simulator/cli.js) on a free loopback port with `args`, and waits
 * for the first line it prints (its URL).
 * @throws Error with its stderr when it exits first.
 */
export function startSimProcess(args: string[]): Promise<SimProcess> {
    const child = spawn(process.execPath, [join(DIST, "simulator", "cli.js"), "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    return new Promise((resolve, reject) => {
        const lines = createInterface({ input: child.stdout! });
        lines.once("line", (url) =>
            resolve({
                url: url.trim(),
                child,
                stop: () =>
                    new Promise<void>((done) => {
                        if (child.exitCode !== null) return done();
                        child.once("exit", () => done());
                        child.kill("SIGTERM");
                    }),
            }),
        );
        child.once("exit", (code) => reject(new Error(`ecs-task-sim exited ${code}: ${stderr}`)));
    });
}

/**
 * Runs bench/worker.js with `job` on stdin and returns what it printed, parsed.
 * @throws Error with its stderr when it exits non-zero.
 */
export function runWorker<T>(job: unknown): Promise<T> {
    const child = spawn(process.execPath, [join(__dirname, "worker.js")], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.stdin.end(JSON.stringify(job));
    return new Promise((resolve, reject) => {
        child.once("exit", (code) => {
            if (code !== 0) return reject(new Error(`bench worker exited ${code}: ${err}`));
            try {
                resolve(JSON.parse(out) as T);
            } catch {
                reject(new Error(`bench worker printed no report (${out.length} bytes): ${err}`));
            }
        });
    });
}
