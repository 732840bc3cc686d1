/**
 * Type-checking is `tsc --noEmit`'s job (see `npm test`); jest only strips types.
 * SWC does that per file without loading TypeScript, which matters most on a fresh
 * clone, where no transform is cached yet. One worker per core: most suites wait on
 * module loading and mocks, not on each other.
 */
const os = require("node:os");

module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/test"],
    testMatch: ["**/*.test.ts"],
    transform: {
        "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "commonjs" }, sourceMaps: "inline" }],
    },
    maxWorkers: Math.max(1, os.availableParallelism ? os.availableParallelism() : os.cpus().length),
    moduleNameMapper: { "^@npmcli/arborist$": "<rootDir>/test/stubs/arborist.js", "^typescript$": "<rootDir>/test/stubs/lazyTypescript.js" },
    setupFilesAfterEnv: ["<rootDir>/test/pulumiStackTraces.js"],
    globalSetup: "<rootDir>/test/globalSetup.js",
    globalTeardown: "<rootDir>/test/globalTeardown.js",
    testTimeout: 30000,
};
