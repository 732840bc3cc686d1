/**
 * Which Kedro releases install on which Python, and the packages the
 * notebook installs by default for a runtime. Requirement specifiers are
 * matched with a PEP 440 implementation, as pip matches them.
 */
import { satisfies } from "@renovatebot/pep440";

export interface KedroReleases {
    /** "0.18" */
    line: string;
    /** The released versions of the line this range covers. */
    versions: readonly string[];
    /** The releases' Requires-Python; pip refuses them on any other Python. */
    requiresPython: string;
}

const patches = (line: string, first: number, last: number) =>
    Array.from({ length: last - first + 1 }, (_, index) => `${line}.${first + index}`);

/**
 * Kedro's own package metadata: 0.18 up to 0.18.12 stops below Python 3.11,
 * 0.18.13 and 0.18.14 below 3.12 (they warn from 3.12 on); 0.19 needs 3.8,
 * 1.0 needs 3.9 and 1.1 needs 3.10.
 */
export const KEDRO_RELEASES: readonly KedroReleases[] = [
    { line: "0.18", versions: patches("0.18", 0, 12), requiresPython: ">=3.7, <3.11" },
    { line: "0.18", versions: patches("0.18", 13, 14), requiresPython: ">=3.7, <3.12" },
    { line: "0.19", versions: patches("0.19", 0, 15), requiresPython: ">=3.8" },
    { line: "1.0", versions: ["1.0.0"], requiresPython: ">=3.9" },
    { line: "1.1", versions: ["1.1.0", "1.1.1"], requiresPython: ">=3.10" },
];

/** The tutorial's notebook-scoped packages (step 7), for the tutorial's runtime, 11.3 LTS (Python 3.9). */
export const TUTORIAL_KEDRO_PACKAGES: readonly string[] = [
    "kedro==0.18.7",
    "kedro-datasets[databricks.ManagedTableDataSet]~=1.3.0",
    "kedro-viz",
];

/**
 * For runtimes 13.3 LTS and later (Python 3.10 and up), where Kedro 0.18.7
 * is out of reach or out of date: Kedro 1.x and kedro-datasets 4 or later,
 * whose extra and class are spelled ManagedTableDataset (the ...DataSet
 * spelling went in kedro-datasets 2.0).
 */
export const CURRENT_KEDRO_PACKAGES: readonly string[] = ["kedro~=1.0", "kedro-datasets[databricks-managedtabledataset]>=4.0", "kedro-viz"];

/** The first runtime whose Python the tutorial's pins no longer suit, and that wants a Python restart after %pip. */
export const CURRENT_RUNTIME_MAJOR = 13;

/** "15.4.x-scala2.12" → 15; undefined for a key that is not a versioned runtime. */
export function runtimeMajorOf(sparkVersion: string): number | undefined {
    const match = /^(\d+)\.\d+\.x-/.exec(sparkVersion);
    return match ? Number(match[1]) : undefined;
}

/** The packages to install when kedroPackages is not set: the tutorial's on its own runtime and older, else the current set. */
export function defaultKedroPackages(sparkVersion: string): readonly string[] {
    const major = runtimeMajorOf(sparkVersion);
    return major !== undefined && major < CURRENT_RUNTIME_MAJOR ? TUTORIAL_KEDRO_PACKAGES : CURRENT_KEDRO_PACKAGES;
}

/** Whether %pip needs a Python restart after it: Databricks asks for dbutils.library.restartPython() from runtime 13. */
export function needsPythonRestart(sparkVersion: string): boolean {
    return (runtimeMajorOf(sparkVersion) ?? CURRENT_RUNTIME_MAJOR) >= CURRENT_RUNTIME_MAJOR;
}

/** Where Kedro runs: a classic cluster's runtime, or serverless compute (its environment's Python; sparkVersion then does not apply). */
export interface KedroTarget {
    compute: "classic" | "serverless";
    sparkVersion: string;
}

/**
 * For serverless compute: kedro-datasets without an extra. The
 * databricks-managedtabledataset extra installs pyspark and delta-spark
 * (kedro-datasets' pyproject: spark-base, delta-base), which Databricks says
 * must not sit beside the serverless environment's databricks-connect; its
 * pyspark module is the one ManagedTableDataset imports there.
 */
export const SERVERLESS_KEDRO_PACKAGES: readonly string[] = ["kedro~=1.0", "kedro-datasets>=4.0", "kedro-viz"];

export function defaultKedroPackagesFor(target: KedroTarget): readonly string[] {
    return target.compute === "serverless" ? SERVERLESS_KEDRO_PACKAGES : defaultKedroPackages(target.sparkVersion);
}

/** kedro-datasets extras that install pyspark or delta-spark (its pyproject's spark-base and delta-base, and what includes them). */
const SPARK_EXTRAS = /^(?:spark(?:-.*)?|delta-base|databricks(?:-managedtabledataset)?)$/;

/** The requirements of a list that install PySpark or delta-spark, themselves or through a kedro-datasets extra. */
export function sparkInstallingRequirements(packages: readonly string[]): string[] {
    return packages.filter((spec) => {
        const name = (/^[A-Za-z0-9._-]+/.exec(spec)?.[0] ?? "").toLowerCase().replace(/[._]+/g, "-");
        if (name === "pyspark" || name === "delta-spark") return true;
        const extras = /^[A-Za-z0-9._-]+\s*\[([^\]]*)\]/.exec(spec)?.[1] ?? "";
        return name === "kedro-datasets" && extras.split(",").some((extra) => SPARK_EXTRAS.test(extra.trim().toLowerCase()));
    });
}

/** Serverless notebooks restart Python after %pip as runtime 13 and later do. */
export function needsPythonRestartOn(target: KedroTarget): boolean {
    return target.compute === "serverless" || needsPythonRestart(target.sparkVersion);
}

/** Whether a kedro requirement admits a release with the runtime_params resolver (0.19 and later) the volume's path needs. */
export function allowsRuntimeParams(requirement: string): boolean {
    const specifier = versionSpecifierOf(requirement);
    const recent = KEDRO_RELEASES.filter((releases) => !releases.line.startsWith("0.18")).flatMap((releases) => releases.versions);
    return specifier === "" || recent.some((version) => satisfies(version, specifier));
}

/** The version clauses of a requirement specifier: "kedro[x]~=0.18.7" → "~=0.18.7". */
export function versionSpecifierOf(requirement: string): string {
    return requirement.replace(/^[A-Za-z0-9._-]+\s*(?:\[[^\]]*\])?/, "").trim();
}

export type KedroFit =
    | { fits: true }
    /** No known release matches the specifier (a newer one, perhaps): pip decides. */
    | { fits: undefined }
    | { fits: false; matching: readonly KedroReleases[] };

/** Whether any known Kedro release that the specifier allows installs on the Python given (major.minor). */
export function kedroFitsPython(requirement: string, python: string): KedroFit {
    const specifier = versionSpecifierOf(requirement);
    const matching = KEDRO_RELEASES.filter((releases) => releases.versions.some((version) => satisfies(version, specifier)));
    if (matching.length === 0) return { fits: undefined };
    const pythonVersion = `${python}.0`;
    return matching.some((releases) => satisfies(pythonVersion, releases.requiresPython)) ? { fits: true } : { fits: false, matching };
}

/** The Kedro releases that install on the Python given, for messages: "0.18.13 to 0.18.14", "0.19.x", "1.0.x". */
export function kedroLinesFor(python: string): string[] {
    const fits = (releases: KedroReleases) => satisfies(`${python}.0`, releases.requiresPython);
    const lines = [...new Set(KEDRO_RELEASES.map((releases) => releases.line))];
    return lines.flatMap((line) => {
        const ranges = KEDRO_RELEASES.filter((releases) => releases.line === line);
        const fitting = ranges.filter(fits).flatMap((releases) => releases.versions);
        if (fitting.length === 0) return [];
        return fitting.length === ranges.flatMap((releases) => releases.versions).length
            ? [`${line}.x`]
            : [`${fitting[0]} to ${fitting[fitting.length - 1]}`];
    });
}
