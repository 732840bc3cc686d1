/**
 * The price guardrail: a cluster, or a job's run, above the stack's cap in
 * USD per hour at list prices (lib/cost, lib/rates: the plan's own figure).
 * Advisory unless the stack's policy config makes it mandatory:
 * {"max-cost-per-hour": {"enforcementLevel": "mandatory", "maxCostPerHour": 2}}.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { formatPerHour, resourcePricePerHour } from "../lib/cost";
import { type ConfigSchema, TYPES, onType } from "./shared";

const maxCostPerHourSchema: ConfigSchema = {
    properties: { maxCostPerHour: { type: "number", default: 5, minimum: 0 } },
};

export const maxCostPerHour: ResourceValidationPolicy = {
    name: "max-cost-per-hour",
    description:
        "A cluster costs at most maxCostPerHour USD per running hour at list prices (all-purpose DBUs for the interactive cluster, " +
        "jobs DBUs for a job's run, plus the VMs on-demand), as the offline plan prices it.",
    enforcementLevel: "advisory",
    configSchema: maxCostPerHourSchema,
    validateResource: onType<{ maxCostPerHour: number }>(
        [TYPES.cluster, TYPES.job],
        maxCostPerHourSchema,
        (props, { maxCostPerHour: cap }, args, report) => {
            // A job's run costs what all its clusters cost together, at the plan's own figure.
            const price = resourcePricePerHour(args.type, props, args.type === TYPES.job ? "jobs" : "allPurpose");
            // None: a serverless job. Unpriced: a node type off the allow-list, which node-types reports (every allowed one has a rate).
            if (price === undefined || "unpriced" in price) return;
            const perHour = price.perHour;
            const what = args.type === TYPES.job ? "a run of the job" : "the cluster";
            if (perHour > cap) report(`${what} costs ${formatPerHour(perHour)} at list prices, above the cap of ${formatPerHour(cap)}.`);
        },
    ),
};
