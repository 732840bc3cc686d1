import * as pulumi from "@pulumi/pulumi";
import type * as databricks from "@pulumi/databricks";
import { type Cloud, type KedroStackSettings, availabilityFor } from "../config";
import { KedroEnvironment, type KedroEnvironmentOutputs } from "./core";

export interface CloudKedroEnvironmentArgs {
    settings: KedroStackSettings;
    gitToken: pulumi.Input<string>;
    /** Workspace-level provider; the default provider (databricks:host, …) when omitted. */
    provider?: databricks.Provider;
}

/**
 * What every cloud's component shares: it checks the settings are for its
 * cloud, adds the cloud's cluster availability, and exposes the core's outputs.
 */
export abstract class CloudKedroEnvironment extends pulumi.ComponentResource implements KedroEnvironmentOutputs {
    readonly core: KedroEnvironment;

    readonly workspaceUrl: pulumi.Output<string>;
    readonly clusterId: pulumi.Output<string>;
    readonly clusterUrl: pulumi.Output<string>;
    readonly repoPath: pulumi.Output<string>;
    readonly projectRoot: pulumi.Output<string>;
    readonly notebookPath: pulumi.Output<string>;
    readonly notebookUrl: pulumi.Output<string>;

    protected constructor(
        cloud: Cloud,
        name: string,
        args: CloudKedroEnvironmentArgs,
        opts: pulumi.ComponentResourceOptions = {},
    ) {
        if (args.settings.cloud !== cloud) {
            throw new Error(`The ${cloud} component was given settings for ${args.settings.cloud}.`);
        }
        super(`databricks-kedro-stack:${cloud}:KedroEnvironment`, name, {}, opts);
        this.core = new KedroEnvironment(
            name,
            {
                settings: args.settings,
                gitToken: args.gitToken,
                provider: args.provider,
                clusterAttributes: availabilityFor(cloud, args.settings.cluster.spot),
            },
            { parent: this },
        );
        const outputs = this.core.outputs();
        this.workspaceUrl = outputs.workspaceUrl;
        this.clusterId = outputs.clusterId;
        this.clusterUrl = outputs.clusterUrl;
        this.repoPath = outputs.repoPath;
        this.projectRoot = outputs.projectRoot;
        this.notebookPath = outputs.notebookPath;
        this.notebookUrl = outputs.notebookUrl;
        this.registerOutputs(outputs);
    }

    outputs(): KedroEnvironmentOutputs {
        return this.core.outputs();
    }
}
