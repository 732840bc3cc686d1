import type * as pulumi from "@pulumi/pulumi";
import * as databricks from "./databricks";
import type { KedroStackSettings } from "../config";
import { defaultNotebookPath, defaultRepoPath, stackNames } from "../lib/naming";

/** The interactive Repo's path: repoPath, else `/Repos/<deployer>/<repo>-<stack>`. */
export function repoPathFor(settings: KedroStackSettings, userName: string): string {
    return settings.repoPath ?? defaultRepoPath(userName, stackNames(settings.git.repoName, settings.stack).slug);
}

/** The interactive notebook's path: notebookPath, else `<deployer's home>/<repo>-<stack>-run`. */
export function notebookPathFor(settings: KedroStackSettings, home: string): string {
    return settings.notebookPath ?? defaultNotebookPath(home, stackNames(settings.git.repoName, settings.stack).notebookName);
}

export interface KedroRepoArgs {
    settings: KedroStackSettings;
    gitUrl: pulumi.Input<string>;
    path: pulumi.Input<string>;
    /** The stack's Git credential; undefined with gitCredential: shared. */
    gitCredentialId?: pulumi.Input<number>;
}

/** A Databricks Repo of the Kedro project on gitBranch, moved by each new gitCommit. */
export function kedroRepo(name: string, args: KedroRepoArgs, opts: pulumi.CustomResourceOptions): databricks.Repo {
    const { git } = args.settings;
    return new databricks.Repo(
        name,
        {
            url: args.gitUrl,
            gitProvider: git.provider,
            branch: git.branch,
            // The provider sends an update, which pulls the branch, only on a diff: a new commit to deploy is one.
            commitHash: git.commit,
            path: args.path,
            // Used for the create and update requests only (the API keeps no binding): the clone and each pull use this stack's credential.
            gitCredentialId: args.gitCredentialId,
        },
        // url, gitProvider and path are force-new. A replacement keeps the path (a URL gaining ".git", a new
        // owner), and the path can hold one clone: the old one must go before the new one is made.
        { ...opts, deleteBeforeReplace: true },
    );
}

/** A Python notebook in Databricks SOURCE format. */
export function sourceNotebook(
    name: string,
    path: pulumi.Input<string>,
    source: pulumi.Output<string>,
    opts: pulumi.CustomResourceOptions,
): databricks.Notebook {
    return new databricks.Notebook(
        name,
        { path, language: "PYTHON", format: "SOURCE", contentBase64: source.apply((text) => Buffer.from(text, "utf8").toString("base64")) },
        opts,
    );
}
