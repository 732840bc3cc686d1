/** Git provider names as Databricks spells them (its API compares them case-insensitively). */
export const GIT_PROVIDERS = [
    "gitHub",
    "gitHubEnterprise",
    "gitLab",
    "gitLabEnterpriseEdition",
    "azureDevOpsServices",
    "bitbucketCloud",
    "bitbucketServer",
    "awsCodeCommit",
] as const;
export type GitProvider = (typeof GIT_PROVIDERS)[number];

/** The canonical spelling of a provider name given in any case, or undefined if Databricks does not know it. */
export function canonicalGitProvider(name: string): GitProvider | undefined {
    const wanted = name.trim().toLowerCase();
    return GIT_PROVIDERS.find((provider) => provider.toLowerCase() === wanted);
}

/** The hosts inferGitProvider recognises, for messages. */
export const INFERRED_GIT_HOSTS = "github.com, gitlab.com, dev.azure.com, *.visualstudio.com, bitbucket.org and AWS CodeCommit";

/**
 * Infers the provider from the host of an HTTPS Git URL. Only public SaaS hosts
 * are inferred: a self-hosted server could be GitHub Enterprise, GitLab or
 * Bitbucket Server, so it needs an explicit `gitProvider`.
 */
export function inferGitProvider(gitUrl: URL): GitProvider | undefined {
    const host = gitUrl.hostname.toLowerCase();
    if (host === "github.com" || host === "www.github.com") return "gitHub";
    if (host === "gitlab.com" || host === "www.gitlab.com") return "gitLab";
    if (host === "dev.azure.com" || host.endsWith(".visualstudio.com")) return "azureDevOpsServices";
    if (host === "bitbucket.org") return "bitbucketCloud";
    if (/^git-codecommit\.[a-z0-9-]+\.amazonaws\.com$/.test(host)) return "awsCodeCommit";
    return undefined;
}

/** The repository's name from its URL: the last path segment without `.git`; undefined for a malformed percent escape. */
export function repositoryName(gitUrl: URL): string | undefined {
    const segments = gitUrl.pathname.split("/").filter((segment) => segment.length > 0);
    try {
        return decodeURIComponent(segments[segments.length - 1] ?? "").replace(/\.git$/i, "");
    } catch {
        return undefined;
    }
}
