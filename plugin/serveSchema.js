// npm run schema:served: starts this package the way the plugin host does for `pulumi package add`
// (@pulumi/pulumi's run-plugin from plugin/, TypeScript through ts-node with type-checking), asks it
// for its schema over gRPC, and fails unless that is plugin/schema.json. A process of its own, so
// it is not part of npm test's budget; CI runs it on every push.
"use strict";
const { spawn } = require("node:child_process");
const { readFileSync } = require("node:fs");
const path = require("node:path");
const grpc = require("@grpc/grpc-js");
const { GetSchemaRequest } = require("@pulumi/pulumi/proto/provider_pb");
const { ResourceProviderClient } = require("@pulumi/pulumi/proto/provider_grpc_pb");

const PLUGIN = __dirname;
const runPlugin = require.resolve("@pulumi/pulumi/cmd/run-plugin/index.js");
// GetSchema needs no engine; the address only has to be there.
const host = spawn(process.execPath, [runPlugin, PLUGIN, "127.0.0.1:1"], { cwd: PLUGIN, stdio: ["ignore", "pipe", "pipe"] });
let stderr = "";
host.stderr.on("data", (chunk) => (stderr += chunk));
host.on("exit", (code) => {
    console.error(`The plugin host exited (${code}) before serving:\n${stderr}`);
    process.exit(1);
});
const finish = (code, message) => {
    host.removeAllListeners("exit");
    host.kill();
    (code === 0 ? console.log : console.error)(message);
    process.exit(code);
};
host.stdout.on("data", (chunk) => {
    const port = String(chunk).trim();
    if (!/^\d+$/.test(port)) return;
    const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    client.getSchema(new GetSchemaRequest(), (error, response) => {
        if (error) return finish(1, `GetSchema failed: ${error.message}\n${stderr}`);
        const served = JSON.parse(response.getSchema());
        const reviewed = JSON.parse(readFileSync(path.join(PLUGIN, "schema.json"), "utf8"));
        if (JSON.stringify(served) !== JSON.stringify(reviewed))
            return finish(1, "The served schema differs from plugin/schema.json: run npm run schema and review the diff.");
        finish(0, `The plugin host serves plugin/schema.json: ${Object.keys(served.resources).join(", ")}.`);
    });
});
