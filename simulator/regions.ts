import { SimError } from "./SimError";

/**
 * Answers `InvalidRegionId.NotFound` (HTTP 404, as ECS does) for a request whose `RegionId`
 * (or the route style's `regionId`) is not one of `regions`. With no list, every region exists.
 * Requests without a region are left to the action's own `MissingParameter` check.
 * @throws SimError
 */
export function checkRegion(regions: ReadonlySet<string> | undefined, params: Readonly<Record<string, string>>): void {
    if (!regions || regions.size === 0) return;
    const region = params.RegionId || params.regionId;
    if (region && !regions.has(region)) {
        throw new SimError(404, "InvalidRegionId.NotFound", `The specified RegionId "${region}" does not exist.`);
    }
}
