/**
 * The price guardrail: a cluster, or a job's run, above the stack's cap in
 * USD per hour at list prices (lib/cost, lib/rates: the plan's own figure).
 * Advisory unless the stack's policy config makes it mandatory:
 * {"max-cost-per-hour": {"enforcementLevel": "mandatory", "maxCostPerHour": 2}}.
 */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { clusterPricePerHour, formatPerHour } from "../lib/cost";
import { type ConfigSchema, TYPES, clustersOf, onType } from "./shared";

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
            const sku = args.type === TYPES.job ? "jobs" : "allPurpose";
            // A job's run costs what all its clusters cost together.
            const prices = clustersOf(args.type, props).map((cluster) => clusterPricePerHour(cluster.props, sku));
            // A node type without a rate is off the allow-list, which node-types reports (every allowed type has a rate).
            if (prices.some((price) => "unpriced" in price)) return;
            const perHour = prices.reduce((total, price) => total + ("perHour" in price ? price.perHour : 0), 0);
            const what = args.type === TYPES.job ? "a run of the job" : "the cluster";
            if (perHour > cap) report(`${what} costs ${formatPerHour(perHour)} at list prices, above the cap of ${formatPerHour(cap)}.`);
        },
    ),
};
