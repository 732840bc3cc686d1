/** Type-checking is `tsc --noEmit`'s job (see `npm test`); jest only transpiles, which keeps the suite fast. */
module.exports = {
    testEnvironment: "node",
    roots: ["<rootDir>/test"],
    testMatch: ["**/*.test.ts"],
    transform: {
        "^.+\\.ts$": ["ts-jest", { diagnostics: false }],
    },
    testTimeout: 30000,
};
