import * as pulumi from "@pulumi/pulumi";

/**
 * The provider object Pulumi serializes into each resource's `__provider` input. Its methods
 * stay thin: each `require`s the implementation by package name inside its body, so the
 * serialized text is small and stable, and the implementation (with its shared pollers) is
 * loaded once per dynamic-provider host process from the project's node_modules
 * (docs/pulumi-dynamic.md, "Serialization").
 */
export const imageTaskProvider: pulumi.dynamic.ResourceProvider = {
    async configure(req) {
        return require("pulumi-ecs-image-task/dist/provider/lifecycle/host").configure(req);
    },
    async check(olds, news) {
        return require("pulumi-ecs-image-task/dist/provider/lifecycle/host").check(olds, news);
    },
    async diff(id, olds, news) {
        return require("pulumi-ecs-image-task/dist/provider/lifecycle/host").diff(id, olds, news);
    },
    async create(inputs) {
        return require("pulumi-ecs-image-task/dist/provider/lifecycle/host").create(inputs);
    },
    async update(id, olds, news) {
        return require("pulumi-ecs-image-task/dist/provider/lifecycle/host").update(id, olds, news);
    },
    async read(id, props) {
        return require("pulumi-ecs-image-task/dist/provider/lifecycle/host").read(id, props);
    },
    async delete(id, props) {
        return require("pulumi-ecs-image-task/dist/provider/lifecycle/host").del(id, props);
    },
};
