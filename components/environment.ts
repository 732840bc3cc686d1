import * as pulumi from "@pulumi/pulumi";
import { type Cloud, type ValidationResult, cloudAttributesFor, inputsFromSettings } from "../config";
import { PROJECT } from "../config/errors";
import { type LoadedConfig, validateComponentInputs } from "../config/load";
import { stackTags } from "../lib/naming";
import { KedroEnvironment } from "./core";
import type { Cluster } from "./databricks";
import type { DatabricksKedroEnvironmentArgs } from "./environmentArgs";
import { componentType, movedFrom } from "./types";
import type { CreatedWorkspace, WorkspaceProvisioningArgs } from "./workspace";

export type WorkspaceComponent = new (
    name: string,
    args: WorkspaceProvisioningArgs,
    opts: pulumi.ComponentResourceOptions,
) => CreatedWorkspace;

/**
 * Each cloud's workspace component, loaded only to create a workspace: its
 * cloud SDK is start-up time of every preview. Not even their types are
 * imported here, so the package's schema is read without the cloud SDKs'
 * 40 MB of type declarations (test/components/workspaceSuite.ts holds each
 * to WorkspaceComponent).
 */
export const WORKSPACE_COMPONENTS: Readonly<Record<Cloud, () => WorkspaceComponent>> = {
    aws: () => require("./aws/workspace").AwsDatabricksWorkspace,
    azure: () => require("./azure/workspace").AzureDatabricksWorkspace,
    gcp: () => require("./gcp/workspace").GcpDatabricksWorkspace,
};

/** What the environment is built from: valid settings, and the secrets and URL the settings do not hold. */
interface Prepared extends ValidationResult {
    gitToken?: pulumi.Input<string>;
    clientSecret?: pulumi.Input<string>;
    /** The URL of a repository the stack creates, an output. */
    gitUrl?: pulumi.Input<string>;
}

/** Args the stack made from its config, which it validated (and reported on) before declaring anything. */
const FROM_STACK_CONFIG = new WeakMap<DatabricksKedroEnvironmentArgs, Prepared>();

/** The environment's args for a stack: the inputs its validated config stands for. */
export function stackEnvironmentArgs(loaded: LoadedConfig, gitUrl?: pulumi.Output<string>): DatabricksKedroEnvironmentArgs {
    const args = {
        ...inputsFromSettings(loaded.settings),
        gitToken: loaded.gitToken,
        databricksClientSecret: loaded.databricksClientSecret,
    } as DatabricksKedroEnvironmentArgs;
    FROM_STACK_CONFIG.set(args, {
        settings: loaded.settings,
        warnings: [],
        gitToken: loaded.gitToken,
        clientSecret: loaded.databricksClientSecret,
        gitUrl,
    });
    return args;
}

const COMPONENT = "DatabricksKedroEnvironment";

/**
 * A Databricks provider among the options, which the environment's resources
 * then use. getPackage is how the SDK itself tells providers apart (also the
 * references a plugin receives), though its typings leave it out.
 */
function hasDatabricksProvider(opts: pulumi.ComponentResourceOptions): boolean {
    const given = [opts.provider, ...(Array.isArray(opts.providers) ? opts.providers : Object.values(opts.providers ?? {}))];
    return given.some((provider) => (provider as unknown as { getPackage?: () => string } | undefined)?.getPackage?.() === "databricks");
}

/** Args from a program: checked by the stack's rules, before anything is declared. */
function prepare(name: string, args: DatabricksKedroEnvironmentArgs, opts: pulumi.ComponentResourceOptions): Prepared {
    const explicitProvider = hasDatabricksProvider(opts);
    const validated = validateComponentInputs(args as unknown as Record<string, unknown>, {
        component: COMPONENT,
        name,
        protect: opts.protect === true,
        explicitProvider,
    });
    if (validated.settings.workspace.mode === "create" && explicitProvider) {
        throw new Error(`${COMPONENT} "${name}": workspace create builds its own workspace provider; pass no Databricks provider.`);
    }
    return { ...validated, gitToken: args.gitToken, clientSecret: args.databricksClientSecret };
}

const PARTS = new WeakMap<DatabricksKedroEnvironment, { core: KedroEnvironment; createdWorkspace?: CreatedWorkspace }>();

/**
 * The Kedro starter environment on AWS, Azure or GCP Databricks: the
 * workspace when asked to create one, then an interactive cluster, a Git
 * credential, the Kedro project as a Databricks Repo, a notebook that runs
 * it, and optionally the pipeline as a scheduled job.
 */
export class DatabricksKedroEnvironment extends pulumi.ComponentResource {
    /** The interactive cluster; none with compute serverless. */
    declare readonly cluster?: Cluster;
    /** URL of the Databricks workspace. */
    declare readonly workspaceUrl: pulumi.Output<string>;
    /** Id of the interactive cluster; none with compute serverless. */
    declare readonly clusterId: pulumi.Output<string | undefined>;
    /** The cluster's page in the workspace; none with compute serverless. */
    declare readonly clusterUrl: pulumi.Output<string | undefined>;
    /** /Volumes/<catalog>/<schema>/<volume>, with dataVolume: the path the Kedro run gets as its data_volume runtime parameter. */
    declare readonly dataVolumePath: pulumi.Output<string | undefined>;
    /** Workspace path of the Databricks Repo. */
    declare readonly repoPath: pulumi.Output<string | undefined>;
    /** The commit the Repo has checked out after the update. */
    declare readonly repoCommit: pulumi.Output<string | undefined>;
    /** The Kedro project's root in the workspace, as the notebook reads it. */
    declare readonly projectRoot: pulumi.Output<string | undefined>;
    /** Workspace path of the notebook that runs the pipeline. */
    declare readonly notebookPath: pulumi.Output<string | undefined>;
    /** The notebook's page in the workspace. */
    declare readonly notebookUrl: pulumi.Output<string | undefined>;
    /** Id of the scheduled job, with job true. */
    declare readonly jobId: pulumi.Output<string | undefined>;
    /** The job's page in the workspace, with job true. */
    declare readonly jobUrl: pulumi.Output<string | undefined>;

    constructor(name: string, args: DatabricksKedroEnvironmentArgs, opts: pulumi.ComponentResourceOptions = {}) {
        const prepared = FROM_STACK_CONFIG.get(args) ?? prepare(name, args, opts);
        const { settings } = prepared;
        // Until the package's tokens, each cloud had a component type of its own.
        super(componentType(COMPONENT), name, {}, movedFrom(`${PROJECT}:${settings.cloud}:KedroEnvironment`, opts));
        prepared.warnings.forEach((warning) => pulumi.log.warn(warning, this));
        // A secret whatever the caller passed: a plain string from another language arrives as plain text.
        const clientSecret = prepared.clientSecret === undefined ? undefined : pulumi.secret(prepared.clientSecret);
        const createdWorkspace =
            settings.workspace.mode === "create"
                ? new (WORKSPACE_COMPONENTS[settings.cloud]())(
                      `${name}-workspace`,
                      { workspace: settings.workspace, clientSecret, tags: stackTags(settings.project, settings.stack) },
                      { parent: this },
                  )
                : undefined;
        const core = new KedroEnvironment(
            name,
            {
                settings,
                gitToken: prepared.gitToken,
                gitUrl: prepared.gitUrl,
                // Undefined: the provider the options name, else the default provider.
                provider: createdWorkspace?.provider,
                cloudAttributes: cloudAttributesFor(settings.cloud, settings.cluster.spot, [
                    settings.cluster.nodeType,
                    settings.cluster.driverNodeType,
                ]),
            },
            { parent: this },
        );
        PARTS.set(this, { core, createdWorkspace });
        Object.assign(this, { ...core.outputs(), cluster: core.cluster });
        this.registerOutputs(core.outputs());
    }

    /** The cloud-neutral core: cluster, credential, Repo, notebook and job. */
    get core(): KedroEnvironment {
        return PARTS.get(this)!.core;
    }

    /** The workspace this environment created, with workspace create. */
    get createdWorkspace(): CreatedWorkspace | undefined {
        return PARTS.get(this)!.createdWorkspace;
    }

    /** The stack outputs: the core's, whichever workspace it runs in. */
    outputs() {
        return this.core.outputs();
    }
}
