/**
 * What the delivery workflows build for a stack before its preview or up:
 * with jobSource: wheel, the Kedro project's wheel, conf archive and
 * snapshot, from its repository at the commit being deployed, placed at the
 * paths the stack's keys name; nothing for a notebook stack. Read from the
 * stack's files as the CLI would hand them to the program (stackConfig.ts).
 */
import { isAbsolute, posix } from "node:path";
import { pythonOfRuntime } from "../lib/runtime";
import { DEFAULT_SERVERLESS_ENVIRONMENT } from "../lib/serverless";
import { readStackConfig } from "./stackConfig";

export type KedroBuild =
    | { jobSource: "notebook" }
    | {
          jobSource: "wheel";
          /** owner/name of the Kedro project's GitHub repository. */
          repository: string;
          /** The commit to build: the one being deployed. */
          ref: string;
          /** The Python the wheel must install on: the runtime's, or the serverless environment's. */
          python: string;
          snapshot: string;
          wheel: string;
          /** Empty: conf-<package>.tar.gz beside the wheel, as kedro package names it. */
          conf: string;
      };

/** A refusal of the build, in one line, with what to change. */
export class KedroBuildError extends Error {}

/** The GitHub repository a gitUrl, or githubOwner/githubRepositoryName, names. */
function repositoryOf(get: (key: string) => string | undefined): string {
    if (get("githubRepository") === "create") return `${get("githubOwner") ?? get("github:owner")}/${get("githubRepositoryName")}`;
    const match = /^https:\/\/github\.com\/([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(get("gitUrl") ?? "");
    if (!match)
        throw new KedroBuildError(
            `gitUrl ${get("gitUrl") ?? "(unset)"} is no github.com repository: the delivery workflows build wheels from ` +
                "GitHub repositories only (their read token is a GitHub App's). " +
                "Build the artifacts elsewhere, or host the project on GitHub.",
        );
    return `${match[1]}/${match[2]}`;
}

/** A path the workflows can place a file at: inside the checkout. */
function insideCheckout(key: string, path: string): string {
    const normal = posix.normalize(path);
    if (isAbsolute(path) || normal.startsWith(".."))
        throw new KedroBuildError(`${key} ${path} is outside the repository: in CI, name a path relative to the folder of Pulumi.yaml.`);
    return normal;
}

/** The build the stack asks for; `deployedCommit`, when given, is the commit being deployed (else the stack's gitCommit). */
export function kedroBuildOf(root: string, stack: string, deployedCommit = ""): KedroBuild {
    const { project, config } = readStackConfig(root, stack);
    const get = (key: string) => {
        const value = config[key.includes(":") ? key : `${project}:${key}`];
        return value === undefined || value === "" || value === "[]" ? undefined : value;
    };
    if ((get("job") ?? "false").toLowerCase() !== "true" || (get("jobSource") ?? "notebook").toLowerCase() !== "wheel")
        return { jobSource: "notebook" };
    const ref = deployedCommit || get("gitCommit");
    if (!ref || !/^[0-9a-f]{40}$/i.test(ref))
        throw new KedroBuildError(
            `a wheel job builds the commit it deploys: give the full gitCommit (or the workflow's git_commit), not ${ref ?? "none"}.`,
        );
    const python =
        (get("compute") ?? "classic") === "serverless" ? DEFAULT_SERVERLESS_ENVIRONMENT.python : pythonOfRuntime(get("sparkVersion") ?? "");
    if (!python)
        throw new KedroBuildError(
            `sparkVersion ${get("sparkVersion")} has no Python this stack knows: the wheel is built on the runtime's Python.`,
        );
    const [snapshot, wheel] = [get("kedroSnapshot"), get("kedroWheel")];
    if (!snapshot || !wheel)
        throw new KedroBuildError("a wheel job needs kedroSnapshot and kedroWheel: the paths the artifacts are placed at.");
    const conf = get("kedroConf");
    return {
        jobSource: "wheel",
        repository: repositoryOf(get),
        ref: ref.toLowerCase(),
        python,
        snapshot: insideCheckout("kedroSnapshot", snapshot),
        wheel: insideCheckout("kedroWheel", wheel),
        conf: conf ? insideCheckout("kedroConf", conf) : "",
    };
}

/** The build as GitHub step outputs (name=value lines). */
export function kedroBuildOutputs(build: KedroBuild, artifact: string): string {
    const values: Record<string, string> =
        build.jobSource === "notebook"
            ? { "job-source": "notebook", artifact: "" }
            : {
                  "job-source": "wheel",
                  "kedro-owner": build.repository.split("/")[0],
                  "kedro-repository": build.repository.split("/")[1],
                  "kedro-ref": build.ref,
                  python: build.python,
                  snapshot: build.snapshot,
                  wheel: build.wheel,
                  conf: build.conf,
                  artifact,
              };
    return Object.entries(values)
        .map(([name, value]) => `${name}=${value}\n`)
        .join("");
}
