import type { Cloud } from "./clouds";
import { boundedName } from "./boundedName";

/**
 * Names and paths derived from the project, the stack and the Kedro repository.
 * Everything a workspace sees carries the stack, so dev, prod and a review
 * stack can share one workspace without colliding.
 */
export interface StackNames {
    /** `<repo>-<stack>`: the Repo folder and the base of every other name. */
    slug: string;
    clusterName: string;
    gitCredentialName: string;
    notebookName: string;
    jobName: string;
}

/** Keeps the characters that are safe in workspace paths and cluster names. */
export function sanitizeName(value: string): string {
    const cleaned = value
        .replace(/[^A-Za-z0-9._-]+/g, "-")
        .replace(/-{2,}/g, "-")
        .replace(/^[-.]+|[-.]+$/g, "");
    return cleaned.length > 0 ? cleaned : "kedro";
}

export function stackNames(repoName: string, stack: string): StackNames {
    const slug = sanitizeName(`${repoName}-${stack}`);
    return {
        slug,
        clusterName: `kedro-${slug}`,
        gitCredentialName: `kedro-${slug}`,
        notebookName: `${slug}-run`,
        jobName: `kedro-${slug}`,
    };
}

/** The job's own Repo or notebook, beside the interactive one: people pulling theirs never move the job's code. */
export function jobPathOf(path: string): string {
    return `${path}-job`;
}

/** The job's page, as the provider's own url attribute forms it. */
export function jobUrl(workspaceUrl: string, jobId: string): string {
    return `${normalizeWorkspaceUrl(workspaceUrl)}/#job/${jobId}`;
}

export function defaultRepoPath(userName: string, slug: string): string {
    return `/Repos/${userName}/${slug}`;
}

export function defaultNotebookPath(home: string, notebookName: string): string {
    return `${home.replace(/\/+$/, "")}/${notebookName}`;
}

/** The Kedro project root as notebooks see it: the Repo under /Workspace. */
export function workspacePathOf(path: string): string {
    return path.startsWith("/Workspace/") ? path : `/Workspace${path}`;
}

/** `https://host` without a trailing slash, whatever form the provider reports. */
export function normalizeWorkspaceUrl(hostOrUrl: string): string {
    const withScheme = /^[a-z]+:\/\//i.test(hostOrUrl) ? hostOrUrl : `https://${hostOrUrl}`;
    return withScheme.replace(/\/+$/, "");
}

export function clusterUrl(workspaceUrl: string, clusterId: string): string {
    return `${normalizeWorkspaceUrl(workspaceUrl)}/#setting/clusters/${clusterId}/configuration`;
}

export function notebookUrl(workspaceUrl: string, notebookPath: string): string {
    return `${normalizeWorkspaceUrl(workspaceUrl)}/#workspace${notebookPath}`;
}

/** GCP labels allow lowercase letters, digits, `_` and `-`, up to 63 characters. */
function gcpLabelValue(value: string): string {
    return boundedName(value.toLowerCase().replace(/[^a-z0-9_-]+/g, "-"), 63);
}

/** The tags every tagged resource of a stack carries: the project, the stack and the tool that manages it. */
export function stackTags(project: string, stack: string): Record<string, string> {
    return { project, stack, "managed-by": "pulumi" };
}

/** The stack's tags and the Kedro project. Keys are lowercase so the same tags are valid GCP labels. */
export function clusterTags(cloud: Cloud, project: string, stack: string, repoName: string): Record<string, string> {
    const tags = { ...stackTags(project, stack), "kedro-project": repoName };
    if (cloud !== "gcp") return tags;
    return Object.fromEntries(Object.entries(tags).map(([key, value]) => [key, gcpLabelValue(value)]));
}
