import type * as pulumi from "@pulumi/pulumi";
import type { Cloud, LoadedConfig } from "../config";
import type { CloudKedroEnvironment, CloudKedroEnvironmentArgs } from "./cloud";
import type { KedroEnvironmentOutputs } from "./core";
import type { KedroGitHubRepository } from "./github";

type CloudComponent = new (name: string, args: CloudKedroEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) => CloudKedroEnvironment;

/**
 * Each cloud's component, loaded only for a stack on that cloud: every SDK
 * module a stack loads is start-up time for each preview and up.
 */
export const COMPONENTS: Readonly<Record<Cloud, () => CloudComponent>> = {
    aws: () => (require("./aws") as typeof import("./aws")).AwsKedroEnvironment,
    azure: () => (require("./azure") as typeof import("./azure")).AzureKedroEnvironment,
    gcp: () => (require("./gcp") as typeof import("./gcp")).GcpKedroEnvironment,
};

/** The component of the stack's cloud. */
export function createKedroEnvironment(
    name: string,
    args: CloudKedroEnvironmentArgs,
    opts?: pulumi.ComponentResourceOptions,
): CloudKedroEnvironment {
    const Component = COMPONENTS[args.settings.cloud]();
    return new Component(name, args, opts);
}

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
