/**
 * A stack file and the commands a Fix: line runs on it, as bash and the
 * Pulumi CLI would: the line is split into words as bash splits them (single
 * quotes, "$(…)" substitutions, pipes and &&), any word bash would read as a
 * redirection, glob or expansion fails the line, and each `pulumi config`
 * call changes the file as pkg/cmd/pulumi/config does (a value from standard
 * input when none is given; --path 'key[0]' builds a list). Then the file is
 * judged as `pulumi up` would: the CLI's own refusals, then the program's.
 */
import { cliRefusal, type Declaration } from "../../plan/cliRefusals";
import { ConfigError, type ConfigProblem, KEYS, type KeyDeclaration, PROJECT, type ProjectKey, validateStackConfig } from "../../config";
import { cliDefault } from "../../config/keyTable";
import { validationInput } from "../../config/cliConfig";
import type { ProjectFiles } from "../../config/types";

export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

/** A stack file: full key → value as YAML holds it, and the keys stored as secrets. */
export interface StackFile {
    config: Record<string, YamlValue>;
    secure: Set<string>;
}

export const FAKE_SHA = "0123456789abcdef0123456789abcdef01234567";
export const TODAY = new Date("2026-11-24T00:00:00Z");

/** One word of a command, or an operator between commands. */
type Token = { word: string } | { op: "&&" | "|" };

/** Splits a line as bash would, refusing what bash would not pass through as written. */
export function shellTokens(line: string, substitute: (command: string) => string): Token[] {
    const tokens: Token[] = [];
    let index = 0;
    while (index < line.length) {
        if (line[index] === " ") {
            index++;
            continue;
        }
        if (line.startsWith("&&", index) || line[index] === "|") {
            tokens.push({ op: line.startsWith("&&", index) ? "&&" : "|" });
            index += line.startsWith("&&", index) ? 2 : 1;
            continue;
        }
        let word = "";
        while (index < line.length && line[index] !== " " && !line.startsWith("&&", index) && line[index] !== "|") {
            const char = line[index];
            if (char === "'") {
                const end = line.indexOf("'", index + 1);
                if (end < 0) throw new Error(`unterminated quote in: ${line}`);
                word += line.slice(index + 1, end);
                index = end + 1;
            } else if (line.startsWith('"$(', index)) {
                const end = line.indexOf(')"', index);
                if (end < 0) throw new Error(`unterminated substitution in: ${line}`);
                word += substitute(line.slice(index + 3, end));
                index = end + 2;
            } else if (/[<>;*?[\]`$"\\(){}~#!]/.test(char)) {
                throw new Error(`bash would not pass "${char}" through as written in: ${line}`);
            } else {
                word += char;
                index++;
            }
        }
        tokens.push({ word });
    }
    return tokens;
}

const shortOf = (key: string) => (key.includes(":") ? key : `${PROJECT}:${key}`);

/** The commands of a line as the model splits them, each as its words; substitutions of git give FAKE_SHA. */
export function commandsOf(line: string): string[][] {
    const commands: string[][] = [[]];
    for (const token of shellTokens(line, () => FAKE_SHA)) {
        if ("word" in token) commands[commands.length - 1].push(token.word);
        else commands.push([]);
    }
    return commands;
}

/** The CLI's config calls on the file; returns what the call prints. */
function pulumi(file: StackFile, args: string[], stdin: string | undefined, answers: Record<string, string>): string {
    const flags = new Set(args.filter((arg) => arg.startsWith("--")));
    const positional = args.filter((arg, i) => !arg.startsWith("--") && args[i - 1] !== "--stack");
    const [group, command, key, value] = positional;
    if (group !== "config" || !flags.has("--stack")) throw new Error(`not a config call with --stack: pulumi ${args.join(" ")}`);
    if (/^<.*>$/.test(key ?? "")) throw new Error(`a placeholder as the key: ${key}`);
    if (command === "get") {
        const stored = file.config[shortOf(key)];
        if (stored === undefined) throw new Error(`configuration key '${key}' not found`);
        return typeof stored === "string" ? stored : JSON.stringify(stored);
    }
    if (command === "rm") {
        delete file.config[shortOf(key)];
        file.secure.delete(shortOf(key));
        return "";
    }
    if (command !== "set") throw new Error(`unknown command: pulumi ${args.join(" ")}`);
    let text = value ?? stdin ?? answers["prompt"];
    if (text === undefined) throw new Error(`no value for ${key}, and no answer at the prompt`);
    if (/^<.*>$/.test(text)) {
        if (answers[text] === undefined) throw new Error(`a placeholder no row answers: ${text}`);
        text = answers[text];
    }
    const path = /^([^[]+)\[(\d+)\]$/.exec(key);
    if (flags.has("--path") && path) {
        const list = Array.isArray(file.config[shortOf(path[1])]) ? (file.config[shortOf(path[1])] as YamlValue[]) : [];
        list[Number(path[2])] = text;
        file.config[shortOf(path[1])] = list;
    } else file.config[shortOf(key)] = text;
    if (flags.has("--secret")) file.secure.add(shortOf(flags.has("--path") && path ? path[1] : key));
    else file.secure.delete(shortOf(key));
    return "";
}

/** Runs a Fix: line on the file, as bash would run it. */
export function applyFix(file: StackFile, line: string, answers: Record<string, string> = {}): void {
    const substitute = (command: string): string => {
        if (/^git (?:ls-remote \S+ refs\/heads\/\S+ \| cut -f1|-C \S+ rev-parse HEAD)$/.test(command)) return FAKE_SHA;
        const words = command.split(" ");
        if (words[0] === "pulumi") return pulumi(file, words.slice(1), undefined, answers);
        throw new Error(`an unknown substitution: ${command}`);
    };
    const tokens = shellTokens(line, substitute);
    let words: string[] = [];
    let piped: string | undefined;
    const run = () => {
        if (words[0] !== "pulumi") throw new Error(`not a pulumi command: ${words.join(" ")}`);
        const out = pulumi(file, words.slice(1), piped, answers);
        words = [];
        return out;
    };
    for (const token of tokens) {
        if ("word" in token) words.push(token.word);
        else if (token.op === "|") piped = run();
        else {
            run();
            piped = undefined;
        }
    }
    run();
}

/** Pulumi.yaml's declarations of the project keys, as the CLI checks them. */
const DECLARATIONS: Record<string, Declaration> = Object.fromEntries(
    Object.entries(KEYS as Record<string, KeyDeclaration>).map(([name, declaration]) => [name, { type: declaration.type, secret: declaration.secret === "declared" }]),
);

/** A problem as both kinds are compared: the key, and the fix. */
export type Judged = Pick<ConfigProblem, "key" | "fix">;

/** What `pulumi up --stack <stack>` says of the file: the CLI's refusals, else the program's problems. */
export function judge(file: StackFile, stack: string, projectFiles?: ProjectFiles): Judged[] {
    const refusals = Object.entries(file.config).flatMap(([key, value]) => {
        if (!key.startsWith(`${PROJECT}:`) || file.secure.has(key)) return [];
        const refusal = cliRefusal(key.slice(PROJECT.length + 1), value, DECLARATIONS[key.slice(PROJECT.length + 1)], stack);
        return refusal ? [{ key, fix: refusal.fix }] : [];
    });
    if (refusals.length > 0) return refusals;
    const config: Record<string, string> = {};
    for (const name of Object.keys(KEYS) as ProjectKey[]) {
        const fallback = cliDefault(name);
        if (fallback !== undefined) config[`${PROJECT}:${name}`] = fallback;
    }
    for (const [key, value] of Object.entries(file.config)) config[key] = typeof value === "string" ? value : JSON.stringify(value);
    const { raw, ctx } = validationInput({ config, isSecret: (key) => file.secure.has(key), env: {} }, { project: PROJECT, stack, today: TODAY });
    try {
        validateStackConfig(raw, { ...ctx, projectFiles });
        return [];
    } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return error.problems.map(({ key, fix }) => ({ key, fix }));
    }
}
