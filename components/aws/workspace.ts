import * as pulumi from "@pulumi/pulumi";
import { createdOn } from "../../config/workspace";
import * as databricks from "../databricks";
// Each AWS resource from its own module: even @pulumi/aws/s3 loads every S3 resource's types.
import { Role } from "@pulumi/aws/iam/role";
import { RolePolicy } from "@pulumi/aws/iam/rolePolicy";
import { Bucket } from "@pulumi/aws/s3/bucket";
import { BucketOwnershipControls } from "@pulumi/aws/s3/bucketOwnershipControls";
import { BucketPolicy } from "@pulumi/aws/s3/bucketPolicy";
import { BucketPublicAccessBlock } from "@pulumi/aws/s3/bucketPublicAccessBlock";
import { BucketServerSideEncryptionConfiguration } from "@pulumi/aws/s3/bucketServerSideEncryptionConfiguration";
import { iamPropagationWaitMs } from "../../lib/iamPropagation";
import { rootBucketPrefix } from "../../lib/workspaceNaming";
import type { CreatedWorkspace, WorkspaceProvisioningArgs } from "../workspace";
import { componentType, movedFrom } from "../types";

export const AWS_ACCOUNTS_HOST = "https://accounts.cloud.databricks.com";

/**
 * A Databricks workspace on AWS with a Databricks-managed VPC: an encrypted,
 * private root bucket, a cross-account role, and the account-level
 * credential, storage configuration and workspace.
 */
export class AwsDatabricksWorkspace extends pulumi.ComponentResource implements CreatedWorkspace {
    readonly accountProvider: databricks.Provider;
    readonly rootBucket: Bucket;
    readonly crossAccountRole: Role;
    readonly workspace: databricks.MwsWorkspaces;
    readonly provider: databricks.Provider;
    readonly workspaceUrl: pulumi.Output<string>;

    constructor(name: string, args: WorkspaceProvisioningArgs, opts: pulumi.ComponentResourceOptions = {}) {
        super(componentType("AwsDatabricksWorkspace"), name, {}, movedFrom("databricks-kedro-stack:aws:DatabricksWorkspace", opts));
        const { tags } = args;
        const workspace = createdOn(args.workspace, "aws");
        const { accountId } = workspace;
        const parent = { parent: this };

        this.accountProvider = new databricks.Provider(
            `${name}-account`,
            {
                host: AWS_ACCOUNTS_HOST,
                accountId,
                authType: workspace.authType,
                clientId: workspace.clientId,
                clientSecret: args.clientSecret,
            },
            parent,
        );
        const account = { parent: this, provider: this.accountProvider };

        const root = this.declareRootBucket(name, workspace.name, accountId, tags, account);
        this.rootBucket = root.bucket;
        const role = this.declareCrossAccountRole(name, accountId, tags, account);
        this.crossAccountRole = role.role;

        const credentials = new databricks.MwsCredentials(
            `${name}-credentials`,
            { accountId, credentialsName: `${workspace.name}-credentials`, roleArn: role.propagatedArn },
            account,
        );
        const storage = new databricks.MwsStorageConfigurations(
            `${name}-storage`,
            { accountId, storageConfigurationName: `${workspace.name}-storage`, bucketName: this.rootBucket.bucket },
            { ...account, dependsOn: [root.policy] },
        );
        this.workspace = new databricks.MwsWorkspaces(
            name,
            {
                accountId,
                workspaceName: workspace.name,
                awsRegion: workspace.region,
                credentialsId: credentials.credentialsId,
                storageConfigurationId: storage.storageConfigurationId,
                customTags: tags,
            },
            account,
        );
        this.workspaceUrl = this.workspace.workspaceUrl;

        // The deploying service principal administers the new workspace, so the same OAuth credentials work there.
        const servicePrincipal = databricks.getServicePrincipalOutput({ applicationId: workspace.clientId }, account);
        const adminAssignment = new databricks.MwsPermissionAssignment(
            `${name}-admin`,
            { workspaceId: this.workspace.workspaceId, principalId: servicePrincipal.id, permissions: ["ADMIN"] },
            account,
        );
        this.provider = new databricks.Provider(
            `${name}-workspace`,
            { host: this.workspaceUrl, authType: workspace.authType, clientId: workspace.clientId, clientSecret: args.clientSecret },
            { parent: this, dependsOn: [adminAssignment] },
        );

        this.registerOutputs({
            workspaceUrl: this.workspaceUrl,
            workspaceId: this.workspace.workspaceId,
            rootBucket: this.rootBucket.bucket,
        });
    }

    /** The root bucket (DBFS root): encrypted, never public, owned by the bucket owner, with the policy Databricks needs. */
    private declareRootBucket(
        name: string,
        workspaceName: string,
        accountId: string,
        tags: Record<string, string>,
        account: pulumi.InvokeOptions,
    ): { bucket: Bucket; policy: BucketPolicy } {
        const parent = { parent: this };
        const bucket = new Bucket(
            `${name}-root-bucket`,
            { bucketPrefix: rootBucketPrefix(workspaceName), forceDestroy: true, tags },
            parent,
        );
        new BucketServerSideEncryptionConfiguration(
            `${name}-root-bucket-encryption`,
            { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: true }] },
            parent,
        );
        const publicAccessBlock = new BucketPublicAccessBlock(
            `${name}-root-bucket-public-access`,
            { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            parent,
        );
        new BucketOwnershipControls(
            `${name}-root-bucket-ownership`,
            { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } },
            parent,
        );
        const bucketPolicy = databricks.getAwsBucketPolicyOutput({ bucket: bucket.bucket, databricksE2AccountId: accountId }, account);
        // After the public access block, so the policy is never briefly applied to an unguarded bucket.
        const policy = new BucketPolicy(
            `${name}-root-bucket-policy`,
            { bucket: bucket.id, policy: bucketPolicy.json },
            { parent: this, dependsOn: [publicAccessBlock] },
        );
        return { bucket, policy };
    }

    /** The cross-account role Databricks assumes (the account id as external id), and its ARN once IAM has seen it. */
    private declareCrossAccountRole(
        name: string,
        accountId: string,
        tags: Record<string, string>,
        account: pulumi.InvokeOptions,
    ): { role: Role; propagatedArn: pulumi.Output<string> } {
        const parent = { parent: this };
        const assumeRolePolicy = databricks.getAwsAssumeRolePolicyOutput({ externalId: accountId }, account);
        const role = new Role(`${name}-cross-account`, { assumeRolePolicy: assumeRolePolicy.json, tags }, parent);
        const crossAccountPolicy = databricks.getAwsCrossAccountPolicyOutput({}, account);
        const rolePolicy = new RolePolicy(`${name}-cross-account-policy`, { role: role.id, policy: crossAccountPolicy.json }, parent);
        // IAM is eventually consistent: a role used at once fails MwsCredentials. Only a new role waits.
        const propagatedArn = pulumi.all([role.arn, role.createDate, rolePolicy.id]).apply(async ([arn, createDate]) => {
            const waitMs = pulumi.runtime.isDryRun() ? 0 : iamPropagationWaitMs(createDate, new Date());
            if (waitMs > 0) await new Promise((done) => setTimeout(done, waitMs));
            return arn;
        });
        return { role, propagatedArn };
    }
}
