/**
 * Cluster and Git rules that need more than a pattern: each names its key,
 * the value, what is allowed and a fix, through the validation's reporter.
 * Small named functions, so the validation pass calls them instead of growing.
 */
import { CLOUD_PROFILES, type Cloud } from "../lib/clouds";
import { LTS_RELEASES, oldestSupportedLts } from "../lib/runtime";

export type Report = (name: string, value: string | undefined, allowed: string, fixValue: string) => void;

/** Access modes that share a cluster between users: what was meant is NONE ("No isolation shared"), not SINGLE_USER. */
const SHARED_ACCESS_MODES = /^(?:USER_ISOLATION|SHARED|NO_ISOLATION|NO ISOLATION SHARED|STANDARD)$/i;

/** The fix for an unknown accessMode: NONE where the value asks for a shared cluster, else the default. */
export function accessModeFix(value: string, fallback: string): string {
    return SHARED_ACCESS_MODES.test(value.trim()) ? "NONE" : fallback;
}

/**
 * The runtime key a malformed sparkVersion most likely means: its LTS version
 * as a key (15.4 LTS → 15.4.x-scala2.12), else the oldest supported LTS today.
 */
export function sparkVersionFix(value: string, today: Date, fallback: string): string {
    const version = /(\d+\.\d+)/.exec(value)?.[1];
    if (version && LTS_RELEASES.some((release) => release.version === version)) return `${version}.x-scala2.12`;
    const current = oldestSupportedLts(today);
    return current ? `${current.version}.x-scala2.12` : fallback;
}

/** A GPU runtime (…-gpu-…) runs only on GPU node types: refused on any other, naming which key is at fault. */
export function checkGpuRuntime(report: Report, cloud: Cloud, sparkVersion: string, nodeTypes: { nodeType?: string; driverNodeType?: string }): void {
    if (!/-gpu-/.test(sparkVersion)) return;
    const profile = CLOUD_PROFILES[cloud];
    for (const [name, value] of Object.entries(nodeTypes)) {
        if (value === undefined || profile.gpuNodeTypePattern.test(value)) continue;
        report(name, value, `a GPU node type with the GPU runtime ${sparkVersion}, such as ${profile.gpuNodeTypeExample} (or a runtime without -gpu-)`, profile.gpuNodeTypeExample);
    }
}

/** A branch as the Repos API takes it: its name, never a ref (refs/heads/main checks out nothing). */
export function checkBranchIsName(report: Report, branch: string): boolean {
    const ref = /^refs\/(?:heads|remotes\/[^/]+)\/(.+)$/.exec(branch);
    if (!ref) return true;
    report("gitBranch", branch, "a branch name, not a ref: the Repos API checks out branches by name", ref[1]);
    return false;
}
