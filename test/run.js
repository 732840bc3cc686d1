// npm test: the type-check (tsc) and the jest suite at once, one process each, so that the
// type-check's seconds overlap the suite's; fails when either fails. Arguments go to jest.
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");

const root = path.join(__dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const run = (command, args) =>
    new Promise((done) => {
        const child = spawn(command, args, { cwd: root, stdio: "inherit" });
        child.on("error", (error) => {
            console.error(`${path.basename(command)}: ${error.message}`);
            done(1);
        });
        child.on("exit", (code, signal) => done(code ?? (signal ? 1 : 0)));
    });

Promise.all([run(bin("tsc"), ["--noEmit", "-p", ".", "--noCheck", "false"]), run(bin("jest"), process.argv.slice(2))]).then(([typecheck, tests]) => {
    if (typecheck !== 0) console.error("The type-check (tsc --noEmit) failed.");
    process.exitCode = typecheck || tests;
});
