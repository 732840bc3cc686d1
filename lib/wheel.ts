/**
 * What a wheel says of itself: its core metadata (`<name>-<version>.dist-info/
 * METADATA`, email-header fields) and its entry points (`entry_points.txt`),
 * read from the zip without Python. `kedro package` (python -m build
 * --wheel) writes both; a Kedro project's pyproject declares the console
 * script `<package> = <package>.__main__:main`, which the job's
 * python_wheel_task names as its entry point.
 */
import { satisfies, valid } from "@renovatebot/pep440";

export interface WheelMetadata {
    name: string;
    version: string;
    requiresPython?: string;
    /** Requires-Dist lines, markers included. */
    requiresDist: string[];
    /** Console scripts: name → `module:function`. */
    consoleScripts: Record<string, string>;
}

/** PEP 503's normalised name: lower case, every run of - _ . as one -. */
export function normalizedName(name: string): string {
    return name.toLowerCase().replace(/[-_.]+/g, "-");
}

/** The core metadata's headers; continuation lines and the description body are not needed. */
function parseMetadata(text: string): Omit<WheelMetadata, "consoleScripts"> | undefined {
    const headers = text.split(/\r?\n\r?\n/)[0].split(/\r?\n/);
    const field = (name: string) =>
        headers.filter((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`)).map((line) => line.slice(name.length + 1).trim());
    const [name] = field("Name");
    const [version] = field("Version");
    if (!name || !version) return undefined;
    return { name, version, requiresPython: field("Requires-Python")[0], requiresDist: field("Requires-Dist") };
}

/** The [console_scripts] section of entry_points.txt. */
function parseConsoleScripts(text: string): Record<string, string> {
    const scripts: Record<string, string> = {};
    let inSection = false;
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line.startsWith("[")) inSection = line === "[console_scripts]";
        else if (inSection && line.includes("=")) {
            const [name, target] = [line.slice(0, line.indexOf("=")).trim(), line.slice(line.indexOf("=") + 1).trim()];
            scripts[name] = target.replace(/\s*\[.*\]$/, "");
        }
    }
    return scripts;
}

export type WheelReading = { wheel: WheelMetadata } | { problem: string };

/** Reads a wheel's metadata from its bytes; a file that is no wheel is a problem, not a crash. */
export function readWheel(bytes: Uint8Array): WheelReading {
    // Loaded here, not at start-up: only a wheel stack reads a wheel, and every program start would pay for it.
    const { unzipSync } = require("fflate") as typeof import("fflate");
    let files: Record<string, Uint8Array>;
    try {
        files = unzipSync(bytes, { filter: (file) => /^[^/]+\.dist-info\/(?:METADATA|entry_points\.txt)$/.test(file.name) });
    } catch (error) {
        return { problem: `not a zip archive (${(error as Error).message})` };
    }
    const find = (base: string) => Object.entries(files).find(([path]) => path.endsWith(`.dist-info/${base}`))?.[1];
    const metadata = find("METADATA");
    if (!metadata) return { problem: "no *.dist-info/METADATA in it, so it is no wheel" };
    const parsed = parseMetadata(new TextDecoder().decode(metadata));
    if (!parsed) return { problem: "its METADATA has no Name or Version" };
    const entryPoints = find("entry_points.txt");
    return { wheel: { ...parsed, consoleScripts: entryPoints ? parseConsoleScripts(new TextDecoder().decode(entryPoints)) : {} } };
}

/** The console script that runs `<module>.__main__:main`, as Kedro's project template declares it. */
export function kedroEntryPoint(wheel: WheelMetadata, packageName: string): string | undefined {
    const target = `${packageName}.__main__:main`;
    const names = Object.keys(wheel.consoleScripts).filter((name) => wheel.consoleScripts[name] === target);
    return names.find((name) => name === packageName) ?? names[0];
}

/** Whether Requires-Python admits a Python minor (3.11); no Requires-Python admits every one. */
export function fitsPython(wheel: WheelMetadata, python: string): boolean {
    return wheel.requiresPython === undefined || wheel.requiresPython === "" || satisfies(`${python}.0`, wheel.requiresPython);
}

/** The wheel's requirement on kedro (markers dropped), or undefined when it has none. */
export function kedroRequirement(wheel: WheelMetadata): string | undefined {
    return wheel.requiresDist
        .map((line) => line.split(";")[0].trim())
        .find((requirement) => normalizedName(/^[A-Za-z0-9._-]+/.exec(requirement)?.[0] ?? "") === "kedro");
}

/** Whether a kedro version satisfies a requirement's version clauses (`kedro~=1.5.0`, `kedro[jupyter]>=1.4,<2`). */
export function kedroVersionFits(requirement: string, version: string): boolean {
    const specifier = requirement
        .replace(/^[A-Za-z0-9._-]+\s*(?:\[[^\]]*\])?/, "")
        .replace(/^\((.*)\)$/, "$1")
        .trim();
    return specifier === "" || !valid(version) || satisfies(version, specifier);
}
