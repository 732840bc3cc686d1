// Entry point of npm run plan: starts TypeScript the way Pulumi's runtime does
// (ts-node, transpile only), then runs the plan. See plan/cli.ts.
"use strict";
const path = require("node:path");
require("ts-node").register({ project: path.join(__dirname, "..", "tsconfig.json"), transpileOnly: true });
require("./cli.ts")
    .main(process.argv.slice(2))
    .then((code) => {
        process.exitCode = code;
    })
    .catch((error) => {
        console.error(error);
        process.exitCode = 1;
    });
