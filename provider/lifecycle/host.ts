/**
 * The dynamic provider's methods as they run inside Pulumi's dynamic-provider host process.
 * The serialized provider object (../dynamicProvider.ts) `require`s this module by package
 * name, so every ImageTaskWaiter in the process shares its state: the stack settings read by
 * `configure`, and the shared pollers of ../waiter/registry.ts.
 */
import { readStackSettings, StackSettings } from "../config/settings";
import { createDefaultChain, CredentialInputs, validateCredentialInputs } from "../config/credentials";
import { resolveGateway } from "../config/clientConfig";
import { EcsClientOptions } from "../ecs/options";
import { credentialInputsOf, credentialsChanged, recordingCredentials, warnOnce } from "./credentialState";
import { sharedPoller } from "../waiter/registry";
import { INPUT_KEYS, validateInputs, WaiterInputs, CheckFailure } from "./inputs";
import { WaiterOutputs } from "./outputs";
import { ConfigError } from "../config/ConfigError";
import { gatewayApiStyle, gatewayEndpoint } from "../config/gatewaySettings";
import { waitAndRecord } from "./wait";
import { diffWaiter, WaiterDiff } from "./diff";
import { readWaiter, ReadOutcome } from "./read";
import { deleteWaiter } from "./delete";
import { hostCancelSignal } from "./cancellation";

let settings: StackSettings = {};
const defaultChain = createDefaultChain();

/** `configure`: reads the `apsara:*` stack config (secrets arrive decrypted). */
export async function configure(req: { config: { get(key: string): string | undefined } }): Promise<void> {
    settings = readStackSettings((k) => req.config.get(k));
}

/** `check`: validates inputs; unknown values pass. Makes no API call. */
export async function check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ inputs: Record<string, unknown>; failures: CheckFailure[] }> {
    const failures = validateInputs(news);
    failures.push(...validateCredentialInputs(news));
    // The endpoint and call style from the stack config or the environment are checked here too, naming their key.
    for (const [input, resolve] of [["endpoint", gatewayEndpoint], ["apiStyle", gatewayApiStyle]] as const) {
        if (news[input] !== undefined || failures.some((f) => f.property === input)) continue;
        try {
            resolve(undefined, settings, process.env);
        } catch (err) {
            if (!(err instanceof ConfigError)) throw err;
            failures.push({ property: input, reason: err.setting === input ? err.reason : err.message });
        }
    }
    return { inputs: news, failures };
}

/** `diff`: see {@link diffWaiter}; a change of the waiter's own credentials is an update too. Makes no API call. */
export async function diff(_id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<WaiterDiff> {
    const d = diffWaiter(olds, news);
    if (credentialsChanged(olds, news)) return { ...d, changes: true, diffs: [...d.diffs, "credentials"] };
    return d;
}

/** `create`: waits on the task; the resource ID is the first task's ID. */
export async function create(inputs: Record<string, unknown>): Promise<{ id: string; outs: WaiterOutputs }> {
    const w = waiterInputs(inputs);
    const creds = credentialInputsOf(inputs);
    const outs = await recordingCredentials(creds, async () => waitAndRecord(w.taskId, w, inputs.__provider, await context(w, creds)));
    return { id: w.taskId, outs };
}

/** `update`: waits again, on the (possibly new) task; a recorded `Finished` result of the same task stands if the task has aged out. */
export async function update(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ outs: WaiterOutputs }> {
    const w = waiterInputs(news);
    const creds = credentialInputsOf(news);
    return { outs: await recordingCredentials(creds, async () => waitAndRecord(id, w, news.__provider, { ...(await context(w, creds)), recorded: olds })) };
}

/** `read` (refresh): see {@link readWaiter}. */
export async function read(id: string, props: Record<string, unknown>): Promise<ReadOutcome> {
    const w = waiterInputs((props.__inputs ?? props) as Record<string, unknown>);
    return readWaiter(id, props, w, sharedPoller(await clientOptions(w, credentialInputsOf(props)), w.regionId).client, (line) => console.log(line));
}

/** `delete`: see {@link deleteWaiter}; leaves the task alone unless `cancelOnDelete` was set. */
export async function del(_id: string, props: Record<string, unknown>): Promise<void> {
    const w = waiterInputs((props.__inputs ?? props) as Record<string, unknown>);
    await deleteWaiter(props, w, async () => sharedPoller(await clientOptions(w, credentialInputsOf(props)), w.regionId).client, (line) => console.log(line));
}

function waiterInputs(p: Record<string, unknown>): WaiterInputs {
    const w: Record<string, unknown> = {};
    for (const k of INPUT_KEYS) if (p[k] !== undefined && p[k] !== null) w[k] = p[k];
    return w as unknown as WaiterInputs;
}

async function context(w: WaiterInputs, creds: CredentialInputs) {
    return { client: await clientOptions(w, creds), log: (line: string) => console.log(line), signal: hostCancelSignal() };
}

/**
 * Client options for one waiter (provider/config/clientConfig.ts): endpoint and apiStyle from the
 * inputs, else the stack config, else APSARA_ENDPOINT / APSARA_API_STYLE; credentials from the
 * waiter's own inputs, else the stack config, else the default chain of `@alicloud/credentials`;
 * tenancy, Apsara headers, TLS and proxy from the stack config or the environment. Logs the
 * `apsara:insecure` warning once per run.
 * @throws ConfigError naming the missing or invalid setting.
 */
export async function clientOptions(w: WaiterInputs, creds: CredentialInputs = {}): Promise<EcsClientOptions> {
    const g = await resolveGateway({ endpoint: w.endpoint, apiStyle: w.apiStyle, ...creds }, { settings, env: process.env, chain: defaultChain });
    warnOnce(g.warnings, (line) => console.log(line));
    return g.options;
}
