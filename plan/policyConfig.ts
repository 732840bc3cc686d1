/**
 * `--policy-pack-config <file>`, read as `pulumi preview --policy-pack-config`
 * reads it (pkg/resource/analyzer/config.go, parsePolicyPackConfig): a JSON
 * object of policy names, each an enforcement level, or an object whose
 * `enforcementLevel` sets the level and whose other keys are the policy's
 * config. The engine hands that to the pack's configure call, after which a
 * policy runs at the configured level and reads its config through
 * `args.getConfig()`; applied here to the policies themselves, so the offline
 * plan gives the verdicts the engine would.
 */
import { readFileSync } from "node:fs";
import type { EnforcementLevel, Policy } from "@pulumi/policy";
import { UsageError } from "./args";

export interface PolicyConfigEntry {
    enforcementLevel?: EnforcementLevel;
    properties: Record<string, unknown>;
}

export type PolicyPackConfig = Readonly<Record<string, PolicyConfigEntry>>;

const LEVELS: readonly string[] = ["advisory", "mandatory", "remediate", "disabled"];

/** One policy's entry, or a usage error naming the policy and what is wrong, as the CLI words it. */
function entryOf(name: string, value: unknown): PolicyConfigEntry | undefined {
    const level = (text: unknown) => {
        if (typeof text !== "string" || !LEVELS.includes(text))
            throw new UsageError(
                `--policy-pack-config: parsing enforcement level for "${name}": ${JSON.stringify(text)} is not a valid enforcement level`,
            );
        return text as EnforcementLevel;
    };
    if (typeof value === "string") return { enforcementLevel: level(value), properties: {} };
    if (value === null || typeof value !== "object" || Array.isArray(value))
        throw new UsageError(
            `--policy-pack-config: parsing "${name}": ${JSON.stringify(value)} is not a valid value; must be a string or object`,
        );
    const { enforcementLevel, ...properties } = value as Record<string, unknown>;
    const entry = { enforcementLevel: enforcementLevel === undefined ? undefined : level(enforcementLevel), properties };
    return entry.enforcementLevel === undefined && Object.keys(properties).length === 0 ? undefined : entry;
}

/** The file's config, checked against the pack's policies. */
export function readPolicyPackConfig(file: string, pack: readonly Policy[]): PolicyPackConfig {
    let text: string;
    try {
        text = readFileSync(file, "utf8");
    } catch {
        throw new UsageError(`--policy-pack-config ${file}: no such file.`);
    }
    if (text.trim() === "") return {};
    let document: unknown;
    try {
        document = JSON.parse(text);
    } catch (error) {
        throw new UsageError(`--policy-pack-config ${file} is not JSON: ${(error as Error).message}`);
    }
    if (document === null || typeof document !== "object" || Array.isArray(document))
        throw new UsageError(`--policy-pack-config ${file}: a JSON object of policy names.`);
    const names = pack.map((policy) => policy.name);
    const config: Record<string, PolicyConfigEntry> = {};
    for (const [name, value] of Object.entries(document)) {
        // ESC environments need Pulumi Cloud, which the offline plan never asks.
        if (name === "environments") throw new UsageError("--policy-pack-config: environments (Pulumi ESC) cannot be read offline.");
        if (!names.includes(name))
            throw new UsageError(`--policy-pack-config: ${name} is no policy of the pack; its policies: ${names.join(", ")}.`);
        const entry = entryOf(name, value);
        if (entry) config[name] = entry;
    }
    return config;
}

/** The pack with the config applied: each configured policy at its level, reading its own config. */
export function configuredPolicies(pack: readonly Policy[], config: PolicyPackConfig): Policy[] {
    return pack.map((policy) => {
        const entry = config[policy.name];
        if (!entry) return policy;
        const withConfig = <A extends { getConfig<T>(): T }>(args: A): A => ({
            ...args,
            getConfig: <T>() => ({ ...entry.properties }) as T,
        });
        const configured: any = { ...policy, enforcementLevel: entry.enforcementLevel ?? policy.enforcementLevel };
        if (typeof configured.validateResource === "function") {
            const validate = configured.validateResource;
            configured.validateResource = (args: any, report: any) => validate(withConfig(args), report);
        }
        if (typeof configured.validateStack === "function") {
            const validate = configured.validateStack;
            configured.validateStack = (args: any, report: any) => validate(withConfig(args), report);
        }
        return configured as Policy;
    });
}
