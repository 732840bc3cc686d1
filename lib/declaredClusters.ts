/**
 * The clusters a resource declares, from its Databricks arguments: a Cluster
 * is one; a Job has its job clusters and any task or job-level new cluster.
 * The policy pack holds each to the cluster rules; the price sums them.
 */
import { CLOUDS, CLOUD_PROFILES, type Cloud } from "./clouds";

export const CLUSTER_TYPE = "databricks:index/cluster:Cluster";
export const JOB_TYPE = "databricks:index/job:Job";

export interface DeclaredCluster {
    /** "" for a Cluster; "job cluster <key>: " or "task <key>: " in a Job, to prefix its violations. */
    label: string;
    props: Record<string, any>;
}

export function clustersOf(type: string, props: Record<string, any>): DeclaredCluster[] {
    if (type === CLUSTER_TYPE) return [{ label: "", props }];
    if (type !== JOB_TYPE) return [];
    const clusters: DeclaredCluster[] = [];
    for (const jobCluster of props.jobClusters ?? []) {
        if (jobCluster?.newCluster) clusters.push({ label: `job cluster ${jobCluster.jobClusterKey}: `, props: jobCluster.newCluster });
    }
    for (const task of props.tasks ?? []) if (task?.newCluster) clusters.push({ label: `task ${task.taskKey}: `, props: task.newCluster });
    if (props.newCluster) clusters.push({ label: "job: ", props: props.newCluster });
    return clusters;
}

/** The cloud of a cluster, from the availability attributes it carries. */
export function clusterCloud(props: Record<string, any>): Cloud | undefined {
    return CLOUDS.find((cloud) => props[CLOUD_PROFILES[cloud].cloudAttributesArg]);
}
