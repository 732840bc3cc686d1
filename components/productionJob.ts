import * as pulumi from "@pulumi/pulumi";
import * as databricks from "./databricks";
import type { ClusterCloudAttributes, KedroStackSettings } from "../config";
import type { Artifact, ProductionJob } from "../config/rules/production";
import { jobUrl, stackNames } from "../lib/naming";
import type { DeployingIdentity } from "../lib/people";
import { volumePath } from "../lib/volume";
import { productionJobArgs } from "./productionJobArgs";

export interface KedroProductionJobsArgs {
    /** Settings with job: true and jobSource: wheel. */
    settings: KedroStackSettings;
    cloudAttributes: ClusterCloudAttributes;
    /** The checked deploying identity: the jobs run as it; without a data volume, the artifacts go to its home. */
    deployer: pulumi.Output<{ identity: DeployingIdentity; home: string }>;
    workspaceUrl: pulumi.Input<string>;
    provider?: databricks.Provider;
}

/**
 * Where a build's artifacts go: a folder named after the wheel's digest, so
 * each build is a new file and a running job never reads a half-replaced one.
 */
function artifactFolder(settings: KedroStackSettings, production: ProductionJob, home: string): string {
    const slug = stackNames(settings.git.repoName, settings.stack).slug;
    const build = production.wheel.sha256.slice(0, 16);
    return settings.dataVolume
        ? `${volumePath(settings.dataVolume)}/.kedro-artifacts/${slug}/${build}`
        : `${home}/.kedro-artifacts/${slug}/${build}`;
}

/**
 * The packaged Kedro project as Databricks jobs: the wheel and the conf
 * archive uploaded (into the data volume, or as workspace files under the
 * deployer's home), and a job per pipeline whose tasks come from the
 * pipeline's graph.
 */
export class KedroProductionJobs extends pulumi.ComponentResource {
    readonly wheel: databricks.File | databricks.WorkspaceFile;
    readonly conf: databricks.File | databricks.WorkspaceFile;
    /** One per pipeline of jobPipelines, in that order. */
    readonly jobs: databricks.Job[];
    /** The first pipeline's job, as the stack's jobId and jobUrl outputs. */
    readonly jobId: pulumi.Output<string>;
    readonly jobUrl: pulumi.Output<string>;
    readonly jobUrls: pulumi.Output<Record<string, string>>;

    constructor(name: string, args: KedroProductionJobsArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super("databricks-kedro-stack:index:KedroProductionJobs", name, {}, opts);
        const { settings, deployer } = args;
        const production = settings.job?.production;
        if (!production) throw new Error("KedroProductionJobs needs settings with jobSource: wheel.");
        const childOpts: pulumi.CustomResourceOptions = { parent: this, provider: args.provider };
        const folder = deployer.apply(({ home }) => artifactFolder(settings, production, home));
        this.wheel = this.upload(`${name}-wheel`, production.wheel, folder, settings, childOpts);
        this.conf = this.upload(`${name}-conf`, production.conf, folder, settings, childOpts);
        const refs = {
            wheelPath: this.jobPathOf(this.wheel),
            confPath: this.jobPathOf(this.conf),
            runAs: deployer.apply(({ identity }) => identity.userName),
        };
        this.jobs = production.jobs.map(
            (job) => new databricks.Job(`${name}-${job.pipeline}`, productionJobArgs(settings, job, args.cloudAttributes, refs), childOpts),
        );
        this.jobId = this.jobs[0].id;
        this.jobUrl = pulumi.all([args.workspaceUrl, this.jobId]).apply(([url, id]) => jobUrl(url, id));
        this.jobUrls = pulumi
            .all([args.workspaceUrl, ...this.jobs.map((job) => job.id)])
            .apply(([url, ...ids]) => Object.fromEntries(production.jobs.map((job, index) => [job.pipeline, jobUrl(url, ids[index])])));
        this.registerOutputs({ jobId: this.jobId, jobUrl: this.jobUrl, jobUrls: this.jobUrls });
    }

    /**
     * One artifact, its content inline: the state then holds the bytes, not a
     * path on the deploying machine, so CI and a laptop declare the same file.
     * A new build is a new path, which the provider replaces (path is
     * force-new); the old file is kept, not deleted, because a run that
     * started before the update still reads it in its later tasks.
     */
    private upload(
        name: string,
        artifact: Artifact,
        folder: pulumi.Output<string>,
        settings: KedroStackSettings,
        opts: pulumi.CustomResourceOptions,
    ): databricks.File | databricks.WorkspaceFile {
        const file = { path: folder.apply((path) => `${path}/${artifact.fileName}`), contentBase64: artifact.contentBase64 };
        const kept = { ...opts, retainOnDelete: true };
        return settings.dataVolume ? new databricks.File(name, file, kept) : new databricks.WorkspaceFile(name, file, kept);
    }

    /** The path a job reads an artifact at: a volume's as is, a workspace file's under /Workspace. */
    private jobPathOf(file: databricks.File | databricks.WorkspaceFile): pulumi.Output<string> {
        return file instanceof databricks.WorkspaceFile ? file.workspacePath : file.path;
    }
}
