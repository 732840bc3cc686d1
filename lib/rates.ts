/**
 * The rates the price estimate uses, versioned, each row with its source.
 * Every figure is a list price in USD per hour, transcribed from Databricks
 * Labs' Overwatch, which ships them as its cost defaults:
 * - node types: DBUs per hour and the VM's on-demand price, from
 *   src/main/resources/{AWS,Azure,Gcp}_Instance_Details.csv;
 * - DBU prices: its DatabricksContractPrices defaults (utils/Structures.scala),
 *   the Premium list prices of all-purpose and jobs compute.
 * Known gap: the GCP rows' VM prices are about twice Google's on-demand list
 * price for the bare machine type (n1-standard-4 lists near $0.19/h in
 * us-central1, the row says $0.39); the row is kept as the source has it,
 * so GCP prices are an upper bound.
 * Not in them, so not here: spot averages (a worker on spot is priced
 * on-demand, an upper bound), other tiers, regions, and serverless DBU prices.
 */
import type { Cloud } from "./clouds";

export const RATES_VERSION = "overwatch-2024-09+jobs-by-cloud";

export interface RateSource {
    url: string;
    /** The date of the commit the figures were read at. */
    date: string;
}

const OVERWATCH = "https://github.com/databrickslabs/overwatch/blob";
export const RATE_SOURCES = {
    aws: { url: `${OVERWATCH}/7c433b19/src/main/resources/AWS_Instance_Details.csv`, date: "2024-07-11" },
    azure: { url: `${OVERWATCH}/7390d4ab/src/main/resources/Azure_Instance_Details.csv`, date: "2024-06-21" },
    gcp: { url: `${OVERWATCH}/6cbb9d74/src/main/resources/Gcp_Instance_Details.csv`, date: "2024-06-21" },
    dbuPrices: { url: `${OVERWATCH}/6a66e784/src/main/scala/com/databricks/labs/overwatch/utils/Structures.scala`, date: "2024-09-26" },
} as const satisfies Record<string, RateSource>;

export interface NodeRate {
    /** Databricks Units a node of this type consumes per hour. */
    dbuPerHour: number;
    /** The VM's on-demand list price, USD per hour. */
    onDemandPerHour: number;
}

/** Every node type the policy pack allows, per cloud: Hourly_DBUs and On_Demand_Cost_Hourly of the source's rows. */
export const NODE_RATES: Readonly<Record<Cloud, Readonly<Record<string, NodeRate>>>> = {
    aws: {
        "m4.large": { dbuPerHour: 0.4, onDemandPerHour: 0.1 },
        "m5.large": { dbuPerHour: 0.35, onDemandPerHour: 0.096 },
        "m5.xlarge": { dbuPerHour: 0.69, onDemandPerHour: 0.192 },
        "m5d.large": { dbuPerHour: 0.34, onDemandPerHour: 0.113 },
        "m5d.xlarge": { dbuPerHour: 0.69, onDemandPerHour: 0.226 },
        "i3.xlarge": { dbuPerHour: 1, onDemandPerHour: 0.312 },
        "r5.large": { dbuPerHour: 0.45, onDemandPerHour: 0.126 },
        "r5.xlarge": { dbuPerHour: 0.9, onDemandPerHour: 0.252 },
    },
    azure: {
        Standard_DS3_v2: { dbuPerHour: 0.75, onDemandPerHour: 0.23 },
        Standard_DS4_v2: { dbuPerHour: 1.5, onDemandPerHour: 0.46 },
        Standard_D4ds_v5: { dbuPerHour: 1, onDemandPerHour: 0.23 },
        Standard_D8ds_v5: { dbuPerHour: 2, onDemandPerHour: 0.45 },
        Standard_E4ds_v5: { dbuPerHour: 1.5, onDemandPerHour: 0.29 },
        Standard_E8ds_v5: { dbuPerHour: 2.75, onDemandPerHour: 0.58 },
    },
    gcp: {
        "n1-standard-4": { dbuPerHour: 0.71, onDemandPerHour: 0.3905 },
        "n1-standard-8": { dbuPerHour: 1.41, onDemandPerHour: 0.7755 },
        "n2-standard-4": { dbuPerHour: 0.72, onDemandPerHour: 0.396 },
        "n2-standard-8": { dbuPerHour: 1.44, onDemandPerHour: 0.792 },
        "n2-highmem-4": { dbuPerHour: 0.96, onDemandPerHour: 0.528 },
        "n2-highmem-8": { dbuPerHour: 1.92, onDemandPerHour: 1.056 },
    },
};

/**
 * USD per DBU by SKU and cloud, Premium tier. All-purpose compute lists at
 * $0.55 on every cloud, Overwatch's default. Jobs compute does not: Azure
 * lists Premium Jobs Compute at $0.30 per DBU, AWS and GCP at $0.15 (their
 * published pricing pages, DBU_PRICE_SOURCES); Overwatch's one $0.15 for every
 * cloud understated Azure's job runs by half.
 */
export const DBU_PRICES = {
    tier: "premium",
    allPurpose: { aws: 0.55, azure: 0.55, gcp: 0.55 },
    jobs: { aws: 0.15, azure: 0.3, gcp: 0.15 },
} as const satisfies { tier: string; allPurpose: Record<Cloud, number>; jobs: Record<Cloud, number> };

export const DBU_PRICE_SOURCES = {
    aws: "https://www.databricks.com/product/pricing/jobs",
    azure: "https://azure.microsoft.com/en-us/pricing/details/databricks/",
    gcp: "https://www.databricks.com/product/gcp-pricing",
} as const;
