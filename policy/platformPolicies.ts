/** The guardrails of what surrounds the clusters: the Kedro repository, the AWS root bucket and the Azure workspace. */
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { TYPES, onType } from "./shared";

export const githubRepositorySafe: ResourceValidationPolicy = {
    name: "github-repository-safe",
    description: "The Kedro project's GitHub repository is private and is archived, not deleted, on destroy.",
    enforcementLevel: "mandatory",
    validateResource: onType(TYPES.githubRepository, undefined, (props, _config, _args, report) => {
        // visibility wins over the deprecated private flag when both are set, so each must say private.
        const visibility = props.visibility;
        if (
            (visibility !== undefined && visibility !== "private") ||
            props.private === false ||
            (visibility === undefined && props.private !== true)
        ) {
            report(`visibility is ${visibility ?? "unset"} and private is ${props.private ?? "unset"}; the repository must be private.`);
        }
        if (props.archiveOnDestroy !== true)
            report("archiveOnDestroy is not true: pulumi destroy would delete the repository and its code.");
    }),
};

export const s3RootBucketSecure: StackValidationPolicy = {
    name: "s3-root-bucket-secure",
    description: "Every S3 bucket blocks all public access and is encrypted.",
    enforcementLevel: "mandatory",
    validateStack: (args, report) => {
        const ofType = (...types: string[]) => args.resources.filter((resource) => types.includes(resource.type));
        const blocks = ofType(TYPES.s3PublicAccessBlock);
        const encryptions = ofType(TYPES.s3Encryption, TYPES.s3EncryptionV2);
        const flags = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];
        for (const bucket of ofType(TYPES.s3Bucket, TYPES.s3BucketV2)) {
            const ids = [bucket.props.bucket, bucket.props.id].filter(Boolean);
            // Every block on the bucket counts: the last one applied wins, so one open block opens it.
            const own = blocks.filter((resource) => ids.includes(resource.props.bucket));
            if (own.length === 0) report(`bucket ${bucket.name} has no public access block.`, bucket.urn);
            for (const block of own) {
                const open = flags.filter((flag) => block.props[flag] !== true);
                if (open.length > 0)
                    report(`bucket ${bucket.name}'s public access block ${block.name} leaves ${open.join(", ")} off.`, block.urn);
            }
            if (!encryptions.some((resource) => ids.includes(resource.props.bucket))) {
                report(`bucket ${bucket.name} has no server-side encryption configuration.`, bucket.urn);
            }
        }
    },
};

export const azureNoPublicIp: ResourceValidationPolicy = {
    name: "azure-no-public-ip",
    description: "An Azure Databricks workspace uses secure cluster connectivity (no public IP).",
    enforcementLevel: "mandatory",
    validateResource: onType([TYPES.azureWorkspace, TYPES.azureClassicWorkspace], undefined, (props, _config, args, report) => {
        if (args.type === TYPES.azureClassicWorkspace) {
            if (props.customParameters?.noPublicIp !== true)
                report("customParameters.noPublicIp is not true: cluster nodes would get public IPs.");
        } else if (props.parameters?.enableNoPublicIp?.value !== true)
            report("parameters.enableNoPublicIp is not true: cluster nodes would get public IPs.");
    }),
};
