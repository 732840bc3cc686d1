import fc from "fast-check";
import {
    CURRENT_KEDRO_PACKAGES,
    SERVERLESS_KEDRO_PACKAGES,
    sparkInstallingRequirements,
    KEDRO_RELEASES,
    TUTORIAL_KEDRO_PACKAGES,
    defaultKedroPackages,
    kedroFitsPython,
    kedroLinesFor,
    needsPythonRestart,
    versionSpecifierOf,
} from "../../lib/kedro";
import { LTS_RELEASES } from "../../lib/runtime";
import { requirementName } from "../../config";

const kedroOf = (packages: readonly string[]) => packages.find((spec) => requirementName(spec) === "kedro")!;

test.each([
    ["kedro==0.18.7", "3.9", true],
    ["kedro==0.18.7", "3.10", true],
    ["kedro==0.18.7", "3.11", false],
    ["kedro~=0.18.7", "3.11", true], // 0.18.13 and 0.18.14 install on 3.11
    ["kedro~=0.18.7", "3.12", false],
    ["kedro~=0.19.9", "3.12", true],
    ["kedro~=1.0", "3.9", true], // 1.0.0 still takes 3.9
    ["kedro>=1.1", "3.9", false],
    ["kedro", "3.12", true],
    ["kedro>=0.18,<0.19", "3.11", true],
    ["kedro==0.18.7", "3.8", true],
])("kedroFitsPython(%s, Python %s) is %s", (requirement, python, fits) => {
    expect(kedroFitsPython(requirement, python).fits).toBe(fits);
});

test("a specifier no known release matches is left to pip", () => {
    expect(kedroFitsPython("kedro>=9.0", "3.12").fits).toBeUndefined();
});

test("a refusal names the releases the specifier allows", () => {
    const fit = kedroFitsPython("kedro==0.18.7", "3.11");
    expect(fit.fits === false && fit.matching.map((releases) => releases.requiresPython)).toEqual([">=3.7, <3.11"]);
});

test("versionSpecifierOf strips the name and the extras", () => {
    expect(versionSpecifierOf("kedro-datasets[databricks.ManagedTableDataSet]~=1.3.0")).toBe("~=1.3.0");
    expect(versionSpecifierOf("kedro >=0.19, <1.0")).toBe(">=0.19, <1.0");
    expect(versionSpecifierOf("kedro")).toBe("");
});

test("the lines that fit a Python, for messages", () => {
    expect(kedroLinesFor("3.9")).toEqual(["0.18.x", "0.19.x", "1.0.x"]);
    expect(kedroLinesFor("3.11")).toEqual(["0.18.13 to 0.18.14", "0.19.x", "1.0.x", "1.1.x"]);
    expect(kedroLinesFor("3.12")).toEqual(["0.19.x", "1.0.x", "1.1.x"]);
});

describe("the default packages per runtime", () => {
    test("the tutorial's pins on the tutorial's 11.3 LTS, the current set from 13.3 LTS on", () => {
        expect(defaultKedroPackages("11.3.x-scala2.12")).toEqual(TUTORIAL_KEDRO_PACKAGES);
        expect(defaultKedroPackages("12.2.x-scala2.12")).toEqual(TUTORIAL_KEDRO_PACKAGES);
        expect(defaultKedroPackages("13.3.x-scala2.12")).toEqual(CURRENT_KEDRO_PACKAGES);
        expect(defaultKedroPackages("15.4.x-scala2.12")).toEqual(CURRENT_KEDRO_PACKAGES);
        expect(defaultKedroPackages("custom-runtime")).toEqual(CURRENT_KEDRO_PACKAGES);
    });

    test("on every LTS runtime, the default Kedro installs on the runtime's Python", () => {
        for (const release of LTS_RELEASES) {
            expect([release.version, kedroFitsPython(kedroOf(defaultKedroPackages(`${release.version}.x-scala2.12`)), release.python).fits]).toEqual([release.version, true]);
        }
    });

    test("the current set uses the kedro-datasets 2.x+ names: ...Dataset, never the removed ...DataSet", () => {
        expect(CURRENT_KEDRO_PACKAGES.join(" ")).not.toMatch(/DataSet/);
        expect(CURRENT_KEDRO_PACKAGES).toContain("kedro-datasets[databricks-managedtabledataset]>=4.0");
    });

    test("property: any runtime key gets a set whose Kedro fits, when its Python is known", () => {
        fc.assert(
            fc.property(fc.constantFrom(...LTS_RELEASES), fc.constantFrom("scala2.12", "scala2.13", "gpu-ml-scala2.12"), (release, suffix) => {
                const packages = defaultKedroPackages(`${release.version}.x-${suffix}`);
                return kedroFitsPython(kedroOf(packages), release.python).fits === true;
            }),
        );
    });
});

test("Python restarts after %pip from runtime 13 on", () => {
    expect(needsPythonRestart("11.3.x-scala2.12")).toBe(false);
    expect(needsPythonRestart("12.2.x-scala2.12")).toBe(false);
    expect(needsPythonRestart("13.3.x-scala2.12")).toBe(true);
    expect(needsPythonRestart("17.3.x-scala2.13")).toBe(true);
});

test("every release range is well formed", () => {
    for (const releases of KEDRO_RELEASES) {
        expect(releases.versions.length).toBeGreaterThan(0);
        expect(releases.versions.every((version) => version.startsWith(`${releases.line}.`))).toBe(true);
    }
});

describe("packages that install PySpark or delta-spark", () => {
    test.each([
        ["kedro-datasets[databricks-managedtabledataset]>=4.0", true],
        ["kedro-datasets[pandas-csvdataset, spark-sparkdataset]", true],
        ["kedro-datasets[delta-base]", true],
        ["pyspark==3.5.0", true],
        ["delta_spark", true],
        ["kedro-datasets>=4.0", false],
        ["kedro-datasets[pandas-csvdataset]", false],
        ["kedro-viz", false],
    ])("%s: %s", (spec, installs) => {
        expect(sparkInstallingRequirements([spec])).toEqual(installs ? [spec] : []);
    });

    test("the serverless default installs neither", () => {
        expect(sparkInstallingRequirements(SERVERLESS_KEDRO_PACKAGES)).toEqual([]);
        expect(sparkInstallingRequirements(CURRENT_KEDRO_PACKAGES)).toEqual(["kedro-datasets[databricks-managedtabledataset]>=4.0"]);
    });
});
