/**
 * What a cluster costs per hour at list prices (lib/rates): each node's DBUs
 * at its SKU's price (all-purpose for an interactive cluster, jobs compute for
 * a job's), plus each VM's on-demand price. Read from a cluster's declared
 * arguments, so the plan and the policy pack price what is declared.
 */
import { CLOUDS, CLOUD_PROFILES, type Cloud } from "./clouds";
import { DBU_PRICES, NODE_RATES, RATES_VERSION } from "./rates";

export type Sku = "allPurpose" | "jobs";

/** A cluster's price per hour (unrounded: sums and shares of it are rounded once, by who shows them), or why there is none. */
export type ClusterPrice = { perHour: number; spotPricedOnDemand: boolean } | { unpriced: string };

/** The cloud of a cluster from the availability attributes it carries. */
function cloudOf(props: Record<string, any>): Cloud | undefined {
    return CLOUDS.find((cloud) => props[CLOUD_PROFILES[cloud].cloudAttributesArg]);
}

/** The price per hour of a node type on a SKU, or undefined when the rates table has no row for it. */
export function nodePricePerHour(cloud: Cloud, nodeType: string, sku: Sku): number | undefined {
    const rate = NODE_RATES[cloud][nodeType];
    return rate && rate.dbuPerHour * DBU_PRICES[sku] + rate.onDemandPerHour;
}

/** A running cluster's price per hour: its driver and its workers, from the Clusters API's arguments. */
export function clusterPricePerHour(props: Record<string, any>, sku: Sku): ClusterPrice {
    const cloud = cloudOf(props);
    if (!cloud) return { unpriced: "no cloud attributes to tell its cloud by" };
    const workerType = props.nodeTypeId;
    const driverType = props.driverNodeTypeId ?? workerType;
    const [worker, driver] = [workerType, driverType].map((type) => nodePricePerHour(cloud, type, sku));
    const missing = [...new Set([worker === undefined && workerType, driver === undefined && driverType].filter(Boolean))];
    if (missing.length > 0 || worker === undefined || driver === undefined)
        return { unpriced: `no ${cloud} rate for ${missing.join(", ")} in the rates table (${RATES_VERSION})` };
    const workers = Number(props.numWorkers ?? 0);
    const availability = String(props[CLOUD_PROFILES[cloud].cloudAttributesArg]?.availability ?? "");
    return { perHour: driver + workers * worker, spotPricedOnDemand: workers > 0 && /SPOT|PREEMPTIBLE/.test(availability) };
}

/** Cents, as the plan shows them: a sum of list prices is no more exact. */
export const round = (usd: number) => Math.round((usd + Number.EPSILON) * 100) / 100;

export const formatPerHour = (usd: number) => `$${round(usd).toFixed(2)}/h`;
