/**
 * The guardrails as plain policy objects, importable without starting the
 * pack's server (index.ts does that). Each has an enforcement level and
 * config with defaults; the README documents them.
 */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import {
    accessMode,
    awsClusterDisk,
    jobClusters,
    maxAutotermination,
    maxWorkers,
    nodeTypes,
    spotWorkers,
    supportedRuntime,
} from "./clusterPolicies";
import { maxCostPerHour } from "./costPolicies";
import { azureNoPublicIp, githubRepositorySafe, s3RootBucketSecure } from "./platformPolicies";

export * from "./clusterPolicies";
export * from "./costPolicies";
export * from "./platformPolicies";
export { DEFAULT_NODE_TYPES, type DeclaredCluster, PACK_NAME, TYPES, clusterCloud, clustersOf, configDefaults, stackOf } from "./shared";

export const policies: Array<ResourceValidationPolicy | StackValidationPolicy> = [
    maxAutotermination,
    spotWorkers,
    maxWorkers,
    accessMode,
    nodeTypes,
    awsClusterDisk,
    supportedRuntime,
    jobClusters,
    maxCostPerHour,
    githubRepositorySafe,
    s3RootBucketSecure,
    azureNoPublicIp,
];
