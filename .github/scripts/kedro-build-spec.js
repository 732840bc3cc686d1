// What the delivery workflows build for a stack (plan/kedroBuild.ts), as GitHub step outputs.
//   STACK       the stack
//   GIT_COMMIT  the Kedro project's commit being deployed; empty: the stack's gitCommit
//   ARTIFACT    the name of the workflow artifact the build is uploaded as
require("ts-node").register({ transpileOnly: true, swc: true, project: require("path").join(__dirname, "..", "..", "tsconfig.json") });
const { join } = require("path");
const { KedroBuildError, kedroBuildOf, kedroBuildOutputs } = require("../../plan/kedroBuild.ts");

try {
    const build = kedroBuildOf(join(__dirname, "..", ".."), process.env.STACK, process.env.GIT_COMMIT ?? "");
    process.stdout.write(kedroBuildOutputs(build, process.env.ARTIFACT ?? ""));
} catch (error) {
    if (!(error instanceof KedroBuildError) && error.name !== "StackFileError") throw error;
    console.error(`::error title=The Kedro build::${error.message}`);
    process.exit(1);
}
