import * as pulumi from "@pulumi/pulumi";
import type * as databricks from "./databricks";
import { type Cloud, type KedroStackSettings, cloudAttributesFor } from "../config";
import { stackTags } from "../lib/naming";
import { KedroEnvironment, type KedroEnvironmentOutputs } from "./core";
import type { CreatedWorkspace, WorkspaceProvisioningArgs } from "./workspace";

export interface CloudKedroEnvironmentArgs {
    settings: KedroStackSettings;
    gitToken?: pulumi.Input<string>;
    /** The account service principal's OAuth secret, for `workspace: create`. */
    databricksClientSecret?: pulumi.Input<string>;
    /** Workspace-level provider for an existing workspace; the default provider (databricks:host, …) when omitted. */
    provider?: databricks.Provider;
    /** The Kedro repository's URL when this stack creates it. */
    gitUrl?: pulumi.Input<string>;
}

/** Each cloud's workspace component, as its Kedro environment builds it. */
export type WorkspaceFactory = (name: string, args: WorkspaceProvisioningArgs, opts: pulumi.ComponentResourceOptions) => CreatedWorkspace;

/**
 * What every cloud's component shares: it checks the settings are for its
 * cloud, creates the cloud's workspace when asked, adds the cloud's cluster
 * availability, and exposes the core's outputs.
 */
export abstract class CloudKedroEnvironment extends pulumi.ComponentResource {
    readonly core: KedroEnvironment;
    /** The workspace this stack created, with `workspace: create`. */
    readonly createdWorkspace?: CreatedWorkspace;

    protected constructor(
        cloud: Cloud,
        createWorkspace: WorkspaceFactory,
        name: string,
        args: CloudKedroEnvironmentArgs,
        opts: pulumi.ComponentResourceOptions = {},
    ) {
        const { settings } = args;
        if (settings.cloud !== cloud) {
            throw new Error(`The ${cloud} component was given settings for ${settings.cloud}.`);
        }
        if (settings.workspace.mode === "create" && args.provider) {
            throw new Error("workspace: create builds its own workspace provider; do not pass one.");
        }
        super(`databricks-kedro-stack:${cloud}:KedroEnvironment`, name, {}, opts);
        if (settings.workspace.mode === "create") {
            this.createdWorkspace = createWorkspace(
                `${name}-workspace`,
                {
                    workspace: settings.workspace,
                    clientSecret: args.databricksClientSecret,
                    tags: stackTags(settings.project, settings.stack),
                },
                { parent: this },
            );
        }
        this.core = new KedroEnvironment(
            name,
            {
                settings: args.settings,
                gitToken: args.gitToken,
                gitUrl: args.gitUrl,
                provider: this.createdWorkspace?.provider ?? args.provider,
                cloudAttributes: cloudAttributesFor(cloud, args.settings.cluster.spot, [
                    args.settings.cluster.nodeType,
                    args.settings.cluster.driverNodeType,
                ]),
            },
            { parent: this },
        );
        this.registerOutputs(this.core.outputs());
    }

    /** The stack outputs: the core's, whichever workspace it runs in. */
    outputs(): KedroEnvironmentOutputs {
        return this.core.outputs();
    }
}
