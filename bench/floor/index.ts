/**
 * The floor evaluation is measured against: a program of one resource, run by
 * the same runner under the same mocks as this project's program. What this
 * project costs above it is what its own modules cost.
 */
import { Cluster } from "@pulumi/databricks/cluster";

export const clusterId = new Cluster("one", { sparkVersion: "15.4.x-scala2.12", nodeTypeId: "m4.large", numWorkers: 1 }).id;
