import { strict as assert } from "node:assert";
import { CANCEL_METHOD, hookEngineCancel } from "../../provider/lifecycle/cancellation";

describe("host cancellation: the engine's Cancel call", () => {
    function fakeGrpc() {
        const handlers = new Map<string, string>([
            [CANCEL_METHOD, "cancel-handler"],
            ["/pulumirpc.ResourceProvider/Create", "create-handler"],
        ]);
        class Server {
            _retrieveHandler(path: string): string | null {
                return handlers.get(path) ?? null;
            }
        }
        return { Server };
    }

    it("runs onCancel on a Cancel call only, and leaves every handler as it was", () => {
        const grpc = fakeGrpc();
        const server = new grpc.Server(); // created before the hook, as the host's server is
        let cancels = 0;
        assert.equal(hookEngineCancel(grpc, () => cancels++), true);
        assert.equal(server._retrieveHandler("/pulumirpc.ResourceProvider/Create"), "create-handler");
        assert.equal(cancels, 0);
        assert.equal(server._retrieveHandler(CANCEL_METHOD), "cancel-handler");
        assert.equal(cancels, 1);
        assert.equal(server._retrieveHandler("/nope"), null);
    });

    it("patches a class once, and reports a grpc-js without the lookup method", () => {
        const grpc = fakeGrpc();
        let cancels = 0;
        hookEngineCancel(grpc, () => cancels++);
        hookEngineCancel(grpc, () => cancels++);
        new grpc.Server()._retrieveHandler(CANCEL_METHOD);
        assert.equal(cancels, 1);
        assert.equal(hookEngineCancel({ Server: class {} as never }, () => {}), false);
        assert.equal(hookEngineCancel({}, () => {}), false);
    });

    it("finds the lookup method on the grpc-js that @pulumi/pulumi's host uses", () => {
        // The host resolves @grpc/grpc-js from @pulumi/pulumi's own location.
        const grpcPath = require.resolve("@grpc/grpc-js", { paths: [require.resolve("@pulumi/pulumi")] });
        const grpc = require(grpcPath) as { Server: { prototype: Record<string, unknown> } };
        assert.equal(typeof grpc.Server.prototype._retrieveHandler, "function", `@grpc/grpc-js at ${grpcPath} has no Server.prototype._retrieveHandler: the Ctrl-C hook needs updating`);
    });
});
