import * as pulumi from "@pulumi/pulumi";

/**
 * Runs a shell command on create and records its stdout: a stand-in for `@pulumi/command`'s
 * `local.Command`, whose provider plugin (`pulumi-resource-command`) cannot be built on machines
 * that reach only the package registries (see docs/pulumi-cli.md). With the plugin installed,
 * `new command.local.Command(name, { create, environment })` is a drop-in replacement.
 */
export interface LocalCommandArgs {
    /** The command line, run with `sh -c` in the program's directory. */
    create: pulumi.Input<string>;
    /** Extra environment variables for the command. */
    environment?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

const provider: pulumi.dynamic.ResourceProvider = {
    async create(inputs) {
        const { execFile } = require("node:child_process");
        const stdout: string = await new Promise((resolve, reject) => {
            execFile("sh", ["-c", inputs.create], { env: { ...process.env, ...(inputs.environment ?? {}) }, maxBuffer: 1 << 20 }, (err: Error | null, out: string, errOut: string) =>
                err ? reject(new Error(`command failed: ${inputs.create.split(" ")[0]}: ${errOut || err.message}`)) : resolve(out),
            );
        });
        return { id: `cmd-${Date.now().toString(36)}`, outs: { create: inputs.create, stdout: stdout.trim() } };
    },
    async diff(_id, olds, news) {
        return { changes: olds.create !== news.create, replaces: olds.create !== news.create ? ["create"] : [] };
    },
};

export class LocalCommand extends pulumi.dynamic.Resource {
    declare readonly stdout: pulumi.Output<string>;

    constructor(name: string, args: LocalCommandArgs, opts?: pulumi.CustomResourceOptions) {
        super(provider, name, { stdout: undefined, ...args }, opts, "example", "LocalCommand");
    }
}
