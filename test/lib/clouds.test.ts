import { AWS_EBS_VOLUMES, CLOUDS, CLOUD_PROFILES, cloudAttributesFor, awsNeedsEbs, cloudOfHost, cloudOfNodeType } from "../../lib/clouds";
import { DEFAULT_NODE_TYPES } from "../../policy/policies";

const tutorial = (cloud: "aws" | "azure" | "gcp") => [CLOUD_PROFILES[cloud].defaultNodeType];

describe("the per-cloud table", () => {
    test("worker types are the tutorial's", () => {
        expect(CLOUD_PROFILES.aws.defaultNodeType).toBe("m4.large");
        expect(CLOUD_PROFILES.azure.defaultNodeType).toBe("Standard_DS3_v2");
        expect(CLOUD_PROFILES.gcp.defaultNodeType).toBe("n1-standard-4");
    });

    test("spot keeps the driver on-demand and falls back to on-demand", () => {
        expect(cloudAttributesFor("aws", true, ["m5d.large"])).toEqual({ awsAttributes: { availability: "SPOT_WITH_FALLBACK", firstOnDemand: 1, zoneId: "auto" } });
        expect(cloudAttributesFor("azure", true, tutorial("azure"))).toEqual({ azureAttributes: { availability: "SPOT_WITH_FALLBACK_AZURE", firstOnDemand: 1, spotBidMaxPrice: -1 } });
        expect(cloudAttributesFor("gcp", true, tutorial("gcp"))).toEqual({ gcpAttributes: { availability: "PREEMPTIBLE_WITH_FALLBACK_GCP", firstOnDemand: 1 } });
    });

    test("on-demand is explicit on every cloud", () => {
        expect(cloudAttributesFor("aws", false, ["m5d.large"])).toEqual({ awsAttributes: { availability: "ON_DEMAND", zoneId: "auto" } });
        expect(cloudAttributesFor("azure", false, tutorial("azure"))).toEqual({ azureAttributes: { availability: "ON_DEMAND_AZURE" } });
        expect(cloudAttributesFor("gcp", false, tutorial("gcp"))).toEqual({ gcpAttributes: { availability: "ON_DEMAND_GCP" } });
    });

    test("GCP never uses the deprecated usePreemptibleExecutors", () => {
        for (const spot of [true, false]) expect(JSON.stringify(cloudAttributesFor("gcp", spot, tutorial("gcp")))).not.toContain("usePreemptibleExecutors");
    });

    test("the returned attributes are copies, so callers cannot change the table", () => {
        const attributes = cloudAttributesFor("aws", true, tutorial("aws")).awsAttributes!;
        attributes.availability = "ON_DEMAND";
        expect(CLOUD_PROFILES.aws.spotAttributes.availability).toBe("SPOT_WITH_FALLBACK");
    });

    test("the tutorial's m4.large, which has no instance store, gets an EBS volume the Clusters API demands", () => {
        for (const spot of [true, false]) expect(cloudAttributesFor("aws", spot, tutorial("aws")).awsAttributes).toMatchObject(AWS_EBS_VOLUMES);
    });

    test("a driver without an instance store gets EBS even when the worker has local disks", () => {
        expect(cloudAttributesFor("aws", true, ["m5d.large", "m5.large"]).awsAttributes).toMatchObject(AWS_EBS_VOLUMES);
    });

    test("every AWS node type the node-types policy allows either has an instance store or is given EBS", () => {
        for (const nodeType of DEFAULT_NODE_TYPES.aws) {
            const attributes = cloudAttributesFor("aws", true, [nodeType]).awsAttributes!;
            expect(awsNeedsEbs(nodeType) ? attributes.ebsVolumeCount : 0).toBe(awsNeedsEbs(nodeType) ? 1 : 0);
        }
    });

    test("each cloud's default node type is recognised as that cloud's", () => {
        for (const cloud of CLOUDS) expect(cloudOfNodeType(CLOUD_PROFILES[cloud].defaultNodeType)).toBe(cloud);
    });
});

test.each([
    ["i3.xlarge", "aws"],
    ["r5d.2xlarge", "aws"],
    ["g4dn.xlarge", "aws"],
    ["m7gd.large", "aws"],
    ["Standard_E8ds_v4", "azure"],
    ["Standard_NC6s_v3", "azure"],
    ["n2-highmem-8", "gcp"],
    ["e2-standard-4", "gcp"],
    ["a2-highgpu-1g", "gcp"],
    ["whatever", undefined],
])("cloudOfNodeType(%s) is %s", (nodeType, cloud) => expect(cloudOfNodeType(nodeType)).toBe(cloud));

test.each([
    ["dbc-1234.cloud.databricks.com", "aws"],
    ["acme.cloud.databricks.us", "aws"],
    ["adb-1.2.azuredatabricks.net", "azure"],
    ["ADB-1.2.AzureDatabricks.net", "azure"],
    ["1.2.gcp.databricks.com", "gcp"],
    ["databricks.acme.internal", undefined],
    ["cloud.databricks.com.evil.io", undefined],
])("cloudOfHost(%s) is %s", (host, cloud) => expect(cloudOfHost(host)).toBe(cloud));

test.each([
    ["m4.large", true],
    ["m5.xlarge", true],
    ["r5.large", true],
    // Storage families keep their NVMe store whatever their options (EC2's instance-store table).
    ["i3.xlarge", false],
    ["i3en.xlarge", false],
    ["d3.xlarge", false],
    ["c5.2xlarge", true],
    ["m5d.large", false],
    ["r6gd.xlarge", false],
    ["g4dn.xlarge", false],
    ["m5ad.4xlarge", false],
    ["not-a-type", true],
])("awsNeedsEbs(%s) is %s: only a 'd' option promises local disks", (nodeType, needs) => expect(awsNeedsEbs(nodeType)).toBe(needs));
