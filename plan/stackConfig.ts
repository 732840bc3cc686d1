/**
 * A stack's config as the Pulumi CLI would hand it to the program, read from
 * Pulumi.yaml (project defaults) and Pulumi.<stack>.yaml, without the CLI.
 * Encrypted values cannot be decrypted here: they become marked placeholders.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

export interface StackConfigFiles {
    project: string;
    /** Full keys (`project:key`, `databricks:host`) to the string values programs see. */
    config: Record<string, string>;
    /** Keys whose values are secrets (placeholders here). */
    secretKeys: string[];
    /** Declared secret keys the stack file does not set; planned with a placeholder, but pulumi up needs them. */
    missingSecrets: string[];
}

export const secretPlaceholder = (key: string) => `[secret ${key}]`;

/** A config file the CLI would refuse to read: reported in one line, never as a stack trace. */
export class StackFileError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "StackFileError";
    }
}

/**
 * A YAML file as the CLI reads it, or a StackFileError naming the file and
 * the line. Aliases are few in a config file, so a handful is the limit: an
 * alias bomb fails fast instead of exhausting memory.
 */
function readYaml(file: string, name: string): Record<string, unknown> {
    let document: unknown;
    try {
        document = parse(readFileSync(file, "utf8"), { maxAliasCount: 20, uniqueKeys: true });
    } catch (error) {
        const reason = (error as Error).message.split("\n")[0].replace(/:\s*$/, "");
        throw new StackFileError(`${name} is not valid YAML: ${reason}. Fix the file (the Pulumi CLI refuses it too).`);
    }
    if (document === null || document === undefined) return {};
    if (typeof document !== "object" || Array.isArray(document)) throw new StackFileError(`${name} must be a YAML mapping (config: …), not ${Array.isArray(document) ? "a list" : typeof document}.`);
    return document as Record<string, unknown>;
}

function asConfigString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

export function readStackConfig(root: string, stack: string): StackConfigFiles {
    const project = readYaml(join(root, "Pulumi.yaml"), "Pulumi.yaml") as { name: string; config?: Record<string, Record<string, unknown>> };
    const stackFile = join(root, `Pulumi.${stack}.yaml`);
    if (!existsSync(stackFile)) throw new StackFileError(`No Pulumi.${stack}.yaml in ${root}: create the stack with pulumi stack select --create ${stack}, or name an existing one.`);
    const stackConfig = (readYaml(stackFile, `Pulumi.${stack}.yaml`).config ?? {}) as Record<string, unknown>;
    if (typeof stackConfig !== "object" || Array.isArray(stackConfig)) throw new StackFileError(`Pulumi.${stack}.yaml: config must be a mapping of keys to values.`);
    const config: Record<string, string> = {};
    const secretKeys: string[] = [];
    for (const [key, declaration] of Object.entries<Record<string, unknown>>(project.config ?? {})) {
        if (declaration && typeof declaration === "object" && "default" in declaration) config[`${project.name}:${key}`] = asConfigString(declaration.default);
        if (declaration?.secret) secretKeys.push(`${project.name}:${key}`);
    }
    for (const [rawKey, value] of Object.entries(stackConfig)) {
        const key = rawKey.includes(":") ? rawKey : `${project.name}:${rawKey}`;
        if (value && typeof value === "object" && "secure" in (value as object)) {
            config[key] = secretPlaceholder(key);
            secretKeys.push(key);
        } else {
            config[key] = asConfigString(value);
        }
    }
    // Secrets are encrypted for one backend and often kept out of the repository: plan without them, and say so.
    const missingSecrets = secretKeys.filter((key) => config[key] === undefined);
    for (const key of missingSecrets) config[key] = secretPlaceholder(key);
    return { project: project.name, config, secretKeys: [...new Set(secretKeys)], missingSecrets };
}
