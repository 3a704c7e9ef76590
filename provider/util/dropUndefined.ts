/** A copy of `o` without the keys whose value is `undefined` (Pulumi's Struct conversion rejects them). */
export function dropUndefined<T extends object>(o: T): T {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
