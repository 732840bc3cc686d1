import type * as pulumi from "@pulumi/pulumi";
import type { LoadedConfig } from "../config";
import type { KedroEnvironmentOutputs } from "./core";
import { DatabricksKedroEnvironment, stackEnvironmentArgs } from "./environment";
import type { KedroGitHubRepository } from "./github";

export interface KedroStack {
    environment: DatabricksKedroEnvironment;
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
            ? new (require("./github") as typeof import("./github")).KedroGitHubRepository(
                  "kedro-repository",
                  {
                      owner: github.owner,
                      name: github.name,
                      ownerIsProviderDefault: github.ownerIsProviderDefault,
                      branch: settings.git.branch,
                      token: loaded.githubToken,
                  },
                  opts,
              )
            : undefined;
    const environment = new DatabricksKedroEnvironment("kedro", stackEnvironmentArgs(loaded, repository?.httpsUrl), opts);
    return {
        environment,
        repository,
        outputs: {
            ...environment.outputs(),
            ...(repository ? { gitRepositoryUrl: repository.httpsUrl, gitRemoteCommands: repository.remoteCommands } : {}),
        },
    };
}
