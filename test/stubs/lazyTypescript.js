// Pulumi's SDK requires TypeScript's compiler (9 MB) at start-up, for the function
// serialization only dynamic providers use (and the component analyzer uses it). This
// stand-in loads the real module on first use, and is it from then on. A worker keeps the
// loaded compiler for its later suites (on a Node built-in module, the one object jest
// shares between suites) rather than evaluating it in each: it holds no state a suite
// could leave behind.
"use strict";
const path = require("node:path");

const SHARED = Symbol.for("databricks-kedro-stack.test.typescript");
// A path, not the package name: the name is what jest maps to this file.
const load = () => (path[SHARED] ??= require(path.join(__dirname, "..", "..", "node_modules", "typescript")));

module.exports = new Proxy(
    {},
    {
        get: (_target, key) => load()[key],
        has: (_target, key) => key in load(),
        ownKeys: () => Reflect.ownKeys(load()),
        getOwnPropertyDescriptor: (_target, key) => {
            const descriptor = Reflect.getOwnPropertyDescriptor(load(), key);
            return descriptor && { ...descriptor, configurable: true };
        },
    },
);
