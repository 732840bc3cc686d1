import { CLOUDS, CLOUD_PROFILES, availabilityFor, cloudOfHost, cloudOfNodeType } from "../../config";

describe("the per-cloud table", () => {
    test("worker types are the tutorial's", () => {
        expect(CLOUD_PROFILES.aws.defaultNodeType).toBe("m4.large");
        expect(CLOUD_PROFILES.azure.defaultNodeType).toBe("Standard_DS3_v2");
        expect(CLOUD_PROFILES.gcp.defaultNodeType).toBe("n1-standard-4");
    });

    test("spot keeps the driver on-demand and falls back to on-demand", () => {
        expect(availabilityFor("aws", true)).toEqual({ awsAttributes: { availability: "SPOT_WITH_FALLBACK", firstOnDemand: 1, zoneId: "auto" } });
        expect(availabilityFor("azure", true)).toEqual({ azureAttributes: { availability: "SPOT_WITH_FALLBACK_AZURE", firstOnDemand: 1, spotBidMaxPrice: -1 } });
        expect(availabilityFor("gcp", true)).toEqual({ gcpAttributes: { availability: "PREEMPTIBLE_WITH_FALLBACK_GCP", firstOnDemand: 1 } });
    });

    test("on-demand is explicit on every cloud", () => {
        expect(availabilityFor("aws", false)).toEqual({ awsAttributes: { availability: "ON_DEMAND", zoneId: "auto" } });
        expect(availabilityFor("azure", false)).toEqual({ azureAttributes: { availability: "ON_DEMAND_AZURE" } });
        expect(availabilityFor("gcp", false)).toEqual({ gcpAttributes: { availability: "ON_DEMAND_GCP" } });
    });

    test("GCP never uses the deprecated usePreemptibleExecutors", () => {
        for (const spot of [true, false]) expect(JSON.stringify(availabilityFor("gcp", spot))).not.toContain("usePreemptibleExecutors");
    });

    test("the returned attributes are copies, so callers cannot change the table", () => {
        const attributes = availabilityFor("aws", true).awsAttributes!;
        attributes.availability = "ON_DEMAND";
        expect(CLOUD_PROFILES.aws.spotAttributes.availability).toBe("SPOT_WITH_FALLBACK");
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
