import { accessControlsFor, isServicePrincipal, singleUserOf } from "../../lib/people";

const person = { userName: "alice@example.com", aclPrincipalId: "users/alice@example.com" };
const robot = { userName: "6f1b2c3d-0000-4000-8000-00000000c1c1", aclPrincipalId: "servicePrincipals/6f1b2c3d-0000-4000-8000-00000000c1c1" };

test("a service principal is told apart by its ACL principal, not by its name", () => {
    expect(isServicePrincipal(person)).toBe(false);
    expect(isServicePrincipal(robot)).toBe(true);
    expect(isServicePrincipal({ userName: "ci-bot@example.com", aclPrincipalId: "servicePrincipals/ci-bot@example.com" })).toBe(true);
});

describe("singleUserOf", () => {
    test("singleUserName, then environmentUser, then a person deploying", () => {
        expect(singleUserOf("bob@example.com", { user: "carol@example.com" }, robot, "dev")).toBe("bob@example.com");
        expect(singleUserOf(undefined, { user: "carol@example.com" }, robot, "dev")).toBe("carol@example.com");
        expect(singleUserOf(undefined, {}, person, "dev")).toBe("alice@example.com");
    });

    test("a service principal with no one named is refused, with the command for the stack", () => {
        expect(() => singleUserOf(undefined, { group: "data-science" }, robot, "prod")).toThrow(/pulumi config set environmentUser '<you@example.com>' --stack prod/);
    });
});

describe("accessControlsFor", () => {
    test("grants the user and the group the level", () => {
        expect(accessControlsFor({ user: "carol@example.com", group: "data-science" }, robot, "CAN_RUN")).toEqual([
            { userName: "carol@example.com", permissionLevel: "CAN_RUN" },
            { groupName: "data-science", permissionLevel: "CAN_RUN" },
        ]);
    });

    test("leaves the deploying identity out: the provider refuses a lower level for it", () => {
        expect(accessControlsFor({ user: "Alice@example.com", group: "data-science" }, person, "CAN_RESTART")).toEqual([{ groupName: "data-science", permissionLevel: "CAN_RESTART" }]);
        expect(() => accessControlsFor({ user: "alice@example.com" }, person, "CAN_RESTART")).toThrow(/environmentUser alice@example.com is the identity running pulumi up/);
    });
});
