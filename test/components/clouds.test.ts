/** The environment on each cloud: that cloud's node type, availability settings and checks. */
import { describeCloudComponent } from "./cloudSuite";

describe("aws", () =>
    describeCloudComponent({
        cloud: "aws",
        nodeType: "m4.large",
        cloudAttributesArg: "awsAttributes",
        // m4.large has no instance store: the Clusters API demands an EBS volume.
        spot: {
            availability: "SPOT_WITH_FALLBACK",
            firstOnDemand: 1,
            zoneId: "auto",
            ebsVolumeType: "GENERAL_PURPOSE_SSD",
            ebsVolumeCount: 1,
            ebsVolumeSize: 100,
        },
        onDemand: { availability: "ON_DEMAND", zoneId: "auto", ebsVolumeType: "GENERAL_PURPOSE_SSD", ebsVolumeCount: 1, ebsVolumeSize: 100 },
        otherCloudNodeType: "Standard_DS3_v2",
    }));

describe("azure", () =>
    describeCloudComponent({
        cloud: "azure",
        nodeType: "Standard_DS3_v2",
        cloudAttributesArg: "azureAttributes",
        spot: { availability: "SPOT_WITH_FALLBACK_AZURE", firstOnDemand: 1, spotBidMaxPrice: -1 },
        onDemand: { availability: "ON_DEMAND_AZURE" },
        otherCloudNodeType: "m4.large",
    }));

describe("gcp", () =>
    describeCloudComponent({
        cloud: "gcp",
        nodeType: "n1-standard-4",
        cloudAttributesArg: "gcpAttributes",
        spot: { availability: "PREEMPTIBLE_WITH_FALLBACK_GCP", firstOnDemand: 1 },
        onDemand: { availability: "ON_DEMAND_GCP" },
        otherCloudNodeType: "m4.large",
    }));
