/**
 * What the interactive cluster and the job cluster share: the tutorial's
 * cluster from the settings and the cloud's availability. Each adds its own
 * (a name and autotermination for the interactive one).
 */
import type * as pulumi from "@pulumi/pulumi";
import { type ClusterCloudAttributes, SINGLE_NODE } from "../lib/clouds";
import type { KedroStackSettings } from "../config/settings";
import { clusterTags } from "../lib/naming";

export function clusterSpec(
    settings: KedroStackSettings,
    cloudAttributes: ClusterCloudAttributes,
    singleUserName: pulumi.Input<string | undefined>,
) {
    const { cluster } = settings;
    const singleNode = cluster.numWorkers === 0;
    return {
        sparkVersion: cluster.sparkVersion,
        nodeTypeId: cluster.nodeType,
        driverNodeTypeId: cluster.driverNodeType,
        numWorkers: cluster.numWorkers,
        dataSecurityMode: cluster.accessMode,
        singleUserName,
        customTags: {
            ...clusterTags(settings.cloud, settings.project, settings.stack, settings.git.repoName),
            ...(singleNode ? SINGLE_NODE.customTags : {}),
        },
        sparkConf: singleNode ? { ...SINGLE_NODE.sparkConf } : undefined,
        ...cloudAttributes,
    };
}
