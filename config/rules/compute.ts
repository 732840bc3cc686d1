/**
 * compute: classic, the tutorial's clusters, or serverless, none. With
 * serverless, a cluster key set to anything but its default is refused,
 * naming the key: it would silently do nothing.
 */
import { CLASSIC_ONLY_KEYS } from "../../lib/serverless";
import { cliDefault, type ProjectKey } from "../keyTable";
import type { Reporter } from "../reporter";

export type ComputeMode = "classic" | "serverless";

export function readCompute(r: Reporter, stack: string): ComputeMode {
    const compute = r.choice("compute");
    if (compute !== "serverless") return compute;
    for (const [key, has] of Object.entries(CLASSIC_ONLY_KEYS) as Array<[ProjectKey, string]>) {
        const value = r.get(key);
        // The CLI passes Pulumi.yaml's defaults as values: only a changed one was set on purpose.
        if (value === undefined || value.toLowerCase() === (cliDefault(key) ?? "").toLowerCase()) continue;
        r.problem(key, value, `no value with compute: serverless, which has ${has}`, "", {
            fix: `pulumi config rm ${key} --stack ${stack}`,
        });
    }
    const install = r.get("kedroInstall");
    if (install?.toLowerCase() === "cluster")
        r.problem(
            "kedroInstall",
            install,
            "notebook with compute: serverless, which has no cluster libraries: the notebook installs Kedro with %pip",
            "notebook",
        );
    return compute;
}
