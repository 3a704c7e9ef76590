import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { RunningSimulator, SimulatorOptions } from "../../simulator/server";
import { startSim } from "./sim";

/** Repository root. */
export const REPO = resolve(__dirname, "../../..");
/** The packed package (scripts/pack.sh, run by npm test). */
export const TARBALL = join(REPO, ".build", "pulumi-ecs-image-task.tgz");

export interface RunResult {
    code: number;
    stdout: string;
    stderr: string;
}

/**
 * Fails unless the real Pulumi CLI runs: a missing CLI is a test failure, not a skip.
 * @returns the version it printed.
 */
export function requirePulumi(): string {
    try {
        return execFileSync("pulumi", ["version"], { encoding: "utf8", env: pulumiEnv({}) }).trim();
    } catch (e) {
        throw new Error(`the pulumi CLI is not runnable (${(e as Error).message}); run the tests with npm test, which builds it (scripts/ensure-pulumi.sh)`);
    }
}

function pulumiEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
    return {
        ...process.env,
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        PULUMI_CONFIG_PASSPHRASE: "",
        ...extra,
    };
}

/**
 * A Pulumi program in a temporary directory outside the repository, with the package installed
 * from the packed tarball (a copy under node_modules, as a user gets it) and a local file backend.
 */
export class TempProgram {
    readonly dir: string;
    readonly backend: string;

    constructor(files: Record<string, string>) {
        this.dir = mkdtempSync(join(tmpdir(), "ecs-waiter-e2e-"));
        this.backend = join(this.dir, ".state");
        const pkg = {
            name: "ecs-waiter-e2e",
            private: true,
            main: "index.js",
            dependencies: { "@pulumi/pulumi": "3.276.0", "pulumi-ecs-image-task": `file:${TARBALL}` },
        };
        writeFileSync(join(this.dir, "package.json"), JSON.stringify(pkg, null, 2));
        writeFileSync(join(this.dir, "Pulumi.yaml"), "name: ecs-waiter-e2e\nruntime: nodejs\n");
        for (const [name, text] of Object.entries(files)) writeFileSync(join(this.dir, name), text);
        execFileSync("mkdir", ["-p", this.backend]);
    }

    /** npm install (the npm cache makes repeats quick). */
    install(): void {
        execFileSync("npm", ["install", "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: this.dir, stdio: "pipe" });
    }

    /** Runs the pulumi CLI in the program's directory. Never throws for a non-zero exit. */
    pulumi(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
        return new Promise((resolvePromise) => {
            execFile(
                "pulumi",
                args,
                { cwd: this.dir, env: pulumiEnv({ PULUMI_BACKEND_URL: `file://${this.backend}`, ...env }), maxBuffer: 64 << 20 },
                (err, stdout, stderr) => resolvePromise({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
            );
        });
    }

    /** Runs pulumi and fails with its output when it exits non-zero. */
    async must(args: string[]): Promise<RunResult> {
        const r = await this.pulumi(args);
        if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
        return r;
    }

    /** Creates a stack and sets config (`--secret` for keys listed in `secrets`). */
    async stack(name: string, config: Record<string, string>, secrets: string[] = []): Promise<void> {
        await this.must(["stack", "init", name, "--non-interactive"]);
        for (const [k, v] of Object.entries(config)) {
            await this.must(["config", "set", "-s", name, ...(secrets.includes(k) ? ["--secret"] : []), k, v]);
        }
    }

    remove(): void {
        rmSync(this.dir, { recursive: true, force: true });
    }
}

/**
 * The usual setup of an end-to-end suite: checks that the CLI runs, starts a simulator with
 * `simOptions`, and writes and installs a program of `files`. Undo it with {@link tearDownProgram}.
 */
export async function setUpProgram(files: Record<string, string>, simOptions: SimulatorOptions = {}): Promise<{ sim: RunningSimulator; prog: TempProgram }> {
    requirePulumi();
    const sim = await startSim(simOptions);
    const prog = new TempProgram(files);
    prog.install();
    return { sim, prog };
}

/** Stops the simulator and removes the program's directory of {@link setUpProgram} (either may be missing). */
export async function tearDownProgram(sim: RunningSimulator | undefined, prog: TempProgram | undefined): Promise<void> {
    await sim?.close();
    prog?.remove();
}
