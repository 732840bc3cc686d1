/**
 * The naive baseline the benchmark compares against: the same resources as
 * the stack, written the way a first version usually is. It imports the SDK
 * package roots and runs with ts-node's type-check at start-up. Not part of
 * the product; never deployed.
 */
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as azure from "@pulumi/azure-native";
import * as gcp from "@pulumi/gcp";
import * as databricks from "@pulumi/databricks";
import * as github from "@pulumi/github";

void github;
const config = new pulumi.Config();
const cloud = config.require("cloud");
const stack = pulumi.getStack();
const name = `databricks-kedro-stack-${stack}`;
const accountId = config.get("databricksAccountId") ?? "";
let provider: databricks.Provider | undefined;

if (config.get("workspace") === "create") {
    if (cloud === "aws") {
        const account = new databricks.Provider("account", { host: "https://accounts.cloud.databricks.com", accountId });
        const bucket = new aws.s3.Bucket("root", { bucketPrefix: `${name}-root-`, forceDestroy: true });
        new aws.s3.BucketServerSideEncryptionConfiguration("enc", { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] });
        new aws.s3.BucketPublicAccessBlock("pab", { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
        new aws.s3.BucketOwnershipControls("own", { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } });
        new aws.s3.BucketPolicy("policy", { bucket: bucket.id, policy: databricks.getAwsBucketPolicyOutput({ bucket: bucket.bucket }, { provider: account }).json });
        const role = new aws.iam.Role("role", { assumeRolePolicy: databricks.getAwsAssumeRolePolicyOutput({ externalId: accountId }, { provider: account }).json });
        new aws.iam.RolePolicy("role-policy", { role: role.id, policy: databricks.getAwsCrossAccountPolicyOutput({}, { provider: account }).json });
        const credentials = new databricks.MwsCredentials("creds", { accountId, credentialsName: name, roleArn: role.arn }, { provider: account });
        const storage = new databricks.MwsStorageConfigurations("storage", { accountId, storageConfigurationName: name, bucketName: bucket.bucket }, { provider: account });
        const workspace = new databricks.MwsWorkspaces("ws", { accountId, workspaceName: name, awsRegion: new pulumi.Config("aws").require("region"), credentialsId: credentials.credentialsId, storageConfigurationId: storage.storageConfigurationId }, { provider: account });
        const sp = databricks.getServicePrincipalOutput({ applicationId: config.get("databricksClientId") }, { provider: account });
        new databricks.MwsPermissionAssignment("admin", { workspaceId: workspace.workspaceId, principalId: sp.id, permissions: ["ADMIN"] }, { provider: account });
        provider = new databricks.Provider("workspace", { host: workspace.workspaceUrl });
    } else if (cloud === "azure") {
        const group = new azure.resources.ResourceGroup("rg", { resourceGroupName: `rg-${name}`, location: new pulumi.Config("azure-native").require("location") });
        const client = azure.authorization.getClientConfigOutput();
        const workspace = new azure.databricks.Workspace("ws", {
            workspaceName: name,
            resourceGroupName: group.name,
            sku: { name: "premium" },
            computeMode: "Hybrid",
            managedResourceGroupId: pulumi.interpolate`/subscriptions/${client.subscriptionId}/resourceGroups/rg-${name}-managed`,
            parameters: { enableNoPublicIp: { value: true } },
        });
        provider = new databricks.Provider("workspace", { host: workspace.workspaceUrl, azureWorkspaceResourceId: workspace.id });
    } else {
        const project = new pulumi.Config("gcp").require("project");
        const sa = new gcp.serviceaccount.Account("sa", { accountId: `${name}-dbx`.slice(0, 30), project });
        for (const role of ["roles/editor", "roles/iam.roleAdmin", "roles/iam.securityAdmin"]) {
            new gcp.projects.IAMMember(role, { project, role, member: pulumi.interpolate`serviceAccount:${sa.email}` });
        }
        const me = gcp.organizations.getClientOpenIdUserInfoOutput();
        new gcp.serviceaccount.IAMMember("impersonate", { serviceAccountId: sa.name, role: "roles/iam.serviceAccountTokenCreator", member: pulumi.interpolate`user:${me.email}` });
        const account = new databricks.Provider("account", { host: "https://accounts.gcp.databricks.com", accountId, googleServiceAccount: sa.email });
        const workspace = new databricks.MwsWorkspaces("ws", { accountId, workspaceName: name, location: new pulumi.Config("gcp").require("region"), cloudResourceContainer: { gcp: { projectId: project } } }, { provider: account });
        provider = new databricks.Provider("workspace", { host: workspace.workspaceUrl, googleServiceAccount: sa.email });
    }
}

const nodeType = cloud === "aws" ? "m4.large" : cloud === "azure" ? "Standard_DS3_v2" : "n1-standard-4";
const attributes =
    cloud === "aws"
        ? { awsAttributes: { availability: "SPOT_WITH_FALLBACK", firstOnDemand: 1, zoneId: "auto" } }
        : cloud === "azure"
          ? { azureAttributes: { availability: "SPOT_WITH_FALLBACK_AZURE", firstOnDemand: 1, spotBidMaxPrice: -1 } }
          : { gcpAttributes: { availability: "PREEMPTIBLE_WITH_FALLBACK_GCP", firstOnDemand: 1 } };
const me = databricks.getCurrentUserOutput({}, { provider });
const cluster = new databricks.Cluster("cluster", {
    clusterName: `kedro-${stack}`,
    sparkVersion: "11.3.x-scala2.12",
    nodeTypeId: nodeType,
    driverNodeTypeId: nodeType,
    numWorkers: 1,
    autoterminationMinutes: 30,
    dataSecurityMode: "SINGLE_USER",
    singleUserName: me.userName,
    ...attributes,
}, { provider });
const credential = new databricks.GitCredential("git", { gitProvider: "gitHub", gitUsername: config.require("gitUsername"), personalAccessToken: config.requireSecret("gitToken") }, { provider });
const repo = new databricks.Repo("repo", { url: config.require("gitUrl"), branch: "main", path: pulumi.interpolate`/Repos/${me.userName}/kedro-${stack}`, gitCredentialId: credential.id.apply(Number) }, { provider });
const source = pulumi.interpolate`# Databricks notebook source\n# MAGIC %pip install kedro==0.18.7\n\n# COMMAND ----------\n\n# MAGIC %load_ext kedro.ipython\n\n# COMMAND ----------\n\n# MAGIC %reload_kedro /Workspace${repo.path}\n\n# COMMAND ----------\n\nsession.run()\n`;
const notebook = new databricks.Notebook("notebook", { path: pulumi.interpolate`${me.home}/kedro-${stack}`, language: "PYTHON", contentBase64: source.apply((text) => Buffer.from(text).toString("base64")) }, { provider });
export const clusterId = cluster.id;
export const notebookPath = notebook.path;
