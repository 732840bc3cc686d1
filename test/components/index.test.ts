import { AwsKedroEnvironment, AzureKedroEnvironment, COMPONENTS, GcpKedroEnvironment } from "../../components";
import { loadStackConfig } from "../../config";
import { TODAY, baseConfig, prepare } from "../harness";

test("each cloud has its own component", () => {
    expect(COMPONENTS.aws()).toBe(AwsKedroEnvironment);
    expect(COMPONENTS.azure()).toBe(AzureKedroEnvironment);
    expect(COMPONENTS.gcp()).toBe(GcpKedroEnvironment);
});

test("a component refuses settings for another cloud", async () => {
    await prepare({ config: baseConfig("aws") });
    const { settings, gitToken } = loadStackConfig(TODAY);
    expect(() => new AzureKedroEnvironment("wrong", { settings, gitToken })).toThrow("The azure component was given settings for aws.");
});
