/** An error the simulator answers with: HTTP status plus the ECS error body's `Code` and `Message`. */
export class SimError extends Error {
    constructor(
        readonly status: number,
        readonly code: string,
        message: string,
    ) {
        super(message);
        this.name = "SimError";
    }
}
