// Pulumi's SDK loads npm's Arborist (about 150 modules) at start-up for one function,
// computeCodePaths, which only the cloud SDKs' lambda and cloud-function mixins call;
// this project calls neither. Under jest each suite would compile it again, so the
// suites get this stand-in, which fails loudly should anything ever call it.
"use strict";
class Arborist {
    constructor() {
        throw new Error("@npmcli/arborist is stubbed under jest (test/stubs/arborist.js): computeCodePaths was called, which this project never does.");
    }
}
module.exports = { Arborist };
