import { describeCloudComponent } from "../cloudSuite";

describeCloudComponent({
    cloud: "aws",
    componentType: "databricks-kedro-stack:index:DatabricksKedroEnvironment",
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
});
