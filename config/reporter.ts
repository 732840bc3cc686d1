/**
 * The one reporter of the validation pass: every rule reads keys and reports
 * problems and warnings through it, so one run reports every problem, each
 * with its key, its value, what is allowed and the `pulumi config set` fix.
 * A key gets one problem: the first says what is wrong with the value as given.
 */
import { type ConfigProblem, configSetCommand, projectKey } from "./errors";
import { type BooleanKey, type ChoiceKey, type IntegerKey, KEYS, type KeyDeclaration, type ProjectKey } from "./keyTable";
import { CONTROL_CHARACTERS } from "./patterns";
import { nearest } from "../lib/editDistance";
import { booleanMeant, nearestInteger, parseBoolean, parseInteger } from "./values";

/** Stack config as Pulumi stores it: strings, keyed by the short project key. Empty means unset. */
export type RawConfig = Partial<Record<string, string>>;

/** A key outside the project's namespace, such as databricks:host. */
export type FullKey = `${string}:${string}`;

export interface ProblemOptions {
    secret?: boolean;
    /** A whole command, where `pulumi config set <key> <fixValue>` is not the fix. */
    fix?: string;
}

export interface Reporter {
    /** A key's value, trimmed; undefined when unset, empty, or holding a control character (reported once). */
    get(name: ProjectKey): string | undefined;
    /** A project key by its name, another namespace's by its full key. */
    problem(key: ProjectKey | FullKey, value: string | undefined, allowed: string, fixValue: string, opts?: ProblemOptions): void;
    warn(message: string): void;
    /** A boolean key with a default of the caller's (one that depends on other keys); a problem when neither true nor false. */
    booleanKey(name: ProjectKey, fallback: boolean): boolean;
    /** An integer key read as the key table declares it: its bounds, its default, what is allowed. */
    integer<K extends IntegerKey>(name: K): number;
    /** A boolean key with the key table's default. */
    boolean<K extends BooleanKey>(name: K): boolean;
    /** An enumerated key read as the key table declares it; `fixValue` may name the value meant where spelling alone does not. */
    choice<K extends ChoiceKey>(name: K, fixValue?: (raw: string) => string | undefined): (typeof KEYS)[K]["values"][number];
    readonly problems: ConfigProblem[];
    readonly warnings: string[];
}

export function createReporter(raw: RawConfig, stack: string): Reporter {
    const problems: ConfigProblem[] = [];
    const warnings: string[] = [];
    // A value spanning lines could split the notebook's cells or forge lines of the plan and its PR comment.
    const unsafe = new Set(Object.keys(raw).filter((name) => name !== "kedroPackages" && CONTROL_CHARACTERS.test(raw[name] ?? "")));
    const reporter: Reporter = {
        problems,
        warnings,
        get(name) {
            const value = raw[name];
            return value === undefined || value.trim() === "" || unsafe.has(name) ? undefined : value.trim();
        },
        problem(name, value, allowed, fixValue, opts = {}) {
            const key = name.includes(":") ? name : projectKey(name);
            if (problems.some((existing) => existing.key === key)) return;
            problems.push({ key, value, allowed, fix: opts.fix ?? configSetCommand(key, fixValue, stack, opts) });
        },
        warn(message) {
            warnings.push(message);
        },
        booleanKey(name, fallback) {
            const value = reporter.get(name);
            if (value === undefined) return fallback;
            const parsed = parseBoolean(value);
            if (parsed === undefined) reporter.problem(name, value, "true or false", String(booleanMeant(value) ?? fallback));
            return parsed ?? fallback;
        },
        integer(name) {
            const { default: fallback, range, allowed } = KEYS[name] as KeyDeclaration;
            const value = reporter.get(name);
            if (value === undefined) return fallback as number;
            const parsed = parseInteger(value);
            if (parsed !== undefined && parsed >= range!.min && (range!.max === undefined || parsed <= range!.max)) return parsed;
            reporter.problem(name, value, allowed!, String(nearestInteger(value, range!.min, range!.max) ?? fallback));
            return fallback as number;
        },
        boolean(name) {
            return reporter.booleanKey(name, KEYS[name].default as boolean);
        },
        choice(name, fixValue) {
            const { default: fallback, values, match, allowed } = KEYS[name] as KeyDeclaration;
            const value = reporter.get(name);
            const found =
                value === undefined
                    ? fallback
                    : values!.find((candidate) => candidate === (match === "upper" ? value.toUpperCase() : value.toLowerCase()));
            // The fix keeps what was meant: the value of the nearest spelling (severless → serverless), else the default.
            const meant = () => nearest(value!, values!) ?? String(fallback);
            if (found === undefined) reporter.problem(name, value, allowed!, fixValue?.(value!) ?? meant());
            return (found ?? fallback) as (typeof KEYS)[typeof name]["values"][number];
        },
    };
    for (const name of unsafe) reporter.problem(name as ProjectKey, raw[name], "a single line without control characters", `<${name}>`);
    return reporter;
}
