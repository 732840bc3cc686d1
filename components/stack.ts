import type * as pulumi from "@pulumi/pulumi";
import type { Cloud, LoadedConfig } from "../config";
import { AwsKedroEnvironment } from "./aws";
import { AzureKedroEnvironment } from "./azure";
import type { CloudKedroEnvironment, CloudKedroEnvironmentArgs } from "./cloud";
import type { KedroEnvironmentOutputs } from "./core";
import { GcpKedroEnvironment } from "./gcp";
import { KedroGitHubRepository } from "./github";

type CloudComponent = new (name: string, args: CloudKedroEnvironmentArgs, opts?: pulumi.ComponentResourceOptions) => CloudKedroEnvironment;

export const COMPONENTS: Readonly<Record<Cloud, CloudComponent>> = {
    aws: AwsKedroEnvironment,
    azure: AzureKedroEnvironment,
    gcp: GcpKedroEnvironment,
};

/** The component of the stack's cloud. */
export function createKedroEnvironment(name: string, args: CloudKedroEnvironmentArgs, opts?: pulumi.ComponentResourceOptions): CloudKedroEnvironment {
    return new COMPONENTS[args.settings.cloud](name, args, opts);
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
            ? new KedroGitHubRepository(
                  "kedro-repository",
                  { owner: github.owner, name: github.name, ownerIsProviderDefault: github.ownerIsProviderDefault, branch: settings.git.branch, token: loaded.githubToken },
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
