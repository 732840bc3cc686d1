"""A Kedro environment on an existing AWS Databricks workspace, from Python.

`pulumi package add <path to databricks-kedro-stack>/plugin` generates the
`pulumi_databricks_kedro_stack` SDK used here. The workspace is the one the
stack's `databricks:host` names; the Git token is a secret of this stack:
pulumi config set --secret gitToken <token>.
"""

import pulumi
import pulumi_databricks_kedro_stack as kedro

config = pulumi.Config()

environment = kedro.DatabricksKedroEnvironment(
    "kedro",
    cloud="aws",
    git_url="https://github.com/acme/iris-databricks.git",
    git_username="alice",
    git_token=config.require_secret("gitToken"),
    environment_user="bob@example.com",
    job=True,
    git_commit=config.require("gitCommit"),
    job_schedule="0 0 6 * * ?",
    job_timezone="Europe/Paris",
)

pulumi.export("clusterUrl", environment.cluster_url)
pulumi.export("notebookUrl", environment.notebook_url)
pulumi.export("jobUrl", environment.job_url)
