// Writes plugin/schema.json, the reviewed copy the schema test compares with: npm run schema.
require("ts-node").register({ transpileOnly: true, swc: true, project: require("path").join(__dirname, "..", "tsconfig.json") });
const { writeFileSync } = require("fs");
const { join } = require("path");
const { buildSchema } = require("./schema.ts");

buildSchema().then((schema) => {
    writeFileSync(join(__dirname, "schema.json"), JSON.stringify(schema, null, 2) + "\n");
    console.log(`plugin/schema.json: ${Object.keys(schema.resources).join(", ")}`);
});
