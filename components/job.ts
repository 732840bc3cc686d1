import * as pulumi from "@pulumi/pulumi";
import * as databricks from "./databricks";
import type { ClusterCloudAttributes, KedroStackSettings } from "../config";
import { kedroJobArgs } from "./jobArgs";
import { jobPathOf, jobUrl, workspacePathOf } from "../lib/naming";
import { kedroRepo, notebookPathFor, repoPathFor, sourceNotebook } from "./checkout";
import { renderKedroJobNotebook } from "../lib/notebook";
import { jobPackages } from "../lib/job";
import { runtimeParamsFor } from "../lib/volume";
import type { DeployingIdentity } from "../lib/people";

export interface KedroJobArgs {
    /** Settings with job: true and the commit to deploy (gitCommit). */
    settings: KedroStackSettings;
    /** The cloud's part of the job cluster (see cloudAttributesFor). */
    cloudAttributes: ClusterCloudAttributes;
    gitUrl: pulumi.Input<string>;
    /** The stack's Git credential, for the Repo's create and update requests; undefined with gitCredential: shared. */
    gitCredentialId?: pulumi.Input<number>;
    /** The checked deploying identity: the job runs as it and owns its Repo and notebook. */
    deployer: pulumi.Output<{ identity: DeployingIdentity; home: string }>;
    workspaceUrl: pulumi.Input<string>;
    provider?: databricks.Provider;
}

/**
 * The Kedro pipeline as a Databricks Job: its own Repo at the deployed
 * commit, a notebook that checks the commit and runs the pipeline, and a
 * job cluster made for each run.
 */
export class KedroJob extends pulumi.ComponentResource {
    /** The job's own clone, which only pulumi up moves. */
    readonly repo: databricks.Repo;
    readonly notebook: databricks.Notebook;
    readonly job: databricks.Job;
    readonly jobId: pulumi.Output<string>;
    readonly jobUrl: pulumi.Output<string>;

    constructor(name: string, args: KedroJobArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("databricks-kedro-stack:index:KedroJob", name, {}, opts);
        const { settings, deployer } = args;
        if (!settings.job) throw new Error("KedroJob needs settings with job: true.");
        const { job } = settings;
        const childOpts: pulumi.CustomResourceOptions = { parent: this, provider: args.provider };

        this.repo = kedroRepo(
            `${name}-repo`,
            {
                settings,
                gitUrl: args.gitUrl,
                path: deployer.apply(({ identity }) => jobPathOf(repoPathFor(settings, identity.userName))),
                gitCredentialId: args.gitCredentialId,
            },
            childOpts,
        );
        this.notebook = sourceNotebook(
            `${name}-notebook`,
            deployer.apply(({ home }) => jobPathOf(notebookPathFor(settings, home))),
            this.repo.path.apply((path) =>
                renderKedroJobNotebook({
                    projectRoot: workspacePathOf(path),
                    defaultPipeline: job.pipeline,
                    install: settings.compute === "serverless" ? jobPackages(settings.kedro.packages) : undefined,
                    runtimeParams: runtimeParamsFor(settings.dataVolume),
                }),
            ),
            childOpts,
        );
        this.job = new databricks.Job(
            name,
            kedroJobArgs(settings, args.cloudAttributes, {
                notebookPath: this.notebook.path,
                repoId: this.repo.id,
                runAs: deployer.apply(({ identity }) => identity.userName),
            }),
            childOpts,
        );
        this.jobId = this.job.id;
        this.jobUrl = pulumi.all([args.workspaceUrl, this.job.id]).apply(([url, id]) => jobUrl(url, id));
        this.registerOutputs({ jobId: this.jobId, jobUrl: this.jobUrl });
    }
}
