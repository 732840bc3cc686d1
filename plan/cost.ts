/**
 * The plan's price: what the declared clusters cost per hour at list prices
 * (lib/cost, lib/rates), the interactive cluster's idle tail before it stops,
 * and what a job's run costs per hour; and the change between two plans.
 */
import { type Sku, formatPerHour, formatUsd, resourcePricePerHour, round } from "../lib/cost";
import { CLUSTER_TYPE, JOB_TYPE, clustersOf } from "../lib/declaredClusters";
import { DBU_PRICES, RATES_VERSION } from "../lib/rates";
import type { PlannedResource } from "./evaluate";

export interface PlanCost {
    currency: "USD";
    /** The interactive clusters per running hour; null when the stack has none (serverless) or one is unpriced. */
    clusterPerHour: number | null;
    /** What each stop costs in idle time first: autotermination's minutes at the cluster's price. */
    idleTailPerStop?: number;
    /** A job run per hour on its job clusters, with job: true. */
    jobPerRunHour?: number;
    /** What is not priced, and why. */
    unpriced: string[];
    assumptions: { ratesVersion: string; region: string; tier: string; spot: string };
}

/** The resources' clusters per hour together (unrounded), or undefined when any is unpriced, which `unpriced` then says. */
function sum(resources: readonly PlannedResource[], sku: Sku, what: string, unpriced: string[]) {
    const priced = { perHour: 0, spotPricedOnDemand: false };
    for (const resource of resources) {
        const price = resourcePricePerHour(resource.type, resource.inputs, sku);
        if (price === undefined) continue;
        if ("unpriced" in price) {
            unpriced.push(`${what}: ${price.unpriced}`);
            return undefined;
        }
        priced.perHour += price.perHour;
        priced.spotPricedOnDemand ||= price.spotPricedOnDemand;
    }
    return priced;
}

export function planCost(resources: readonly PlannedResource[]): PlanCost {
    const unpriced: string[] = [];
    const clusters = resources.filter((resource) => resource.type === CLUSTER_TYPE);
    // A serverless job declares no cluster: it has nothing to price either.
    const jobs = resources.filter((resource) => resource.type === JOB_TYPE && clustersOf(JOB_TYPE, resource.inputs).length > 0);
    const interactive = clusters.length === 0 ? undefined : sum(clusters, "allPurpose", "the interactive cluster", unpriced);
    const clusterPerHour = interactive?.perHour;
    if (clusters.length === 0) unpriced.push("serverless compute: the rates table has no serverless DBU price");
    const jobPerRunHour = jobs.length === 0 ? undefined : sum(jobs, "jobs", "the job", unpriced)?.perHour;
    const minutes = Number(clusters[0]?.inputs.autoterminationMinutes ?? 0);
    return {
        currency: "USD",
        clusterPerHour: clusterPerHour === undefined ? null : round(clusterPerHour),
        ...(clusterPerHour !== undefined && minutes > 0 ? { idleTailPerStop: round((clusterPerHour * minutes) / 60) } : {}),
        ...(jobPerRunHour !== undefined ? { jobPerRunHour: round(jobPerRunHour) } : {}),
        unpriced,
        assumptions: {
            ratesVersion: RATES_VERSION,
            region: "the list prices the rates' source gives, for no region it names",
            tier: DBU_PRICES.tier,
            spot: interactive?.spotPricedOnDemand
                ? "workers on spot, priced on-demand (no published average): an upper bound"
                : "on-demand",
        },
    };
}

/** The price lines of a plan: per hour, idle tail, job run; then what is not priced. */
export function costLines(cost: PlanCost): string[] {
    const lines = [
        cost.clusterPerHour === null
            ? "interactive cluster: none priced"
            : `interactive cluster: ${formatPerHour(cost.clusterPerHour)} while it runs`,
    ];
    if (cost.idleTailPerStop !== undefined)
        lines.push(`idle tail before autotermination: ${formatUsd(cost.idleTailPerStop)} each time it is left idle`);
    if (cost.jobPerRunHour !== undefined) lines.push(`job: ${formatPerHour(cost.jobPerRunHour)} of run time`);
    lines.push(...cost.unpriced.map((reason) => `not priced: ${reason}`));
    const { ratesVersion, tier, spot } = cost.assumptions;
    lines.push(`list prices (rates ${ratesVersion}, ${tier} tier, ${spot}), before discounts, storage and network`);
    return lines;
}

/** The change in price between two plans, or undefined when there is none. */
export function costChange(before: PlanCost | undefined, after: PlanCost | undefined): string | undefined {
    const figure = (cost: PlanCost | undefined, key: "clusterPerHour" | "jobPerRunHour") => {
        const value = cost?.[key];
        return value === undefined || value === null ? "unpriced" : formatPerHour(value);
    };
    const changes = (["clusterPerHour", "jobPerRunHour"] as const)
        .filter((key) => figure(before, key) !== figure(after, key))
        .map((key) => `${key === "clusterPerHour" ? "interactive cluster" : "job"} ${figure(before, key)} → ${figure(after, key)}`);
    return changes.length > 0 ? `price: ${changes.join(", ")}` : undefined;
}
