/**
 * The interactive cluster's keys: runtime, node types, size, autotermination,
 * spot and access mode, each checked against the stack's cloud, and the rules
 * that need more than a pattern (GPU runtimes, refs for branches).
 */
import { CLOUD_PROFILES, type Cloud, POLICY_DEFAULT_LIMITS, cloudOfNodeType } from "../../lib/clouds";
import { NODE_RATES } from "../../lib/rates";
import { LTS_RELEASES, recommendedLts } from "../../lib/runtime";
import { type AccessMode, DEFAULTS } from "../defaults";
import { projectKey } from "../errors";
import { ACCOUNT_NAME, an } from "../patterns";
import type { ProjectKey } from "../keyTable";
import type { Reporter } from "../reporter";
import type { KedroStackSettings } from "../types";

export type Report = Reporter["problem"];

/**
 * Access modes of the Clusters API and the UI that this stack does not offer,
 * by what they keep: the user-isolating ones (USER_ISOLATION, the UI's
 * "Shared" or "Standard") are fixed to SINGLE_USER, which still isolates;
 * only a value that asks for no isolation is fixed to NONE.
 */
const NO_ISOLATION_MODES = /^(?:NO[ _-]?ISOLATION(?:[ _-]SHARED)?)$/i;
const ISOLATING_MODES =
    /^(?:USER[ _-]?ISOLATION|SHARED|STANDARD|DEDICATED|SINGLE[ _-]?USER|ASSIGNED|LEGACY_SINGLE_USER(?:_STANDARD)?|LEGACY_TABLE_ACL)$/i;

/** The fix for an unknown accessMode: the offered mode that keeps what the value asked for; undefined where spelling decides. */
export function accessModeFix(value: string): string | undefined {
    if (NO_ISOLATION_MODES.test(value.trim())) return "NONE";
    return ISOLATING_MODES.test(value.trim()) ? "SINGLE_USER" : undefined;
}

/**
 * The runtime key a malformed sparkVersion most likely means: its LTS version
 * as a key (15.4 LTS → 15.4.x-scala2.12), else the oldest supported LTS today.
 */
export function sparkVersionFix(value: string, today: Date, fallback: string): string {
    const version = /(\d+\.\d+)/.exec(value)?.[1];
    if (version && LTS_RELEASES.some((release) => release.version === version)) return `${version}.x-scala2.12`;
    const current = recommendedLts(today);
    return current ? `${current.version}.x-scala2.12` : fallback;
}

/** A GPU runtime (…-gpu-…) runs only on GPU node types: refused on any other, naming which key is at fault. */
export function checkGpuRuntime(
    report: Report,
    cloud: Cloud,
    sparkVersion: string,
    nodeTypes: { nodeType?: string; driverNodeType?: string },
): void {
    if (!/-gpu-/.test(sparkVersion)) return;
    const profile = CLOUD_PROFILES[cloud];
    for (const [name, value] of Object.entries(nodeTypes) as Array<["nodeType" | "driverNodeType", string | undefined]>) {
        if (value === undefined || profile.gpuNodeTypePattern.test(value)) continue;
        report(
            name,
            value,
            `a GPU node type with the GPU runtime ${sparkVersion}, such as ${profile.gpuNodeTypeExample} (or a runtime without -gpu-)`,
            profile.gpuNodeTypeExample,
        );
    }
}

/** A branch as the Repos API takes it: its name, never a ref (refs/heads/main checks out nothing). */
export function checkBranchIsName(report: Report, branch: string): boolean {
    const ref = /^refs\/(?:heads|remotes\/[^/]+)\/(.+)$/.exec(branch);
    if (!ref) return true;
    report("gitBranch", branch, "a branch name, not a ref: the Repos API checks out branches by name", ref[1]);
    return false;
}

/**
 * A node type spelled in another case than its cloud lists it (m4.Large,
 * standard_ds3_v2): the Clusters API matches the id exactly, so it is a
 * problem whose fix is the exact spelling, not a warning.
 */
export function exactNodeTypeSpelling(cloud: Cloud, value: string): string | undefined {
    const known = Object.keys(NODE_RATES[cloud]).find((nodeType) => nodeType.toLowerCase() === value.toLowerCase());
    if (known !== undefined) return known === value ? undefined : known;
    if (cloud === "azure") {
        const size = /^standard_(.+)$/i.exec(value)?.[1];
        return size !== undefined && !value.startsWith("Standard_") ? `Standard_${size}` : undefined;
    }
    const lower = value.toLowerCase();
    return lower !== value && CLOUD_PROFILES[cloud].nodeTypePattern.test(lower) ? lower : undefined;
}

/** nodeType and driverNodeType set to another cloud's type, or in the wrong case, are refused; a name of no known shape only warns. */
function checkNodeTypes(
    r: Reporter,
    cloud: Cloud,
    nodeTypes: Array<[name: "nodeType" | "driverNodeType", value: string | undefined]>,
): void {
    const profile = CLOUD_PROFILES[cloud];
    for (const [name, value] of nodeTypes) {
        if (value === undefined || r.get(name) === undefined) continue;
        const exact = exactNodeTypeSpelling(cloud, value);
        if (exact !== undefined) {
            r.problem(
                name,
                value,
                `the node type spelled exactly as ${profile.label} lists it (${exact}): the Clusters API matches it case for case`,
                exact,
            );
            continue;
        }
        const owner = cloudOfNodeType(value);
        if (owner !== undefined && owner !== cloud) {
            r.problem(
                name,
                value,
                `${an(profile.label)} node type such as ${profile.nodeTypeExample}; ` +
                    `${value} is ${an(CLOUD_PROFILES[owner].label)} node type`,
                profile.defaultNodeType,
            );
        } else if (owner === undefined) {
            r.warn(
                `${projectKey(name)} ${JSON.stringify(value)} does not look like ${an(profile.label)} node type (such as ` +
                    `${profile.nodeTypeExample}); the workspace will reject it if it is unknown.`,
            );
        }
    }
}

/** A value the program accepts beyond the policy pack's default limit: a warning, so the plan never passes only to fail the policy. */
function warnBeyondPolicy(r: Reporter, name: ProjectKey, value: number, limit: number, policy: string): void {
    if (value <= limit) return;
    r.warn(
        `${projectKey(name)} is ${value}, above the policy pack's default limit of ${limit} (${policy}): pulumi up --policy-pack policy ` +
            `refuses it unless --policy-pack-config raises the limit.`,
    );
}

/** The interactive cluster's settings, from the stack's keys and its cloud's defaults; node types are undefined without a cloud. */
export function readCluster(
    r: Reporter,
    cloud: Cloud | undefined,
    today: Date,
): Omit<KedroStackSettings["cluster"], "nodeType" | "driverNodeType" | "singleUserName"> & {
    nodeType?: string;
    driverNodeType?: string;
    singleUserName?: string;
} {
    const sparkVersion = r.get("sparkVersion") ?? DEFAULTS.sparkVersion;
    // Runtime keys as the Clusters API lists them: 15.4.x-scala2.12, 14.3.x-gpu-ml-scala2.12, 13.3.x-photon-scala2.12.
    if (!/^\d+\.\d+\.x-(?:[a-z0-9]+-)*scala\d+\.\d+$/.test(sparkVersion)) {
        r.problem(
            "sparkVersion",
            sparkVersion,
            "a runtime key as the Clusters API lists it, such as 11.3.x-scala2.12 or 15.4.x-photon-scala2.12",
            sparkVersionFix(sparkVersion, today, DEFAULTS.sparkVersion),
        );
    }
    const nodeType = r.get("nodeType") ?? (cloud ? CLOUD_PROFILES[cloud].defaultNodeType : undefined);
    const driverNodeType = r.get("driverNodeType") ?? nodeType;
    if (cloud) {
        checkNodeTypes(r, cloud, [
            ["nodeType", nodeType],
            ["driverNodeType", driverNodeType],
        ]);
        checkGpuRuntime(r.problem, cloud, sparkVersion, { nodeType, ...(r.get("driverNodeType") !== undefined ? { driverNodeType } : {}) });
    }
    const numWorkers = r.integer("numWorkers");
    const autoterminationMinutes = r.integer("autoterminationMinutes");
    warnBeyondPolicy(r, "numWorkers", numWorkers, POLICY_DEFAULT_LIMITS.maxWorkers, "max-workers");
    warnBeyondPolicy(
        r,
        "autoterminationMinutes",
        autoterminationMinutes,
        POLICY_DEFAULT_LIMITS.maxAutoterminationMinutes,
        "max-autotermination",
    );
    const spot = r.boolean("spot");
    const noWait = r.boolean("clusterNoWait");
    const accessMode: AccessMode = r.choice("accessMode", accessModeFix);
    const singleUserNameRaw = r.get("singleUserName");
    if (singleUserNameRaw !== undefined && !ACCOUNT_NAME.test(singleUserNameRaw)) {
        r.problem(
            "singleUserName",
            singleUserNameRaw,
            "a workspace user name of at most 255 letters, digits and . _ @ + -, e.g. alice@example.com",
            "<you@example.com>",
        );
    }
    const singleUserName = singleUserNameRaw !== undefined && ACCOUNT_NAME.test(singleUserNameRaw) ? singleUserNameRaw : undefined;
    return { sparkVersion, nodeType, driverNodeType, numWorkers, autoterminationMinutes, spot, accessMode, singleUserName, noWait };
}
