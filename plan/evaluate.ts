/**
 * Evaluates a program under Pulumi's mocks, from a stack's config files, and
 * returns what `pulumi up` would declare. Needs no credentials, no CLI and no
 * network. Data sources get stand-ins: the current user is PLAN_USER and the
 * workspace URL is databricks:host (or WORKSPACE_STAND_IN).
 */
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { PROGRAM_ENVIRONMENT_NAMES } from "../config";
import { RecordingMocks, WORKSPACES, fakeUser, isSecretMarker, providerNameOf, waitForRegistrations } from "./mocks";
import { oneLine } from "../lib/text";
import { runProgramEntry } from "./program";
import { type StackConfigFiles, readStackConfig } from "./stackConfig";

export const PLAN_USER = "plan-user@example.invalid";
export const WORKSPACE_STAND_IN = "https://workspace.invalid";

export interface PlannedResource {
    type: string;
    name: string;
    urn: string;
    parent?: string;
    /** `default`, or the name of the explicit provider. */
    provider: string;
    custom: boolean;
    inputs: Record<string, any>;
    /** Whether `pulumi destroy` would refuse to delete it. */
    protect: boolean;
    /** The outputs after creation, as the engine hands stack policies: the mock service's answer, with the id. */
    outputs?: Record<string, any>;
    /** The workspace or account a Databricks resource goes to: its provider's host, or databricks:host. */
    host?: string;
    /** Types its aliases name: the engine finds its state under them too. */
    formerTypes?: string[];
}

export interface Plan {
    stack: string;
    resources: PlannedResource[];
    warnings: string[];
    /** Set when the program refused the config (or failed); no resources then. */
    error?: string;
    missingSecrets: string[];
}

function formerTypesOf(mocks: RecordingMocks, recorded: { type: string; name: string }): string[] | undefined {
    const placement = mocks.placements.find((placed) => placed.type === recorded.type && placed.name === recorded.name);
    const types = (placement?.aliases ?? []).flatMap((alias) => (alias.type ? [alias.type] : []));
    return types.length > 0 ? types : undefined;
}

function typeChain(urn: string): string[] {
    return urn.split("::")[2].split("$");
}

/**
 * The parent of a URN. Under the mocks a URN names only its parent's type
 * (`<parent type>$<type>`), so the parent is the registered resource of that
 * type whose name this one's starts with (the components name children so).
 */
function parentOf(urn: string, all: string[]): string | undefined {
    const chain = typeChain(urn);
    if (chain.length < 2) return undefined;
    const name = urn.split("::").slice(3).join("::");
    const parentType = chain[chain.length - 2];
    const candidates = all.filter((other) => other !== urn && typeChain(other).slice(-1)[0] === parentType);
    const best = candidates
        .map((other) => ({ other, otherName: other.split("::").slice(3).join("::") }))
        .filter(({ otherName }) => name.startsWith(otherName))
        .sort((a, b) => b.otherName.length - a.otherName.length)[0];
    const parent = best?.other ?? candidates[0];
    return parent ? `${typeChain(parent).slice(-1)[0]}::${parent.split("::").slice(3).join("::")}` : undefined;
}

/**
 * An encrypted databricks:host is set, but its value is not readable here: the
 * program is given a stand-in workspace of the stack's cloud, so the host's
 * own checks wait for pulumi up, and the plan shows the host as a secret.
 */
function withHostStandIn(files: StackConfigFiles, stack: string): { files: StackConfigFiles; hostLabel?: string; warnings: string[] } {
    const key = "databricks:host";
    if (!files.secretKeys.includes(key)) return { files, hostLabel: files.config[key], warnings: [] };
    const cloud = files.config[`${files.project}:cloud`];
    const standIn = WORKSPACES[cloud as keyof typeof WORKSPACES] ?? WORKSPACES.aws;
    const warning =
        `${key} is encrypted in Pulumi.${stack}.yaml: planned with a stand-in workspace (${standIn}); ` + "pulumi up checks the real one.";
    return {
        files: { ...files, config: { ...files.config, [key]: standIn }, secretKeys: files.secretKeys.filter((secret) => secret !== key) },
        hostLabel: "[secret]",
        warnings: [warning],
    };
}

export async function evaluatePlan(
    root: string,
    stack: string,
    stackFiles: StackConfigFiles = readStackConfig(root, stack),
): Promise<Plan> {
    const { files, hostLabel, warnings: standInWarnings } = withHostStandIn(stackFiles, stack);
    const host = files.config["databricks:host"] || WORKSPACE_STAND_IN;
    const mocks = new RecordingMocks(fakeUser(host, PLAN_USER));
    // The plan uses only the stack's files, never the environment's stand-ins.
    for (const name of PROGRAM_ENVIRONMENT_NAMES) delete process.env[name];

    await pulumi.runtime.setMocks(mocks, files.project, stack, true);
    mocks.observe(pulumi.runtime.getMonitor());
    pulumi.runtime.setAllConfig(files.config, files.secretKeys);
    const warnings: string[] = [...standInWarnings];
    const originalWarn = pulumi.log.warn;
    pulumi.log.warn = async (message: string) => void warnings.push(message);
    let error: string | undefined;
    try {
        runProgramEntry(join(root, "index.ts"));
        await waitForRegistrations();
    } catch (caught) {
        error = caught instanceof Error ? caught.message : String(caught);
    } finally {
        pulumi.log.warn = originalWarn;
    }

    const monitor = pulumi.runtime.getMonitor() as unknown as { resources: Map<string, { urn: string }> };
    const urns = [...monitor.resources.keys()];
    const resources = mocks.resources.map((recorded) => {
        const urn =
            urns.find((candidate) => candidate.endsWith(`${recorded.type}::${recorded.name}`)) ?? `${recorded.type}::${recorded.name}`;
        const providerName = recorded.provider ? providerNameOf(recorded.provider) : "";
        const explicitHost = mocks.providerOf(recorded)?.inputs.host;
        return {
            type: recorded.type,
            name: recorded.name,
            urn,
            parent: urns.includes(urn) ? parentOf(urn, urns) : undefined,
            provider: recorded.custom === false ? "-" : providerName || "default",
            custom: recorded.custom !== false,
            inputs: recorded.inputs,
            protect: recorded.options.protect,
            outputs: recorded.state ? { ...recorded.state, id: recorded.id } : undefined,
            host: recorded.type.startsWith("databricks:") ? String(explicitHost ?? hostLabel ?? "(DATABRICKS_HOST)") : undefined,
            formerTypes: formerTypesOf(mocks, recorded),
        };
    });
    return { stack, resources: error ? [] : resources, warnings, error, missingSecrets: files.missingSecrets };
}

/** A value for display: secrets hidden, long text shortened. */
export function displayValue(value: unknown): string {
    if (isSecretMarker(value)) return "[secret]";
    if (typeof value === "string") return oneLine(value.length > 80 ? `${value.slice(0, 77)}...` : value);
    if (value && typeof value === "object") {
        if (Array.isArray(value)) return `[${value.map(displayValue).join(", ")}]`;
        return `{${Object.entries(value)
            .map(([key, inner]) => `${key}: ${displayValue(inner)}`)
            .join(", ")}}`;
    }
    return String(value);
}
