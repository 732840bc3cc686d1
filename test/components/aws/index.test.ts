import { describeCloudComponent } from "../cloudSuite";

describeCloudComponent({
    cloud: "aws",
    componentType: "databricks-kedro-stack:aws:KedroEnvironment",
    nodeType: "m4.large",
    attributesArg: "awsAttributes",
    spot: { availability: "SPOT_WITH_FALLBACK", firstOnDemand: 1, zoneId: "auto" },
    onDemand: { availability: "ON_DEMAND", zoneId: "auto" },
    otherCloudNodeType: "Standard_DS3_v2",
});
