/**
 * dataVolume: a Unity Catalog volume for the project's data. Volumes need
 * Unity Catalog compute (serverless, or a cluster on Databricks Runtime 13.3
 * LTS or later in single-user or standard access; no-isolation shared has no
 * Unity Catalog), and a Kedro whose catalog reads runtime parameters (0.19 on).
 */
import { allowsRuntimeParams, defaultKedroPackagesFor } from "../../lib/kedro";
import { runtimeVersionOf } from "../../lib/runtime";
import { type VolumeName, parseVolumeName } from "../../lib/volume";
import { configSetListCommand, projectKey } from "../errors";
import { requirementName } from "../patterns";
import type { Reporter } from "../reporter";
import type { ComputeMode } from "./compute";

const FIRST_VOLUME_RUNTIME = [13, 3];

export interface VolumeContext {
    compute: ComputeMode;
    sparkVersion: string;
    accessMode: string;
    packages: readonly string[];
    stack: string;
}

/** Whether a cluster's runtime reads volumes: 13.3 and later, and any runtime key of no known shape (the API decides). */
function runtimeReadsVolumes(sparkVersion: string): boolean {
    const version = runtimeVersionOf(sparkVersion)?.split(".").map(Number);
    if (!version) return true;
    return version[0] > FIRST_VOLUME_RUNTIME[0] || (version[0] === FIRST_VOLUME_RUNTIME[0] && version[1] >= FIRST_VOLUME_RUNTIME[1]);
}

export function readDataVolume(r: Reporter, ctx: VolumeContext): VolumeName | undefined {
    const raw = r.get("dataVolume");
    if (raw === undefined) return undefined;
    const name = parseVolumeName(raw);
    if (!name) {
        r.problem(
            "dataVolume",
            raw,
            "<catalog>.<schema>.<volume>: three names of lower-case letters, digits and underscores, such as main.kedro.iris_data",
            "<catalog>.<schema>.<volume>",
        );
        return undefined;
    }
    if (ctx.compute === "classic" && !runtimeReadsVolumes(ctx.sparkVersion))
        r.problem(
            "sparkVersion",
            ctx.sparkVersion,
            "Databricks Runtime 13.3 LTS or later with dataVolume: earlier runtimes cannot read volumes",
            "15.4.x-scala2.12",
        );
    if (ctx.compute === "classic" && ctx.accessMode === "NONE")
        r.problem(
            "accessMode",
            "NONE",
            "SINGLE_USER with dataVolume: a no-isolation shared cluster has no Unity Catalog, so no volumes",
            "SINGLE_USER",
        );
    const kedro = ctx.packages.find((spec) => requirementName(spec) === "kedro");
    // Unset (the CLI passes Pulumi.yaml's [] then), the packages follow the runtime: a runtime problem above is the one to fix.
    const packagesSet = (r.get("kedroPackages") ?? "[]") !== "[]";
    if (kedro && !allowsRuntimeParams(kedro) && packagesSet)
        r.problem(
            "kedroPackages",
            JSON.stringify(ctx.packages),
            `a kedro of 0.19 or later with dataVolume (${kedro} allows none): ` +
                "the catalog reads the volume's path as ${runtime_params:data_volume}",
            "",
            {
                fix: configSetListCommand(
                    projectKey("kedroPackages"),
                    defaultKedroPackagesFor({ ...ctx, compute: ctx.compute }),
                    ctx.stack,
                ),
            },
        );
    return name;
}
