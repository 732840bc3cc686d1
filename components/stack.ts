import type * as pulumi from "@pulumi/pulumi";
import type { LoadedConfig } from "../config";
import type { CloudKedroEnvironment } from "./cloud";
import { createKedroEnvironment } from "./index";
import { KedroGitHubRepository } from "./github";
import type { KedroEnvironmentOutputs } from "./core";

export interface KedroStack {
    environment: CloudKedroEnvironment;
    /** The Kedro project's GitHub repository, with `githubRepository: create`. */
    repository?: KedroGitHubRepository;
    outputs: KedroEnvironmentOutputs & { gitRepositoryUrl?: pulumi.Output<string>; gitRemoteCommands?: pulumi.Output<string> };
}

/** Everything one stack declares, from validated config. `protect` is inherited by every resource. */
export function createKedroStack(loaded: LoadedConfig): KedroStack {
    const { settings } = loaded;
    const opts: pulumi.ComponentResourceOptions = settings.protect ? { protect: true } : {};
    const github = settings.githubRepository;
    const repository =
        github.mode === "create"
            ? new KedroGitHubRepository("kedro-repository", { owner: github.owner, name: github.name, branch: settings.git.branch }, opts)
            : undefined;
    const environment = createKedroEnvironment(
        "kedro",
        { settings, gitToken: loaded.gitToken, databricksClientSecret: loaded.databricksClientSecret, gitUrl: repository?.httpsUrl },
        opts,
    );
    return {
        environment,
        repository,
        outputs: {
            ...environment.outputs(),
            ...(repository ? { gitRepositoryUrl: repository.httpsUrl, gitRemoteCommands: repository.remoteCommands } : {}),
        },
    };
}
