/**
 * Databricks Runtime LTS lifecycle, from the Databricks runtime release notes.
 * End of support only warns: the API still takes such a runtime until its end
 * of life, and a team may knowingly stay. The Python it ships decides which
 * Kedro can install (see lib/kedro.ts).
 */
import { kedroLinesFor } from "./kedro";

export interface RuntimeRelease {
    /** "11.3" */
    version: string;
    /** End of support, ISO date. */
    endOfSupport: string;
    /** Python minor version the runtime ships. */
    python: string;
}

export const LTS_RELEASES: readonly RuntimeRelease[] = [
    { version: "10.4", endOfSupport: "2025-03-18", python: "3.8" },
    { version: "11.3", endOfSupport: "2025-10-19", python: "3.9" },
    { version: "12.2", endOfSupport: "2026-03-01", python: "3.9" },
    { version: "13.3", endOfSupport: "2026-08-22", python: "3.10" },
    { version: "14.3", endOfSupport: "2027-02-01", python: "3.10" },
    { version: "15.4", endOfSupport: "2027-08-19", python: "3.11" },
    { version: "16.4", endOfSupport: "2028-05-09", python: "3.12" },
    { version: "17.3", endOfSupport: "2028-10-22", python: "3.12" },
];

/**
 * The Python every Databricks Runtime release ships, LTS or not, from the
 * release notes' system environment: a major line ships one Python minor.
 * 10.0–10.5: 3.8; 11.0–11.3 and 12.0–12.2: 3.9; 13.0–13.3 and 14.0–14.3:
 * 3.10; 15.0–15.4: 3.11; 16.0–16.4 and 17.0–17.3: 3.12.
 */
export const RUNTIME_PYTHON: readonly { major: number; lastMinor: number; python: string }[] = [
    { major: 10, lastMinor: 5, python: "3.8" },
    { major: 11, lastMinor: 3, python: "3.9" },
    { major: 12, lastMinor: 2, python: "3.9" },
    { major: 13, lastMinor: 3, python: "3.10" },
    { major: 14, lastMinor: 3, python: "3.10" },
    { major: 15, lastMinor: 4, python: "3.11" },
    { major: 16, lastMinor: 4, python: "3.12" },
    { major: 17, lastMinor: 3, python: "3.12" },
];

/** The Python a runtime key's release ships, or undefined for a release this table does not know (a newer one). */
export function pythonOfRuntime(sparkVersion: string): string | undefined {
    const version = runtimeVersionOf(sparkVersion)?.split(".").map(Number);
    if (!version) return undefined;
    const line = RUNTIME_PYTHON.find((candidate) => candidate.major === version[0]);
    return line && version[1] <= line.lastMinor ? line.python : undefined;
}

/** "11.3.x-scala2.12" → "11.3"; undefined for a key that is not a versioned runtime. */
export function runtimeVersionOf(sparkVersion: string): string | undefined {
    const match = /^(\d+)\.(\d+)\.x-/.exec(sparkVersion);
    return match ? `${match[1]}.${match[2]}` : undefined;
}

export function findLtsRelease(sparkVersion: string): RuntimeRelease | undefined {
    const version = runtimeVersionOf(sparkVersion);
    return LTS_RELEASES.find((release) => release.version === version);
}

/** The oldest LTS still supported on `today`, to suggest as an upgrade. */
export function oldestSupportedLts(today: Date): RuntimeRelease | undefined {
    return LTS_RELEASES.find((release) => new Date(release.endOfSupport) > today);
}

/**
 * The LTS this project recommends moving to, in every message and in the
 * README (a test holds the README to it): Python 3.11, supported into 2027.
 */
export const RECOMMENDED_LTS_VERSION = "15.4";

/** The recommended LTS while it is supported; after that, the oldest one still supported. */
export function recommendedLts(today: Date): RuntimeRelease | undefined {
    const recommended = LTS_RELEASES.find((release) => release.version === RECOMMENDED_LTS_VERSION);
    return recommended && new Date(recommended.endOfSupport) > today ? recommended : oldestSupportedLts(today);
}

/** A warning when the runtime is a known LTS past its end of support, else undefined. */
export function endOfSupportWarning(sparkVersion: string, today: Date): string | undefined {
    const release = findLtsRelease(sparkVersion);
    if (!release || new Date(release.endOfSupport) > today) return undefined;
    const successor = recommendedLts(today);
    const upgrade = successor
        ? ` To move on, set sparkVersion to a supported LTS, for example ${successor.version}.x-scala2.12 ` +
          `(Python ${successor.python}, Kedro ${kedroLinesFor(successor.python).join(" or ")}); an unset kedroPackages follows the ` +
          `runtime, a set one must fit its Python.`
        : "";
    return (
        `Databricks Runtime ${release.version} LTS (${sparkVersion}) reached end of support on ${release.endOfSupport}. ` +
        `It ships Python ${release.python}, which fits Kedro ${kedroLinesFor(release.python).join(" or ")}.${upgrade}`
    );
}
