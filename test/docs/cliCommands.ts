/**
 * The `pulumi` commands the README and docs/ show, parsed the way the real CLI (cobra, in
 * pulumi/pulumi's pkg/cmd/pulumi) parses them: a command path, its flags, its arguments. The table
 * lists, per command this project's docs use, the flags that command defines (hidden ones too:
 * `--save-plan` and `--plan` are hidden unless PULUMI_EXPERIMENTAL is set, but accepted), plus the
 * persistent flags every command takes. A command or flag not in the table is reported.
 */

/** Flags every command accepts (the root command's persistent flags). */
const GLOBAL_FLAGS = ["--cwd", "-C", "--color", "--non-interactive", "--verbose", "-v", "--logtostderr", "--emoji", "--disable-integrity-checking"];
const STACK = ["--stack", "-s", "--config-file"];
const UPDATE = [...STACK, "--policy-pack", "--policy-pack-config", "--refresh", "-r", "--target", "-t", "--diff", "--message", "-m", "--parallel", "-p", "--show-secrets", "--json", "-j", "--suppress-outputs"];

export const CLI_COMMANDS: Readonly<Record<string, readonly string[]>> = {
    login: ["--local", "-l", "--cloud-url", "-c", "--default-org", "--insecure"],
    logout: ["--all", "--local", "-l", "--cloud-url", "-c"],
    preview: [...UPDATE, "--expect-no-changes", "--save-plan", "--import-file"],
    up: [...UPDATE, "--yes", "-y", "--skip-preview", "-f", "--plan", "--expect-no-changes"],
    destroy: [...STACK, "--yes", "-y", "--skip-preview", "-f", "--target", "-t", "--remove", "--exclude-protected", "--refresh", "-r", "--message", "-m", "--diff"],
    refresh: [...STACK, "--yes", "-y", "--skip-preview", "-f", "--expect-no-changes", "--diff"],
    "config set": [...STACK, "--secret", "--plaintext", "--path"],
    "config get": [...STACK, "--path", "--json", "-j"],
    "config rm": [...STACK, "--path"],
    "config cp": [...STACK, "--dest", "-d", "--path"],
    "config set-all": [...STACK, "--secret", "--plaintext", "--path"],
    config: [...STACK, "--json", "-j", "--show-secrets"],
    "stack select": ["--stack", "-s", "--create", "-c", "--secrets-provider"],
    "stack init": ["--stack", "-s", "--secrets-provider", "--copy-config-from", "--no-select"],
    "stack output": ["--stack", "-s", "--json", "-j", "--show-secrets", "--shell"],
    "stack rm": ["--stack", "-s", "--force", "-f", "--yes", "-y", "--preserve-config"],
    "stack ls": ["--all", "-a", "--json", "-j", "--organization", "-o", "--project", "-p", "--tag", "-t"],
    "stack change-secrets-provider": ["--stack", "-s"],
    "state unprotect": ["--stack", "-s", "--all", "--yes", "-y"],
    "package add": [],
    "package get-schema": [],
    "policy publish": [],
    "policy enable": ["--config", "--policy-group"],
    "plugin install": ["--exact", "--file", "-f", "--reinstall", "--server"],
    whoami: ["--json", "-j", "--verbose", "-v"],
};

const GROUPS = new Set(Object.keys(CLI_COMMANDS).filter((name) => name.includes(" ")).map((name) => name.split(" ")[0]));

/** Flags that take a value as the next word (cobra string flags, unless written --flag=value). */
const VALUED = new Set(["--cwd", "-C", "--color", "--stack", "-s", "--config-file", "--policy-pack", "--policy-pack-config", "--target", "-t", "--message", "-m", "--parallel", "-p", "--save-plan", "--plan", "--import-file", "--secrets-provider", "--copy-config-from", "--dest", "-d", "--cloud-url", "-c", "--default-org", "--organization", "-o", "--project", "--tag", "--config", "--policy-group", "--file", "-f", "--server"]);

export interface CliCommand {
    command: string;
    flags: string[];
    args: string[];
}

/** Splits one shell command line (already cut at `|`, `&&`, `;`) into its command path, flags and arguments. */
export function parseCommand(words: readonly string[]): CliCommand {
    const rest = [...words];
    let command = rest.shift() ?? "";
    if (GROUPS.has(command) && rest[0] && !rest[0].startsWith("-")) command += ` ${rest.shift()}`;
    const flags: string[] = [];
    const args: string[] = [];
    while (rest.length) {
        const word = rest.shift()!;
        if (!word.startsWith("-")) args.push(word);
        else {
            const flag = word.split("=")[0];
            flags.push(flag);
            // Short boolean flags share letters with valued ones (-f, -p, -c): decide by the command.
            if (!word.includes("=") && VALUED.has(flag) && !booleanFor(command, flag)) rest.shift();
        }
    }
    return { command, flags, args };
}

function booleanFor(command: string, flag: string): boolean {
    return (flag === "-f" && ["up", "destroy", "refresh", "stack rm"].includes(command)) || (flag === "-c" && command === "stack select") || (flag === "-p" && command === "stack ls");
}

/** Every `pulumi …` command in a markdown page: in fenced shell blocks, and in inline code. */
export function pulumiCommandsIn(markdown: string): string[][] {
    const lines: string[] = [];
    for (const block of markdown.matchAll(/```(?:bash|sh|shell|console)\n([\s\S]*?)```/g)) {
        lines.push(...block[1].split("\n").map((line) => line.replace(/\s#.*$/, "")));
    }
    for (const span of markdown.matchAll(/`(pulumi [^`]+)`/g)) lines.push(span[1]);
    const commands: string[][] = [];
    for (const line of lines) {
        for (const part of line.split(/&&|\|\||;|\||\$\(/)) {
            const words = part.trim().split(/\s+/).filter(Boolean);
            const at = words.indexOf("pulumi");
            if (at >= 0 && (at === 0 || words[at - 1] === "do" || words[at - 1] === "then")) commands.push(words.slice(at + 1));
        }
    }
    return commands;
}

/** What the real CLI would refuse in one command: an unknown command, or a flag that command does not define. */
export function refusals(words: readonly string[]): string[] {
    const { command, flags } = parseCommand(words);
    const known = CLI_COMMANDS[command];
    if (!known) return [`pulumi ${command}: no such command`];
    return flags.filter((flag) => !known.includes(flag) && !GLOBAL_FLAGS.includes(flag)).map((flag) => `pulumi ${command}: unknown flag ${flag}`);
}
