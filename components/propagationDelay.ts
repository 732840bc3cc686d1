import * as pulumi from "@pulumi/pulumi";

/**
 * Waits once after something is created, for a cloud's eventually consistent
 * IAM to catch up, like Terraform's time_sleep: the wait runs in the create
 * step only, so a preview never waits and a later update never waits again.
 * A change of the triggers (a new service account, a new binding) replaces
 * it, and the next `up` waits again.
 */
export interface PropagationDelayInputs {
    seconds: number;
    /** Values whose change means something new must propagate. */
    triggers: string[];
}

/** Self-contained: the engine runs a serialized copy of it. */
export const propagationDelayProvider: pulumi.dynamic.ResourceProvider = {
    async create(inputs: PropagationDelayInputs) {
        await new Promise((done) => setTimeout(done, inputs.seconds * 1000));
        return { id: `waited-${inputs.seconds}s`, outs: inputs };
    },
    async diff(_id: string, olds: PropagationDelayInputs, news: PropagationDelayInputs) {
        const replaces = JSON.stringify(olds.triggers) !== JSON.stringify(news.triggers) ? ["triggers"] : [];
        return { changes: replaces.length > 0 || olds.seconds !== news.seconds, replaces };
    },
    async update(_id: string, _olds: PropagationDelayInputs, news: PropagationDelayInputs) {
        return { outs: news };
    },
};

export class PropagationDelay extends pulumi.dynamic.Resource {
    constructor(
        name: string,
        args: { seconds: number; triggers: pulumi.Input<pulumi.Input<string>[]> },
        opts?: pulumi.CustomResourceOptions,
    ) {
        super(propagationDelayProvider, name, args, opts);
    }
}
