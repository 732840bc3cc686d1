import type * as pulumi from "@pulumi/pulumi";
import { CloudKedroEnvironment, type CloudKedroEnvironmentArgs } from "../cloud";

/** The Kedro starter environment on GCP Databricks, in an existing workspace or one it creates. */
export class GcpKedroEnvironment extends CloudKedroEnvironment {
    constructor(name: string, args: CloudKedroEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) {
        // The workspace module (and the cloud SDK it imports) loads only for workspace: create.
        super(
            "gcp",
            (...workspace) => new (require("./workspace") as typeof import("./workspace")).GcpDatabricksWorkspace(...workspace),
            name,
            args,
            opts,
        );
    }
}
