import fc from "fast-check";
import { REDACTED, looksLikeCredential, redact } from "../../lib/redact";

test.each([
    ["http://user:ghp_token123456@github.com/a/b.git", "http://***@github.com/a/b.git"],
    ["https://u:p@ss@github.com/a/b", "https://***@github.com/a/b"],
    ["https://h:h@h.example.com/r", "https://***@h.example.com/r"],
    ["https://ghp_abcdefghij1234567890@github.com/a/b", "https://***@github.com/a/b"],
    ["https://github.com/a/b?access_token=s3cr3t&x=1", "https://github.com/a/b?access_token=***&x=1"],
    ["two: https://a:b@x.io/1 and https://c:d@y.io/2", "two: https://***@x.io/1 and https://***@y.io/2"],
    ["token ghp_0123456789abcdefABCDEF in text", "token *** in text"],
    ["https://dbc-1.cloud.databricks.com", "https://dbc-1.cloud.databricks.com"],
    ["/Repos/alice@example.com/iris", "/Repos/alice@example.com/iris"],
])("redact(%s)", (input, expected) => expect(redact(input)).toBe(expected));

test("property: no password placed in a URL's userinfo survives, whatever it holds and however often it appears", () => {
    fc.assert(
        fc.property(fc.stringMatching(/^[A-Za-z0-9!$%&*+,;=._~@:-]{6,30}$/), fc.integer({ min: 1, max: 3 }), (password, times) => {
            const url = `https://user:${password}@github.com/acme/iris.git`;
            const text = Array.from({ length: times }, () => `gitUrl is "${url}";`).join(" ");
            const masked = redact(text);
            return !masked.includes(`:${password}@`) && masked.split(`${REDACTED}@github.com`).length === times + 1;
        }),
    );
});

test("a credential-looking user name is told from an organisation name", () => {
    expect(looksLikeCredential("ghp_0123456789abcdefABCDEF")).toBe(true);
    expect(looksLikeCredential("a1b2c3d4e5f6g7h8i9j0k1l2")).toBe(true);
    expect(looksLikeCredential("acme-data")).toBe(false);
    expect(looksLikeCredential("alice")).toBe(false);
});
