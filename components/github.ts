import * as pulumi from "@pulumi/pulumi";
import { Provider as GitHubProvider } from "@pulumi/github/provider";
import { Repository } from "@pulumi/github/repository";
import { componentType, movedFrom } from "./types";

export interface KedroGitHubRepositoryArgs {
    /** GitHub user or organisation that owns the repository. */
    owner: string;
    /** Name of the repository, e.g. iris-databricks. */
    name: string;
    /** true when owner is github:owner, so the default GitHub provider serves; false builds a provider for owner. */
    ownerIsProviderDefault: boolean;
    /** The branch Databricks checks out, which the first push creates. */
    branch: string;
    /** Token for owner's own provider; kept secret whatever is passed. Unused when the default provider serves. */
    token?: pulumi.Input<string>;
}

/**
 * The commands, run in the local Kedro project, that put it into the new
 * repository (tutorial step 5). The repository is empty, so the first push
 * is a plain one; HEAD:<branch> names the remote branch whatever the local
 * one is called.
 */
export function gitRemoteCommands(httpsUrl: string, branch: string): string {
    return [`git remote add origin ${httpsUrl}`, `git push --set-upstream origin HEAD:${branch}`].join(" && ");
}

/**
 * The Kedro project's private GitHub repository (tutorial step 5). It starts
 * empty, without GitHub's initial commit: the project's own history goes in
 * with the first push, which an initial commit would turn into a rejected
 * non-fast-forward. A `pulumi destroy` archives it instead of deleting it:
 * no teardown loses code.
 */
export class KedroGitHubRepository extends pulumi.ComponentResource {
    /** The private GitHub repository. */
    readonly repository: Repository;
    /** Its HTTPS clone URL, the environment's gitUrl. */
    readonly httpsUrl: pulumi.Output<string>;
    /** The commands, run in the local Kedro project, that push it to the repository. */
    readonly remoteCommands: pulumi.Output<string>;

    constructor(name: string, args: KedroGitHubRepositoryArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super(componentType("KedroGitHubRepository"), name, {}, movedFrom("databricks-kedro-stack:github:KedroRepository", opts));
        // An owner other than github:owner needs its own provider.
        const provider = args.ownerIsProviderDefault
            ? undefined
            : new GitHubProvider(
                  `${name}-github`,
                  { owner: args.owner, token: args.token === undefined ? undefined : pulumi.secret(args.token) },
                  { parent: this },
              );
        this.repository = new Repository(
            name,
            {
                name: args.name,
                description: "Kedro project run on Databricks (managed by databricks-kedro-stack)",
                visibility: "private",
                autoInit: false,
                archiveOnDestroy: true,
                deleteBranchOnMerge: true,
                vulnerabilityAlerts: true,
            },
            { parent: this, provider },
        );
        this.httpsUrl = this.repository.httpCloneUrl;
        this.remoteCommands = this.httpsUrl.apply((url) => gitRemoteCommands(url, args.branch));
        this.registerOutputs({ httpsUrl: this.httpsUrl, remoteCommands: this.remoteCommands });
    }
}
