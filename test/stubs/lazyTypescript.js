// Pulumi's SDK requires TypeScript's compiler (9 MB) at start-up, for the function
// serialization only dynamic providers use. Under jest every suite would evaluate it
// again; this stand-in loads the real module on first use, and is it from then on.
"use strict";
const path = require("node:path");

let real;
// A path, not the package name: the name is what jest maps to this file.
const load = () => (real ??= require(path.join(__dirname, "..", "..", "node_modules", "typescript")));

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
