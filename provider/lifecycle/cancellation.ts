/**
 * Ends the waits of a dynamic-provider host process when `pulumi up` is interrupted.
 *
 * What reaches the host when a user presses Ctrl-C (found by experiment with Pulumi 3.276, see
 * docs/reliability.md, "Interruption"): the CLI starts every plugin in a process group of its
 * own, so the terminal's SIGINT reaches the CLI only. The engine then makes the `Cancel` gRPC
 * call on each provider, at once; `@pulumi/pulumi`'s host answers it and does nothing else. It
 * sends SIGINT to the host only when it shuts the plugin down, after every running step ended.
 * So a wait must end on that `Cancel` call, or `pulumi up` goes on until the task ends.
 *
 * This module aborts one process-wide signal on whichever comes first:
 * - the engine's `Cancel` call, seen by wrapping the method lookup of the gRPC server class of
 *   the host's own `@grpc/grpc-js` (`Server.prototype._retrieveHandler`, stable since grpc-js 1.8);
 * - SIGINT or SIGTERM to the host process (the engine's shutdown, or a user signalling it).
 * After a signal, the process re-raises it once the failed steps had a moment to be answered.
 */

/** The gRPC method the engine calls on Ctrl-C (pulumi's `provider.proto`). */
export const CANCEL_METHOD = "/pulumirpc.ResourceProvider/Cancel";

/** Why the host's waits were cancelled. */
export type CancelCause = "engine-cancel" | "SIGINT" | "SIGTERM";

/** How long after a signal the process re-raises it, in ms: time for the failed steps' answers to reach the engine. */
export const SIGNAL_GRACE_MS = 1000;

interface GrpcServerClass {
    prototype: { _retrieveHandler?: (path: string) => unknown; [PATCHED]?: boolean };
}

const PATCHED = Symbol.for("pulumi-ecs-image-task.cancelHook");

let controller: AbortController | undefined;

/**
 * The process-wide signal that aborts when the engine cancels the operation or the process is
 * told to stop. Installs the hooks on first use; only inside Pulumi's dynamic-provider host
 * (the process whose main module is `@pulumi/pulumi/cmd/dynamic-provider`), so that loading this
 * package elsewhere (a program, a test) changes no signal handling.
 */
export function hostCancelSignal(): AbortSignal {
    if (!controller) {
        controller = new AbortController();
        const main = require.main;
        if (main && /[\\/]cmd[\\/]dynamic-provider[\\/]/.test(main.filename)) {
            hookEngineCancel(main.require("@grpc/grpc-js") as { Server?: GrpcServerClass }, () => cancelHostWaits("engine-cancel"));
            hookSignals();
        }
    }
    return controller.signal;
}

/** Aborts every wait of this process (the target of the hooks). */
export function cancelHostWaits(why: CancelCause): void {
    if (!controller) controller = new AbortController();
    if (controller.signal.aborted) return;
    controller.abort(new Error(`pulumi operation cancelled (${why})`));
}

/**
 * Wraps the gRPC server's method lookup so that a `Cancel` call also runs `onCancel`. The
 * lookup runs for every incoming call, before its handler; the wrapper only looks at the path
 * and returns the handler unchanged. Patches a class once.
 * @returns false when this grpc-js has no such method (the waits then end only on a signal).
 */
export function hookEngineCancel(grpc: { Server?: GrpcServerClass }, onCancel: () => void): boolean {
    const proto = grpc.Server?.prototype;
    const original = proto?._retrieveHandler;
    if (!proto || typeof original !== "function") return false;
    if (proto[PATCHED]) return true;
    proto._retrieveHandler = function (this: unknown, path: string) {
        if (path === CANCEL_METHOD) onCancel();
        return original.call(this, path);
    };
    proto[PATCHED] = true;
    return true;
}

function hookSignals(): void {
    for (const sig of ["SIGINT", "SIGTERM"] as const) {
        const onSignal = () => {
            cancelHostWaits(sig);
            process.removeListener(sig, onSignal);
            // Default behaviour once the failed steps were answered: end the process by the same signal.
            setTimeout(() => process.kill(process.pid, sig), SIGNAL_GRACE_MS);
        };
        process.on(sig, onSignal);
    }
}
